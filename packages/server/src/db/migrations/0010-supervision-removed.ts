import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * The few registry accounts a dispute removed, indexed on their own: the district trend reads
 * the history without joining every row to its account and leaves these out by id instead.
 */
export function supervisionRemoved(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.createIndex('registry_accounts_removed').on('registry_accounts').column('id').where(sql<boolean>`removed_on is not null`).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('registry_accounts_removed').execute();
    },
  };
}
