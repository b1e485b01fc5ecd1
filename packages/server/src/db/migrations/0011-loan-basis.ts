import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * The basis of a restructured loan's current schedule, on the loan itself: every state
 * derivation (repayments, close of day, the registry feed, recovery) reads the same row and
 * so counts only the repayments made after the restructuring against the new schedule.
 */
export function loanBasis(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('loans').addColumn('restructure_basis', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('loans').dropColumn('restructure_basis').execute();
    },
  };
}
