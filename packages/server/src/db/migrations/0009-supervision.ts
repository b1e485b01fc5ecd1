import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.ts';
import { refType, withId } from '../portable.ts';

/**
 * The Dinas's cooperative registry: the facts the district office keeps about each
 * cooperative (legal identity, place, size, last RAT, registry participation), its activity
 * status, and the history of every status change with who made it and why.
 */
export function supervision(dialect: Dialect): Migration {
  const ref = refType(dialect);
  const columns: [string, 'text' | 'integer', boolean][] = [
    ['legal_entity_no', 'text', false],
    ['address', 'text', false],
    ['kecamatan_code', 'text', false],
    ['founded_on', 'text', false],
    ['members_count', 'integer', false],
    ['board_contacts', 'text', false],
    ['last_rat_year', 'integer', false],
    ['registry_participation', 'integer', true],
    ['activity_status', 'text', true],
    ['status_reason', 'text', false],
    ['status_since', 'text', false],
    ['updated_at', 'text', false],
  ];
  return {
    async up(db: Kysely<unknown>) {
      for (const [name, type, withDefault] of columns) {
        await db.schema
          .alterTable('cooperatives')
          .addColumn(name, type, (c) => (!withDefault ? c : name === 'activity_status' ? c.notNull().defaultTo('active') : c.notNull().defaultTo(1)))
          .execute();
      }
      await withId(db.schema.createTable('cooperative_status_history'), dialect)
        .addColumn('cooperative_id', ref, (c) => c.notNull().references('cooperatives.id'))
        .addColumn('from_status', 'text')
        .addColumn('to_status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('effective_on', 'text', (c) => c.notNull())
        .addColumn('changed_by', 'text', (c) => c.notNull())
        .addColumn('changed_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('cooperative_status_history_coop').on('cooperative_status_history').columns(['cooperative_id', 'id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('cooperative_status_history').execute();
      for (const [name] of [...columns].reverse()) await db.schema.alterTable('cooperatives').dropColumn(name).execute();
    },
  };
}
