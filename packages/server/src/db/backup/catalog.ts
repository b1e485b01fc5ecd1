import { sql } from 'kysely';
import type { Db } from '../database.ts';

/** Kysely's own bookkeeping: recreated by migrating, never copied row by row. */
export const MIGRATION_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

type Conn = Db['db'];

/** The application's tables (migration bookkeeping excluded), sorted by name. */
export async function listTables(db: Conn, dialect: Db['dialect']): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows;
  return rows.map((r) => r.name).filter((n) => !MIGRATION_TABLES.has(n)).sort();
}

/** A table's primary-key columns, or every column when it has none, for a stable row order. */
export async function orderColumns(db: Conn, dialect: Db['dialect'], table: string): Promise<string[]> {
  if (dialect === 'sqlite') {
    const cols = (await sql<{ name: string; pk: number }>`select name, pk from pragma_table_info(${table})`.execute(db)).rows;
    const pk = cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    return (pk.length > 0 ? pk : cols).map((c) => c.name);
  }
  const pk = (
    await sql<{ name: string }>`
      select a.attname as name from pg_index i
      join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
      where i.indrelid = ${table}::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)`.execute(db)
  ).rows;
  if (pk.length > 0) return pk.map((c) => c.name);
  return (await columnsOf(db, dialect, table)).map((c) => c.name);
}

export interface ColumnInfo {
  name: string;
  /** PostgreSQL json/jsonb: objects must be sent as JSON text. */
  json: boolean;
}

export async function columnsOf(db: Conn, dialect: Db['dialect'], table: string): Promise<ColumnInfo[]> {
  if (dialect === 'sqlite') {
    const rows = (await sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`.execute(db)).rows;
    return rows.map((r) => ({ name: r.name, json: false }));
  }
  const rows = (
    await sql<{ name: string; type: string }>`
      select column_name as name, data_type as type from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db)
  ).rows;
  return rows.map((r) => ({ name: r.name, json: r.type === 'json' || r.type === 'jsonb' }));
}

/** child table → the tables its foreign keys point to. */
async function parentsOf(db: Conn, dialect: Db['dialect'], tables: string[]): Promise<Map<string, Set<string>>> {
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set<string>()]));
  if (dialect === 'sqlite') {
    for (const t of tables) {
      const fks = (await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${t})`.execute(db)).rows;
      for (const fk of fks) if (fk.table !== t) parents.get(t)?.add(fk.table);
    }
    return parents;
  }
  const edges = (
    await sql<{ child: string; parent: string }>`
      select c.relname as child, p.relname as parent from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      where k.contype = 'f' and c.relnamespace = current_schema()::regnamespace`.execute(db)
  ).rows;
  for (const e of edges) if (e.child !== e.parent) parents.get(e.child)?.add(e.parent);
  return parents;
}

/** Tables in an order where every table comes after the tables it references. */
export async function loadOrder(db: Conn, dialect: Db['dialect']): Promise<string[]> {
  const tables = await listTables(db, dialect);
  const parents = await parentsOf(db, dialect, tables);
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (done.has(t) || path.has(t)) return; // a cycle is broken where it is met
    path.add(t);
    for (const p of parents.get(t) ?? []) if (parents.has(p)) visit(p, path);
    done.add(t);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}
