import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * Covering indexes for the district dashboard. A registry account row is wide (keyed
 * subject, name and birth tokens, dates), so aggregating a million of them by reading the
 * table is slow; these partial indexes hold only the open book's (and the write-offs')
 * few columns the dashboard groups, so the aggregation reads a compact index instead.
 * The cost is one more index entry per open account on furnishing.
 */
export function supervisionIndexes(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('registry_accounts_open_book')
        .on('registry_accounts')
        .columns(['cooperative_id', 'days_past_due', 'outstanding', 'frequency'])
        .where(sql<boolean>`status in ('active', 'restructured') and removed_on is null`)
        .execute();
      await db.schema
        .createIndex('registry_accounts_write_offs')
        .on('registry_accounts')
        .columns(['cooperative_id', 'status', 'written_off_amount', 'outstanding'])
        .where(sql<boolean>`written_off_amount is not null and removed_on is null`)
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('registry_accounts_write_offs').execute();
      await db.schema.dropIndex('registry_accounts_open_book').execute();
    },
  };
}
