import type { HealthBand } from '@simpul/domain';
import { businessDate } from '../../config/env.ts';
import type { Services } from '../../http/context.ts';
import { kecamatanName } from '../cooperatives/cooperatives.profile.ts';
import { inquiryAbuseFlags, type AbuseFlag } from '../inquiry/abuse.service.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ActivityStatus, Cooperative } from '../cooperatives/cooperatives.table.ts';
import { causeGroups, causeSummary, type CauseGroup, type CauseSummary } from './supervision.causes.ts';
import { currentBookGroups, writeOffGroups, type BandGroup, type WriteOffGroup } from './supervision.aggregate.ts';
import { furnishingRecords, type FurnishingRecord } from './supervision.compliance.ts';
import { aboveNplLimit, figuresOf, groupBy, type Figures } from './supervision.figures.ts';
import { NPL_LIMIT_PERCENT, REGISTRY_POLICY, shiftPeriod } from './supervision.policy.ts';

/** The cooperatives' columns a figures line shows: not the address or the (encrypted) board contacts. */
const LINE_COLUMNS = ['id', 'code', 'name', 'kecamatan_code', 'activity_status', 'registry_participation', 'members_count'] as const;
export type CooperativeRow = Pick<Cooperative, (typeof LINE_COLUMNS)[number]>;

/** The cooperatives as the dashboard and its table read them (the table adds filters, order and a page). */
export const cooperativeRows = (db: Kysely<Database>) => db.selectFrom('cooperatives').select(LINE_COLUMNS);

/** One cooperative's line on the district dashboard: aggregates only, never a member. */
export interface CooperativeFigures extends Figures {
  id: number;
  code: string;
  name: string;
  kecamatanCode: string | null;
  kecamatanName: string | null;
  activityStatus: ActivityStatus;
  registryParticipation: boolean;
  membersCount: number | null;
  lastPeriod: string | null;
  furnishedLastMonth: boolean;
  rowsRejectedLastMonth: number;
}

export interface KecamatanFigures extends Figures {
  code: string | null;
  name: string | null;
  cooperatives: number;
  active: number;
  causes: CauseSummary;
}

export interface DistrictDashboard {
  asOf: string;
  /** The month furnishing compliance is checked for: the one before the business date's. */
  lastMonth: string;
  policy: { id: string; name: string };
  nplLimitPercent: number;
  counts: { cooperatives: number; active: number; inactive: number; participating: number; withLoans: number; members: number; aboveLimit: number };
  district: Figures;
  bands: Record<HealthBand | 'none', number>;
  aboveLimit: CooperativeFigures[];
  cooperatives: CooperativeFigures[];
  kecamatan: KecamatanFigures[];
  /** Causes of problem loans across the district (recovery cases of the workspace cooperatives). */
  causes: CauseSummary;
  compliance: { period: string; expected: number; furnished: number; rowsRejected: number; rows: number };
  /** Cooperatives the inquiry module's abuse watch flags (fishing, unusual volume): counts only. */
  inquiryFlags: AbuseFlag[];
}

/**
 * What GET /api/supervision/dashboard answers: the district without a line per cooperative.
 * A province has 10,000 of them (≈ 7.7 MB of JSON); the page reads them a page at a time
 * from the cooperatives table (supervision.cooperatives-table.ts), the list above 5 % too.
 * Exports and the PDF keep the full lists.
 */
export type DashboardAnswer = Omit<DistrictDashboard, 'cooperatives' | 'aboveLimit'> & {
  /**
   * The first page of the list above 5 % (worst first), as the table would answer it: the
   * dashboard has every line at hand, and the table would compute them all again.
   */
  aboveLimitPage: { total: number; page: number; pageSize: number; items: CooperativeFigures[] };
};

/** Rows of a page of the cooperatives table unless asked otherwise. */
export const TABLE_PAGE_SIZE = 25;

export function dashboardAnswer(d: DistrictDashboard): DashboardAnswer {
  const { cooperatives: _lines, aboveLimit, ...answer } = d;
  return { ...answer, aboveLimitPage: { total: aboveLimit.length, page: 1, pageSize: TABLE_PAGE_SIZE, items: aboveLimit.slice(0, TABLE_PAGE_SIZE) } };
}

