import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';
import type { Dialect } from './database.ts';

/**
 * Small helpers so one migration reads the same on SQLite and PostgreSQL.
 * Conventions: ids are integers (SQLite rowid / PostgreSQL identity), instants are ISO-8601
 * UTC text, calendar dates 'YYYY-MM-DD' text, booleans 0/1 integers, money bigint minor units.
 */
export function withId<T extends string>(
  table: CreateTableBuilder<T, never>,
  dialect: Dialect,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'sqlite'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : table.addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity());
}

/** A reference to another table's integer id. */
export function refType(dialect: Dialect): 'integer' | 'bigint' {
  return dialect === 'sqlite' ? 'integer' : 'bigint';
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();
