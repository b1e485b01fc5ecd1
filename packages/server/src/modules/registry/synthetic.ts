import fs from 'node:fs';
import { allDistricts } from '../reference/regions.ts';
import { COLUMNS } from './furnishing.columns.ts';

/** A small seeded PRNG (mulberry32): the same seed always gives the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Sri', 'Budi', 'Siti', 'Agus', 'Dewi', 'Joko', 'Wahyu', 'Rina', 'Slamet', 'Endang', 'Bambang', 'Yuni', 'Eko', 'Tri', 'Dwi', 'Nur'];
const LAST = ['Wahyuni', 'Santoso', 'Rahayu', 'Susanto', 'Lestari', 'Purnomo', 'Handayani', 'Setiawan', 'Kusuma', 'Hidayat', 'Pratama', 'Utami'];

/** A common Javanese first and family name. */
export function syntheticName(rng: () => number): string {
  return `${FIRST[Math.floor(rng() * FIRST.length)]} ${LAST[Math.floor(rng() * LAST.length)]}`;
}

export interface SyntheticPerson {
  nik: string;
  fullName: string;
  birthDate: string;
}

/** A person with a valid synthetic NIK: a real Blora district, birth date encoded (+40 for women). */
export function syntheticPerson(rng: () => number, serial: number, districts = bloraDistricts()): SyntheticPerson {
  const district = districts[Math.floor(rng() * districts.length)] ?? '331601';
  const female = rng() < 0.5;
  const year = 1955 + Math.floor(rng() * 48);
  const month = 1 + Math.floor(rng() * 12);
  const day = 1 + Math.floor(rng() * 28);
  const dd = String(day + (female ? 40 : 0)).padStart(2, '0');
  const nik = `${district}${dd}${String(month).padStart(2, '0')}${String(year % 100).padStart(2, '0')}${String((serial % 9999) + 1).padStart(4, '0')}`;
  const fullName = syntheticName(rng);
  return { nik, fullName, birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

let blora: string[] | undefined;
export function bloraDistricts(): string[] {
  blora ??= [...allDistricts().values()].filter((d) => d.regencyCode === '3316').map((d) => d.code);
  return blora;
}

/** One furnishing row (in COLUMNS order) for a synthetic account reported for `period`. */
export function syntheticAccountRow(rng: () => number, person: SyntheticPerson, ref: string, period: string): string[] {
  const amount = (1 + Math.floor(rng() * 50)) * 1_000_000;
  const tenor = [6, 12, 18, 24, 36][Math.floor(rng() * 5)] ?? 12;
  const r = rng();
  const dpd = r < 0.85 ? 0 : r < 0.93 ? Math.floor(rng() * 90) : Math.floor(90 + rng() * 400);
  const settled = rng() < 0.05;
  const outstanding = settled ? 0 : Math.floor(amount * (0.1 + rng() * 0.9));
  const instalment = Math.ceil(amount / tenor / 1000) * 1000;
  return [
    ref, person.nik, person.fullName, person.birthDate, 'Pinjaman Umum', `${Number(period.slice(0, 4)) - 1}${period.slice(4)}-15`,
    String(amount), String(tenor), 'monthly', String(instalment), String(outstanding), String(settled ? 0 : Math.min(outstanding, instalment * Math.ceil(dpd / 30))),
    String(settled ? 0 : dpd), settled ? 'settled' : 'active', `${period}-10`, settled ? `${period}-10` : '', '', '',
  ];
}

/** Writes a furnishing CSV of `rows` accounts (valid rows, realistic spread) and returns its path. */
export function writeSyntheticCsv(file: string, rows: number, period: string, seed = 1): string {
  const rng = seededRandom(seed);
  const districts = bloraDistricts();
  const fd = fs.openSync(file, 'w');
  let buffer = `${COLUMNS.join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    const person = syntheticPerson(rng, i, districts);
    buffer += `${syntheticAccountRow(rng, person, `ACC${String(i).padStart(8, '0')}`, period).join(',')}\n`;
    if (buffer.length > 1 << 20) {
      fs.writeSync(fd, buffer);
      buffer = '';
    }
  }
  fs.writeSync(fd, buffer);
  fs.closeSync(fd);
  return file;
}
