import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { LoanStatus } from './lending.table.ts';

/**
 * The date a loan's stored state holds for. Close of day rewrites only the loans whose state
 * changed, so an active loan's `state_as_of` says when its state was last derived; the state
 * still holds on the date of the latest close of day, which read every active loan and left
 * those unchanged. A state derived later (a repayment since) holds for its own date.
 */

/** The business date of the close of day that finished last, or null before the first. */
export async function lastClosedDate(db: Kysely<Database>): Promise<string | null> {
  const row = await db.selectFrom('close_of_day_runs').select('business_date').where('finished_at', 'is not', null).orderBy('finished_at', 'desc').orderBy('business_date', 'desc').limit(1).executeTakeFirst();
  return row?.business_date ?? null;
}

/**
 * @example stateHoldsOn({ status: 'active', state_as_of: '2026-10-31' }, '2026-11-02') // '2026-11-02'
 */
export function stateHoldsOn(loan: { status: LoanStatus; state_as_of: string | null }, lastClosed: string | null): string | null {
  if (loan.status !== 'active' || loan.state_as_of === null || lastClosed === null) return loan.state_as_of;
  return loan.state_as_of < lastClosed ? lastClosed : loan.state_as_of;
}
