import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Savings reversals carry their reason, and a movement can be reversed only once: the
 * unique index on `reverses_id` makes a second reversal fail even when two officers press
 * the button at the same moment (NULLs do not collide, on SQLite nor on PostgreSQL).
 */
export function members(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('savings_transactions').addColumn('reason', 'text').execute();
      await db.schema.createIndex('savings_reverses_once').unique().on('savings_transactions').column('reverses_id').execute();
      // A member's statement reads their movements by date.
      await db.schema.createIndex('savings_member_date').on('savings_transactions').columns(['member_id', 'on_date', 'id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('savings_member_date').execute();
      await db.schema.dropIndex('savings_reverses_once').execute();
      await db.schema.alterTable('savings_transactions').dropColumn('reason').execute();
    },
  };
}
