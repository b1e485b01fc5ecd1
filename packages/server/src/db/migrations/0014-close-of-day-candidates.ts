import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../database.ts';

/** The loan columns close of day's candidate test reads (unchangedSince), and the join keys to the member, product and registry account. */
const CANDIDATE_COLUMNS = [
  'status', 'id', 'state_as_of', 'next_due_on', 'days_past_due', 'updated_at', 'outstanding_principal', 'arrears', 'last_payment_on',
  'restructured_count', 'member_id', 'product_id', 'cooperative_id', 'loan_no',
];

/**
 * A narrow covering index of the active loans for close of day. Finding the loans whose state
 * can have moved tests every active loan; a loan row is wide (schedule JSON, collateral, and
 * the state columns stored after them), so testing them by reading the table costs seconds of
 * CPU at a million loans. This index holds only the columns the test reads, in id order, so
 * the candidates are found by walking the index; their wide rows are then read by id. The cost
 * is one more index entry per active loan, rewritten when close of day writes a changed state.
 */
export function closeOfDayCandidates(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('loans_close_of_day_candidates')
        .on('loans')
        .columns(CANDIDATE_COLUMNS)
        .where(sql<boolean>`status = 'active'`)
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('loans_close_of_day_candidates').execute();
    },
  };
}
