/**
 * A logical backup: every application table's rows as gzip'd JSON lines, read inside one
 * snapshot (REPEATABLE READ on PostgreSQL), so it is consistent while the server runs.
 * Used on PostgreSQL, where the system's pg_dump is often older than the server and refuses
 * it; the same file restores into any empty database of the same dialect family.
 *
 * Layout: a header line, then per table `{"table", "columns"}` followed by one JSON array
 * per row, then `{"end", "tables", "rows"}` so a truncated file is detected.
 */
import { once } from 'node:events';
import fs from 'node:fs';
import { createGzip } from 'node:zlib';
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import type { Db } from '../database.ts';
import { columnsOf, loadOrder, orderColumns } from './catalog.ts';

export const LOGICAL_FORMAT = 'simpul-logical-backup';
const PAGE = 5000;

export interface BackupHeader {
  simpul: typeof LOGICAL_FORMAT;
  format: 1;
  dialect: Db['dialect'];
  createdAt: string;
  migrations: string[];
}

export interface BackupCounts {
  tables: number;
  rows: number;
}

/** JSON has no bytes: a Buffer travels as {"$b64": …}. */
export function encodeValue(value: unknown): unknown {
  if (Buffer.isBuffer(value)) return { $b64: value.toString('base64') };
  if (value instanceof Date) return value.toISOString();
  return value;
}

export async function appliedMigrations(db: Db['db']): Promise<string[]> {
  const rows = (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows;
  return rows.map((r) => r.name);
}

class LineWriter {
  private readonly gzip = createGzip();
  private readonly done: Promise<void>;
  constructor(file: string) {
    const out = fs.createWriteStream(file, { flags: 'wx', mode: 0o600 });
    this.gzip.pipe(out);
    this.done = once(out, 'close').then(() => undefined);
  }
  async write(value: unknown): Promise<void> {
    if (!this.gzip.write(`${JSON.stringify(value)}\n`)) await once(this.gzip, 'drain');
  }
  async close(): Promise<void> {
    this.gzip.end();
    await this.done;
  }
}

async function dumpTable(trx: Transaction<Database>, handle: Db, table: string, out: LineWriter): Promise<number> {
  const columns = (await columnsOf(trx, handle.dialect, table)).map((c) => c.name);
  const order = await orderColumns(trx, handle.dialect, table);
  await out.write({ table, columns });
  let rows = 0;
  for (;;) {
    const page = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${sql.join(order.map((c) => sql.ref(c)))} limit ${PAGE} offset ${rows}`.execute(trx);
    for (const row of page.rows) await out.write(columns.map((c) => encodeValue(row[c])));
    rows += page.rows.length;
    if (page.rows.length < PAGE) return rows;
  }
}

/** Writes a logical backup of the whole database to `file` (which must not exist). */
export async function writeLogicalBackup(handle: Db, file: string, now: Date): Promise<BackupCounts> {
  const out = new LineWriter(file);
  try {
    const snapshot = handle.db.transaction();
    return await (handle.dialect === 'postgres' ? snapshot.setIsolationLevel('repeatable read') : snapshot).execute(async (trx) => {
      const header: BackupHeader = { simpul: LOGICAL_FORMAT, format: 1, dialect: handle.dialect, createdAt: now.toISOString(), migrations: await appliedMigrations(trx) };
      await out.write(header);
      const tables = await loadOrder(trx, handle.dialect);
      let rows = 0;
      for (const table of tables) rows += await dumpTable(trx, handle, table, out);
      await out.write({ end: true, tables: tables.length, rows });
      return { tables: tables.length, rows };
    });
  } finally {
    await out.close();
  }
}
