import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../database.ts';
import { refType, withId } from '../portable.ts';

/**
 * The shared credit registry. Every table that holds subject data carries `subject_key`, so
 * it can later be distributed by that column (Citus) without rewriting queries. A subject
 * has no row of its own: it is its accounts, each with the furnisher's keyed name and
 * birth-date tokens for identity checks.
 */
export function registry(dialect: Dialect): Migration {
  const ref = refType(dialect);
  const money = 'bigint';
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('registry_batches'), dialect)
        .addColumn('cooperative_id', ref, (c) => c.notNull().references('cooperatives.id'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text')
        .addColumn('sha256', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('full_file', 'integer', (c) => c.notNull())
        .addColumn('rows_total', 'integer', (c) => c.notNull())
        .addColumn('accepted', 'integer', (c) => c.notNull())
        .addColumn('rejected', 'integer', (c) => c.notNull())
        .addColumn('warnings', 'integer', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('registry_batches_coop_period').on('registry_batches').columns(['cooperative_id', 'period', 'id']).execute();

      await db.schema
        .createTable('registry_batch_issues')
        .addColumn('batch_id', ref, (c) => c.notNull().references('registry_batches.id'))
        .addColumn('row_number', 'integer', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('column_name', 'text', (c) => c.notNull())
        .addColumn('value', 'text')
        .addColumn('code', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('registry_batch_issues_batch').on('registry_batch_issues').columns(['batch_id', 'row_number']).execute();

      await withId(db.schema.createTable('registry_accounts'), dialect)
        .addColumn('subject_key', 'text', (c) => c.notNull())
        .addColumn('cooperative_id', ref, (c) => c.notNull().references('cooperatives.id'))
        .addColumn('account_ref', 'text', (c) => c.notNull())
        .addColumn('name_token', 'text', (c) => c.notNull())
        .addColumn('birth_token', 'text', (c) => c.notNull())
        .addColumn('product', 'text')
        .addColumn('opened_on', 'text', (c) => c.notNull())
        .addColumn('original_amount', money, (c) => c.notNull())
        .addColumn('tenor', 'integer')
        .addColumn('frequency', 'text')
        .addColumn('instalment_amount', money)
        .addColumn('outstanding', money, (c) => c.notNull())
        .addColumn('arrears', money, (c) => c.notNull())
        .addColumn('days_past_due', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('last_payment_on', 'text')
        .addColumn('closed_on', 'text')
        .addColumn('written_off_on', 'text')
        .addColumn('written_off_amount', money)
        .addColumn('disputed', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_period', 'text', (c) => c.notNull())
        .addColumn('not_reported_since', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('registry_accounts_coop_ref', ['cooperative_id', 'account_ref'])
        .execute();
      await db.schema.createIndex('registry_accounts_subject').on('registry_accounts').columns(['subject_key']).execute();

      await db.schema
        .createTable('registry_history')
        .addColumn('account_id', ref, (c) => c.notNull().references('registry_accounts.id').onDelete('cascade'))
        .addColumn('subject_key', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('outstanding', money, (c) => c.notNull())
        .addColumn('arrears', money, (c) => c.notNull())
        .addColumn('days_past_due', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('batch_id', ref, (c) => c.notNull())
        .addPrimaryKeyConstraint('registry_history_pk', ['account_id', 'period'])
        // On SQLite the history is clustered on its key: one B-tree instead of two.
        .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
        .execute();

      await db.schema
        .createTable('registry_history_versions')
        .addColumn('account_id', ref, (c) => c.notNull())
        .addColumn('subject_key', 'text', (c) => c.notNull())
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('outstanding', money, (c) => c.notNull())
        .addColumn('arrears', money, (c) => c.notNull())
        .addColumn('days_past_due', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('batch_id', ref, (c) => c.notNull())
        .addColumn('superseded_by', ref, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('registry_history_versions_account').on('registry_history_versions').columns(['account_id', 'period']).execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['registry_history_versions', 'registry_history', 'registry_accounts', 'registry_batch_issues', 'registry_batches']) {
        await db.schema.dropTable(t).execute();
      }
    },
  };
}
