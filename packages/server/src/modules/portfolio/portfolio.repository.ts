import { addDays } from '@simpul/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Reads of the portfolio dashboard; every query filters by the cooperative first. */

/** Active loans with their close-of-day state, product and member, for the current figures. */
export function activeLoans(db: Kysely<Database>, cooperativeId: number) {
  return db
    .selectFrom('loans as l')
    .innerJoin('loan_products as p', 'p.id', 'l.product_id')
    .select(['l.id', 'l.product_id', 'p.code as product_code', 'p.name as product_name', 'l.classification_preset', 'l.outstanding_principal', 'l.days_past_due', 'l.class_code', 'l.allowance', 'l.state_as_of'])
    .where('l.cooperative_id', '=', cooperativeId)
    .where('l.status', '=', 'active')
    .execute();
}

export type ActiveLoan = Awaited<ReturnType<typeof activeLoans>>[number];

/** The latest snapshot date of each of the months from `fromMonth` on (the month-ends of the trend). */
export async function monthEndDates(db: Kysely<Database>, cooperativeId: number, fromMonth: string): Promise<string[]> {
  const rows = await db
    .selectFrom('loan_snapshots')
    .select((eb) => eb.fn.max('as_of').as('as_of'))
    .where('cooperative_id', '=', cooperativeId)
    .where('as_of', '>=', `${fromMonth}-01`)
    .groupBy(sql`substr(as_of, 1, 7)`)
    .execute();
  return rows.map((r) => r.as_of).filter((d): d is string => typeof d === 'string').sort();
}

/**
 * Snapshot sums by date, class, preset and DPD bucket (0–30, 31–90, > 90): enough for every
 * ratio (they are sums of outstanding), and a few rows per month however large the book.
 */
export function snapshotSums(db: Kysely<Database>, cooperativeId: number, dates: readonly string[]) {
  const bucket = sql<number>`case when s.days_past_due > 90 then 91 when s.days_past_due > 30 then 31 else 0 end`;
  return db
    .selectFrom('loan_snapshots as s')
    .innerJoin('loans as l', 'l.id', 's.loan_id')
    .select(['s.as_of', 's.class_code', 'l.classification_preset'])
    .select(bucket.as('dpd'))
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('s.outstanding_principal').as('outstanding'), eb.fn.sum<number>('s.allowance').as('allowance')])
    .where('s.cooperative_id', '=', cooperativeId)
    .where('s.as_of', 'in', dates.length > 0 ? [...dates] : [''])
    .where('s.status', '=', 'active')
    .groupBy(['s.as_of', 's.class_code', 'l.classification_preset', bucket])
    .execute();
}

/** The latest snapshot date of the cooperative, or undefined before its first close of day. */
export async function latestSnapshotDate(db: Kysely<Database>, cooperativeId: number): Promise<string | undefined> {
  const row = await db.selectFrom('loan_snapshots').select((eb) => eb.fn.max('as_of').as('d')).where('cooperative_id', '=', cooperativeId).executeTakeFirst();
  return typeof row?.d === 'string' ? row.d : undefined;
}

/**
 * The snapshot to compare with "this week": the latest one at least 7 days before `today`,
 * else the earliest one of the week.
 */
export async function weekAgoDate(db: Kysely<Database>, cooperativeId: number, today: string): Promise<string | undefined> {
  const q = db.selectFrom('loan_snapshots').where('cooperative_id', '=', cooperativeId);
  const before = await q.select((eb) => eb.fn.max('as_of').as('d')).where('as_of', '<=', addDays(today, -7)).executeTakeFirst();
  if (typeof before?.d === 'string') return before.d;
  const within = await q.select((eb) => eb.fn.min('as_of').as('d')).where('as_of', '<', today).executeTakeFirst();
  return typeof within?.d === 'string' ? within.d : undefined;
}

/** Active loans whose class on `then` differs from today's, with member name and loan number. */
export function classChangesSince(db: Kysely<Database>, cooperativeId: number, then: string) {
  return db
    .selectFrom('loans as l')
    .innerJoin('loan_snapshots as s', (join) => join.onRef('s.loan_id', '=', 'l.id').on('s.as_of', '=', then))
    .innerJoin('members as m', 'm.id', 'l.member_id')
    .select(['l.id', 'l.loan_no', 'm.full_name', 'l.classification_preset', 'l.class_code', 's.class_code as previous_class', 'l.days_past_due', 'l.outstanding_principal'])
    .where('l.cooperative_id', '=', cooperativeId)
    .where('l.status', '=', 'active')
    .whereRef('s.class_code', '<>', 'l.class_code')
    .execute();
}