export function cooperativeLine(c: CooperativeRow, groups: BandGroup[], writeOffs: WriteOffGroup[], furnishing: FurnishingRecord | undefined): CooperativeFigures {
  // Object.assign, not a spread of the figures into this literal: V8 took ≈ 20 µs per line
  // for that spread, 0.2 s of CPU for a province's 10,000 lines (≈ 2 ms this way).
  const line = {
    id: c.id, code: c.code, name: c.name, kecamatanCode: c.kecamatan_code, kecamatanName: kecamatanName(c.kecamatan_code),
    activityStatus: c.activity_status, registryParticipation: c.registry_participation === 1, membersCount: c.members_count,
    lastPeriod: furnishing?.lastPeriod ?? null, furnishedLastMonth: (furnishing?.batches ?? 0) > 0, rowsRejectedLastMonth: furnishing?.rejected ?? 0,
  };
  return Object.assign(line, figuresOf(groups, writeOffs));
}

function byKecamatan(coops: CooperativeRow[], groups: Map<number, BandGroup[]>, writeOffs: Map<number, WriteOffGroup[]>, causes: Map<number, CauseGroup[]>): KecamatanFigures[] {
  const out: KecamatanFigures[] = [];
  for (const [code, members] of groupBy(coops, (c) => c.kecamatan_code)) {
    const figures = figuresOf(members.flatMap((c) => groups.get(c.id) ?? []), members.flatMap((c) => writeOffs.get(c.id) ?? []));
    const active = members.filter((c) => c.activity_status === 'active').length;
    out.push({ ...figures, code, name: kecamatanName(code), cooperatives: members.length, active, causes: causeSummary(members.flatMap((c) => causes.get(c.id) ?? [])) });
  }
  return out.sort((a, b) => (a.name ?? '~').localeCompare(b.name ?? '~'));
}

/**
 * The district dashboard: every figure from the registry accounts grouped in SQL by
 * cooperative and DPD band, then the domain's ratio arithmetic. The district line is the
 * same arithmetic over all cooperatives' groups, so it is their exact sum; so are the causes
 * of problem loans, summed from per-cooperative counts.
 */
export async function districtDashboard(services: Services): Promise<DistrictDashboard> {
  const db = services.db.reader;
  const asOf = businessDate(services.now());
  const lastMonth = shiftPeriod(asOf.slice(0, 7), -1);
  const [coops, book, writeOffs, furnishing, flags, causes] = await Promise.all([
    cooperativeRows(db).orderBy('code').execute(), currentBookGroups(db), writeOffGroups(db), furnishingRecords(db, lastMonth), inquiryAbuseFlags(services), causeGroups(db),
  ]);
  const groups = groupBy(book, (g) => g.cooperativeId);
  const wo = groupBy(writeOffs, (w) => w.cooperativeId);
  const lines = coops.map((c) => cooperativeLine(c, groups.get(c.id) ?? [], wo.get(c.id) ?? [], furnishing.get(c.id)));
  const bands: Record<HealthBand | 'none', number> = { sehat: 0, cukup_sehat: 0, kurang_sehat: 0, tidak_sehat: 0, none: 0 };
  for (const line of lines) bands[line.healthBand ?? 'none']++;
  const aboveLimit = lines.filter((l) => aboveNplLimit(l, NPL_LIMIT_PERCENT)).sort((a, b) => b.nplGross - a.nplGross || a.code.localeCompare(b.code));
  const expected = lines.filter((l) => l.activityStatus === 'active' && l.registryParticipation);
  return {
    asOf, lastMonth, policy: { id: REGISTRY_POLICY.id, name: REGISTRY_POLICY.name }, nplLimitPercent: NPL_LIMIT_PERCENT,
    counts: {
      cooperatives: coops.length, active: coops.filter((c) => c.activity_status === 'active').length, inactive: coops.filter((c) => c.activity_status === 'inactive').length,
      participating: coops.filter((c) => c.registry_participation === 1).length, withLoans: lines.filter((l) => l.outstanding > 0).length,
      members: coops.reduce((s, c) => s + (c.activity_status === 'active' ? (c.members_count ?? 0) : 0), 0), aboveLimit: aboveLimit.length,
    },
    district: figuresOf(book, writeOffs),
    bands,
    aboveLimit,
    cooperatives: lines,
    kecamatan: byKecamatan(coops, groups, wo, groupBy(causes, (g) => g.cooperativeId)),
    causes: causeSummary(causes),
    compliance: {
      period: lastMonth, expected: expected.length, furnished: expected.filter((l) => l.furnishedLastMonth).length,
      rows: [...furnishing.values()].reduce((s, f) => s + f.rows, 0), rowsRejected: [...furnishing.values()].reduce((s, f) => s + f.rejected, 0),
    },
    inquiryFlags: flags.filter((f) => f.flags.length > 0),
  };
}
