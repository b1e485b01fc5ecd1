/**
 * Restores a logical backup (logical.ts) into an empty database: migrate to the backup's
 * migration, load every row in foreign-key order inside one transaction, set the identity
 * sequences past the restored ids, then migrate to this version's latest.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { Db } from '../database.ts';
import { migrateTo, migrateToLatest } from '../migrator.ts';
import { migrations } from '../migrations/index.ts';
import { columnsOf, listTables, loadOrder } from './catalog.ts';
import { LOGICAL_FORMAT, appliedMigrations, type BackupCounts, type BackupHeader } from './logical.ts';

/** A backup that cannot be restored here; the message is for the operator. */
export class RestoreRefused extends Error {}

type Line = BackupHeader | { table: string; columns: string[] } | { end: true; tables: number; rows: number } | unknown[];

async function* linesOf(file: string): AsyncGenerator<Line> {
  const input = fs.createReadStream(file).pipe(createGunzip());
  for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) if (line) yield JSON.parse(line) as Line;
}

function decodeValue(value: unknown, json: boolean): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && '$b64' in value && typeof value.$b64 === 'string') return Buffer.from(value.$b64, 'base64');
  return json && value !== null ? JSON.stringify(value) : value;
}

/** Refuses a database that already holds data: a restore never merges into a live instance. */
export async function assertEmpty(handle: Db): Promise<void> {
  for (const table of await listTables(handle.db, handle.dialect)) {
    const row = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(handle.db);
    if (Number(row.rows[0]?.n ?? 0) > 0) throw new RestoreRefused(`the target database is not empty (table ${table} has rows): restore into a new, empty database`);
  }
}

function checkHeader(line: Line | undefined, handle: Db): BackupHeader {
  const header = line as Partial<BackupHeader> | undefined;
  if (!header || header.simpul !== LOGICAL_FORMAT || header.format !== 1) throw new RestoreRefused('not a Simpul logical backup');
  if (header.dialect !== handle.dialect) throw new RestoreRefused(`the backup is of a ${header.dialect} database; restore it into ${header.dialect}`);
  const unknown = (header.migrations ?? []).filter((m) => !(m in migrations));
  if (unknown.length > 0) throw new RestoreRefused(`the backup comes from a newer Simpul (migrations ${unknown.join(', ')}): upgrade first`);
  return header as BackupHeader;
}

class TableLoader {
  private rows: unknown[][] = [];
  private json: boolean[] = [];
  constructor(
    private readonly trx: Transaction<Database>,
    private readonly dialect: Db['dialect'],
    readonly table: string,
    private readonly columns: string[],
  ) {}
  async start(): Promise<void> {
    const info = await columnsOf(this.trx, this.dialect, this.table);
    this.json = this.columns.map((c) => info.find((i) => i.name === c)?.json ?? false);
  }
  async add(row: unknown[]): Promise<void> {
    this.rows.push(row.map((v, i) => decodeValue(v, this.json[i] ?? false)));
    if (this.rows.length * this.columns.length >= 20_000) await this.flush();
  }
  async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const values = sql.join(this.rows.map((r) => sql`(${sql.join(r.map((v) => sql.val(v)))})`));
    const overriding: RawBuilder<unknown> = this.dialect === 'postgres' ? sql`overriding system value` : sql``;
    await sql`insert into ${sql.table(this.table)} (${sql.join(this.columns.map((c) => sql.ref(c)))}) ${overriding} values ${values}`.execute(this.trx);
    this.rows = [];
  }
}

/** Sets each PostgreSQL identity sequence past the largest restored id. */
async function resetSequences(trx: Transaction<Database>): Promise<void> {
  const tables = (
    await sql<{ name: string }>`
      select table_name as name from information_schema.columns
      where table_schema = current_schema() and column_name = 'id' and (is_identity = 'YES' or column_default like 'nextval%')`.execute(trx)
  ).rows;
  for (const { name } of tables) {
    await sql`select setval(pg_get_serial_sequence(${name}, 'id'), (select coalesce(max(id), 0) + 1 from ${sql.table(name)}), false)`.execute(trx);
  }
}

async function loadRows(trx: Transaction<Database>, handle: Db, lines: AsyncGenerator<Line>): Promise<BackupCounts> {
  let loader: TableLoader | undefined;
  let counts = { tables: 0, rows: 0 };
  for await (const line of lines) {
    if (Array.isArray(line)) {
      if (!loader) throw new RestoreRefused('damaged backup: a row before its table');
      await loader.add(line);
      counts.rows++;
      continue;
    }
    await loader?.flush();
    if (line && typeof line === 'object' && 'end' in line) {
      if (line.rows !== counts.rows || line.tables !== counts.tables) throw new RestoreRefused('damaged backup: row counts do not match');
      return counts;
    }
    const next = line as { table: string; columns: string[] };
    loader = new TableLoader(trx, handle.dialect, next.table, next.columns);
    await loader.start();
    counts = { ...counts, tables: counts.tables + 1 };
  }
  throw new RestoreRefused('damaged backup: it ends early (truncated file?)');
}

/** Restores `file` into the empty database `handle`; returns the tables and rows loaded. */
export async function restoreLogicalBackup(handle: Db, file: string): Promise<BackupCounts> {
  const lines = linesOf(file);
  const header = checkHeader((await lines.next()).value, handle);
  await assertEmpty(handle);
  const applied = await appliedMigrations(handle.db).catch(() => []);
  if (applied.some((m) => !header.migrations.includes(m))) throw new RestoreRefused('the target database is migrated past the backup: restore into a new, empty database');
  const last = header.migrations.at(-1);
  if (last) await migrateTo(handle, last);
  const counts = await handle.db.transaction().execute(async (trx) => {
    // Migrations may seed reference rows; the backup's rows replace them.
    for (const table of (await loadOrder(trx, handle.dialect)).reverse()) await sql`delete from ${sql.table(table)}`.execute(trx);
    const loaded = await loadRows(trx, handle, lines);
    if (handle.dialect === 'postgres') await resetSequences(trx);
    return loaded;
  });
  await migrateToLatest(handle);
  return counts;
}
