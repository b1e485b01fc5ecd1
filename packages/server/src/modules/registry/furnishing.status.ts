import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export interface FurnishingStatus {
  lastPeriod: string | null;
  lastBatch: { id: number; period: string; rows: number; accepted: number; rejected: number; warnings: number; createdAt: string } | null;
  /** Months between the first furnished period and last month with no batch. */
  missingPeriods: string[];
  /** True when last month has not been furnished yet: the reminder to show. */
  reminder: boolean;
}

function previousMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let guard = 0; guard < 600; guard++) {
    const p = `${y}-${String(m).padStart(2, '0')}`;
    if (p > to) break;
    out.push(p);
    m++;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** Where a cooperative stands with furnishing as of a business date. */
export async function furnishingStatus(db: Kysely<Database>, cooperativeId: number, today: string): Promise<FurnishingStatus> {
  const batches = await db
    .selectFrom('registry_batches')
    .select(['id', 'period', 'rows_total', 'accepted', 'rejected', 'warnings', 'created_at'])
    .where('cooperative_id', '=', cooperativeId)
    .where('status', '=', 'committed')
    .orderBy('id', 'desc')
    .execute();
  const due = previousMonth(today);
  if (batches.length === 0) return { lastPeriod: null, lastBatch: null, missingPeriods: [], reminder: true };
  const periods = new Set(batches.map((b) => b.period));
  const first = [...periods].sort()[0] ?? due;
  const last = batches[0];
  return {
    lastPeriod: [...periods].sort().at(-1) ?? null,
    lastBatch: last ? { id: last.id, period: last.period, rows: last.rows_total, accepted: last.accepted, rejected: last.rejected, warnings: last.warnings, createdAt: last.created_at } : null,
    missingPeriods: monthsBetween(first, due).filter((p) => !periods.has(p)),
    reminder: !periods.has(due),
  };
}
