import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { scopeIds, type CooperativeScope } from './supervision.aggregate.ts';

/** A cooperative's furnishing record as the Dinas checks it. */
export interface FurnishingRecord {
  cooperativeId: number;
  /** The latest month it furnished, or null if it never did. */
  lastPeriod: string | null;
  /** Rows, accepted and rejected in its batches for the month checked. */
  rows: number;
  accepted: number;
  rejected: number;
  batches: number;
}

const num = (v: unknown): number => Number(v ?? 0);

/** Per cooperative: its latest furnished month and its batches for `period` (registry_batches). */
export async function furnishingRecords(db: Kysely<Database>, period: string, cooperatives?: CooperativeScope): Promise<Map<number, FurnishingRecord>> {
  let latest = db.selectFrom('registry_batches').select((eb) => ['cooperative_id', eb.fn.max('period').as('last_period')]).where('status', '=', 'committed').groupBy('cooperative_id');
  let month = db
    .selectFrom('registry_batches')
    .select((eb) => ['cooperative_id', eb.fn.countAll().as('batches'), eb.fn.sum('rows_total').as('rows'), eb.fn.sum('accepted').as('accepted'), eb.fn.sum('rejected').as('rejected')])
    .where('status', '=', 'committed')
    .where('period', '=', period)
    .groupBy('cooperative_id');
  if (cooperatives !== undefined) {
    latest = latest.where('cooperative_id', 'in', scopeIds(cooperatives));
    month = month.where('cooperative_id', 'in', scopeIds(cooperatives));
  }
  const out = new Map<number, FurnishingRecord>();
  for (const r of await latest.execute()) {
    out.set(num(r.cooperative_id), { cooperativeId: num(r.cooperative_id), lastPeriod: r.last_period, rows: 0, accepted: 0, rejected: 0, batches: 0 });
  }
  for (const r of await month.execute()) {
    const record = out.get(num(r.cooperative_id));
    if (record) Object.assign(record, { rows: num(r.rows), accepted: num(r.accepted), rejected: num(r.rejected), batches: num(r.batches) });
  }
  return out;
}

/** A cooperative's batches, newest first, for its page. */
export async function furnishingHistory(db: Kysely<Database>, cooperativeId: number, limit = 24) {
  const rows = await db.selectFrom('registry_batches').selectAll().where('cooperative_id', '=', cooperativeId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((b) => ({ id: b.id, period: b.period, source: b.source, rows: b.rows_total, accepted: b.accepted, rejected: b.rejected, createdAt: b.created_at }));
}
