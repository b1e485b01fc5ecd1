import { districtsOf, type District } from '../reference/regions.ts';
import { seededRandom, syntheticPerson } from '../registry/synthetic.ts';
import type { PersonRecord } from './book-writer.ts';

/**
 * Kabupaten Blora (regency 33.16) as the demo district: cooperatives placed in its real
 * kecamatan (Kemendagri codes from idn-area-data), people with valid synthetic NIKs of those
 * kecamatan (birth date coded, +40 for women). Everything follows from the seed.
 */

export const BLORA = '3316';

const NAMES = [
  'KSP Sido Makmur', 'KSP Tani Mulyo', 'KSU Sumber Rejeki', 'KSP Artha Mandiri', 'Kopwan Srikandi', 'KSP Mekar Sari', 'KSP Guyub Rukun',
  'KSP Bina Usaha', 'KSU Margo Utomo', 'KSP Lestari Jaya', 'KSPPS Barokah', 'KSP Sejahtera Bersama', 'KSP Karya Tani', 'KSU Ngudi Rejeki',
  'KSP Tunas Harapan', 'KSP Gemah Ripah',
];

/** How a cooperative's borrowers behave: shares of late payers and of loans gone bad. */
export interface BookProfile {
  late: number;
  bad: number;
}

export interface DemoCooperativePlan {
  code: string;
  name: string;
  kecamatan: District;
  profile: BookProfile;
}

/**
 * The cooperatives of the demo. About one in four is troubled (a fifth of its loans gone
 * bad, far above the 5 % line); the rest lend carefully (1–3 % bad).
 */
export function planCooperatives(count: number, seed: number): DemoCooperativePlan[] {
  const rng = seededRandom(seed * 7919 + 1);
  const kecamatan = districtsOf(BLORA).sort((a, b) => a.code.localeCompare(b.code));
  return Array.from({ length: count }, (_, i) => {
    const troubled = i % 4 === 2;
    const profile = troubled ? { late: 0.2, bad: 0.16 + rng() * 0.08 } : { late: 0.1 + rng() * 0.06, bad: 0.005 + rng() * 0.015 };
    const name = NAMES[i % NAMES.length] ?? `KSP Blora ${i + 1}`;
    return { code: `BLR${String(i + 1).padStart(2, '0')}`, name: i < NAMES.length ? name : `${name} ${Math.floor(i / NAMES.length) + 1}`, kecamatan: kecamatan[i % kecamatan.length] as District, profile };
  });
}

/**
 * `count` distinct people living in Blora's kecamatan. A NIK is unique per person (the
 * generator's sequence wraps at 9,999, so repeats are drawn again).
 */
export function bloraPeople(count: number, seed: number): PersonRecord[] {
  const rng = seededRandom(seed);
  const districts = districtsOf(BLORA).map((d) => d.code);
  const seen = new Set<string>();
  const people: PersonRecord[] = [];
  for (let serial = 0; people.length < count; serial++) {
    const p = syntheticPerson(rng, serial, districts);
    if (seen.has(p.nik)) continue;
    seen.add(p.nik);
    people.push({ ...p, sex: Number(p.nik.slice(6, 8)) > 40 ? 'F' : 'M', kecamatanCode: p.nik.slice(0, 6) });
  }
  return people;
}
