import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.ts';
import { refType, withId } from '../portable.ts';

/**
 * Inquiries, alerts and disputes of the shared registry. Subject data is keyed by
 * `subject_key` like the rest of the registry (Citus-ready); an inquiry never stores a NIK.
 */
export function inquiry(dialect: Dialect): Migration {
  const ref = refType(dialect);
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('inquiries'), dialect)
        .addColumn('subject_key', 'text', (c) => c.notNull())
        .addColumn('cooperative_id', ref, (c) => c.references('cooperatives.id'))
        .addColumn('user_id', ref)
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('consent_ref', 'text', (c) => c.notNull())
        .addColumn('identity_match', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('response_hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('inquiries_subject').on('inquiries').columns(['subject_key', 'created_at']).execute();
      await db.schema.createIndex('inquiries_coop').on('inquiries').columns(['cooperative_id', 'created_at']).execute();

      await withId(db.schema.createTable('registry_alerts'), dialect)
        .addColumn('cooperative_id', ref, (c) => c.notNull().references('cooperatives.id'))
        .addColumn('account_id', ref, (c) => c.notNull())
        .addColumn('subject_key', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('source_cooperative_id', ref)
        .addColumn('dedup_key', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .addUniqueConstraint('registry_alerts_dedup', ['cooperative_id', 'dedup_key'])
        .execute();
      await db.schema.createIndex('registry_alerts_inbox').on('registry_alerts').columns(['cooperative_id', 'id']).execute();

      await withId(db.schema.createTable('registry_disputes'), dialect)
        .addColumn('account_id', ref, (c) => c.notNull())
        .addColumn('subject_key', 'text', (c) => c.notNull())
        .addColumn('furnisher_cooperative_id', ref, (c) => c.notNull().references('cooperatives.id'))
        .addColumn('opened_by_cooperative_id', ref)
        .addColumn('opened_by', 'text', (c) => c.notNull())
        .addColumn('reason_code', 'text', (c) => c.notNull())
        .addColumn('opened_on', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('escalated_at', 'text')
        .addColumn('resolved_on', 'text')
        .addColumn('resolved_by', 'text')
        .execute();
      await db.schema.createIndex('registry_disputes_subject').on('registry_disputes').columns(['subject_key']).execute();
      await db.schema.createIndex('registry_disputes_furnisher').on('registry_disputes').columns(['furnisher_cooperative_id', 'status', 'due_on']).execute();

      await db.schema.alterTable('registry_accounts').addColumn('removed_on', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('registry_accounts').dropColumn('removed_on').execute();
      for (const t of ['registry_disputes', 'registry_alerts', 'inquiries']) await db.schema.dropTable(t).execute();
    },
  };
}
