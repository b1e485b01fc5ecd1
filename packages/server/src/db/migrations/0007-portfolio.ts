import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Close of day keeps month-end snapshots and drops older daily ones by date: an index on
 * `as_of` alone makes that delete (and "the snapshot of a week ago") a seek, not a scan.
 */
export function portfolio(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('loan_snapshots_as_of').on('loan_snapshots').column('as_of').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('loan_snapshots_as_of').execute();
    },
  };
}
