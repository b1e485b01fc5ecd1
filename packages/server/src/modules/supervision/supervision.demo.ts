import type { Services } from '../../http/context.ts';
import { updateCooperativeRow } from '../cooperatives/cooperatives.repository.ts';
import { insertRegisteredCooperative } from '../cooperatives/cooperatives.service.ts';
import { applyStatusChange } from '../cooperatives/cooperatives.status.ts';
import type { DemoStep } from '../demo/demo.ts';
import { districtsOf } from '../reference/regions.ts';
import { COLUMNS } from '../registry/furnishing.columns.ts';
import type { FileRow } from '../registry/furnishing.readers.ts';
import { importRows } from '../registry/furnishing.service.ts';
import { seededRandom, syntheticAccountRow, syntheticPerson } from '../registry/synthetic.ts';
import { shiftPeriod } from './supervision.policy.ts';

/**
 * The Dinas's side of the demo district: registry facts for the workspace cooperatives, and
 * cooperatives in every status beside them — file-only furnishers (one above 5 % NPL), an
 * active one without a RAT since 2023, a participant that never furnished, inactive ones that
 * never furnished (one inactive long enough to be a candidate for dissolution).
 */
interface Extra {
  code: string;
  name: string;
  lastRatYear: number | null;
  participation: boolean;
  /** Accounts furnished by file last month, and the share of them gone bad. */
  furnished?: { accounts: number; bad: number };
  inactiveSince?: string;
  reason?: string;
}

function extras(today: string): Extra[] {
  const year = Number(today.slice(0, 4));
  return [
    { code: 'BLRF01', name: 'KSP Mitra Desa (laporan berkas)', lastRatYear: year - 1, participation: true, furnished: { accounts: 240, bad: 0.02 } },
    { code: 'BLRF02', name: 'KSP Panca Usaha (laporan berkas)', lastRatYear: year - 1, participation: true, furnished: { accounts: 180, bad: 0.3 } },
    { code: 'BLRR01', name: 'KSU Wono Asri', lastRatYear: year - 3, participation: false },
    { code: 'BLRN01', name: 'KSP Dharma Bakti', lastRatYear: year - 1, participation: true },
    { code: 'BLRI01', name: 'Koperasi Karyawan Pabrik Gula', lastRatYear: year - 4, participation: false, inactiveSince: `${year - 3}-03-31`, reason: 'Tidak ada kegiatan usaha; pengurus tidak dapat dihubungi' },
    { code: 'BLRI02', name: 'KSU Sri Rejeki', lastRatYear: year - 2, participation: false, inactiveSince: `${year}-01-31`, reason: 'Tidak RAT dua tahun berturut-turut' },
  ];
}

/** A file of synthetic accounts (synthetic.ts) for `period`, with `bad` of them far past due. */
async function* fileRows(seed: number, accounts: number, bad: number, period: string): AsyncGenerator<FileRow> {
  const rng = seededRandom(seed);
  const districts = districtsOf('3316').map((d) => d.code);
  yield { row: 1, cells: [...COLUMNS] };
  for (let i = 0; i < accounts; i++) {
    const cells = syntheticAccountRow(rng, syntheticPerson(rng, 5000 + seed + i, districts), `F${seed}-${i}`, period);
    if (rng() < bad && cells[COLUMNS.indexOf('status')] === 'active') cells[COLUMNS.indexOf('days_past_due')] = String(200 + Math.floor(rng() * 200));
    yield { row: i + 2, cells };
  }
}

async function addExtra(services: Services, extra: Extra, today: string, index: number): Promise<void> {
  const kecamatan = districtsOf('3316')[(index * 5) % 16]?.code ?? null;
  const id = await services.db.db.transaction().execute(async (trx) => {
    const coopId = await insertRegisteredCooperative(trx, services, null, {
      code: extra.code, name: extra.name, type: extra.name.startsWith('KSU') ? 'ksu' : 'ksp', kecamatanCode: kecamatan, lastRatYear: extra.lastRatYear,
      registryParticipation: extra.participation, membersCount: 40 + index * 35, foundedOn: `${2001 + index}-07-12`,
    });
    // Registered long before today: the furnishing rule gives newcomers three months first.
    await updateCooperativeRow(trx, coopId, { created_at: `${Number(today.slice(0, 4)) - 5}-01-10T02:00:00.000Z` });
    if (extra.inactiveSince) await applyStatusChange(trx, services, null, coopId, 'active', { status: 'inactive', reason: extra.reason ?? 'demo', effectiveOn: extra.inactiveSince });
    return coopId;
  });
  if (extra.furnished) {
    const period = shiftPeriod(today.slice(0, 7), -1);
    await importRows(services, { cooperativeId: id, period, source: 'file', strict: false, fullFile: true, actor: null, fileName: `${extra.code}-${period}.csv` }, fileRows(index + 1, extra.furnished.accounts, extra.furnished.bad, period));
  }
}

/** Registry facts for the workspace cooperatives: legal numbers, founding, members, last RAT. */
async function completeProfiles(services: Services, cooperatives: Map<string, number>, members: Map<string, number>, today: string): Promise<void> {
  const year = Number(today.slice(0, 4));
  let i = 0;
  for (const [code, id] of cooperatives) {
    await updateCooperativeRow(services.db.db, id, {
      nik_koperasi: `331600${String(1000 + i)}`, legal_entity_no: `AHU-00${String(120 + i)}.AH.01.26.${2008 + (i % 12)}`, founded_on: `${1995 + i}-0${1 + (i % 9)}-15`,
      members_count: members.get(code) ?? null, last_rat_year: i % 5 === 4 ? year - 2 : year - 1, registry_participation: 1,
    });
    i++;
  }
}

/** The demo step: added to `simpul demo` before the month-end history. */
export const supervisionDemoStep: DemoStep = {
  name: 'supervision',
  async run(ctx) {
    const members = new Map([...ctx.members].map(([code, list]) => [code, list.length]));
    await completeProfiles(ctx.services, ctx.cooperatives, members, ctx.today);
    const list = extras(ctx.today);
    for (const [i, extra] of list.entries()) await addExtra(ctx.services, extra, ctx.today, i);
    ctx.log(`${list.length} koperasi lain untuk Dinas: 2 melapor lewat berkas, 1 tanpa RAT, 1 belum pernah melapor, 2 tidak aktif`);
  },
};
