import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Services } from '../../http/context.ts';
import {
  ACCOUNT_COLUMNS, ACCOUNT_UPDATABLE, accountValues,
  type PseudonymousAccount, type RegistryTransaction, type WriteContext,
} from './registry.writer.ts';

const UPDATE_SET = ACCOUNT_UPDATABLE.map((c) => `${c} = excluded.${c}`).join(', ');

const HISTORY_COLUMNS = 'account_id, subject_key, period, outstanding, arrears, days_past_due, status, batch_id';
const HISTORY_UPDATE = 'outstanding = excluded.outstanding, arrears = excluded.arrears, days_past_due = excluded.days_past_due, status = excluded.status, subject_key = excluded.subject_key, batch_id = excluded.batch_id';

/**
 * Runs `work` in one registry transaction: all of a batch commits, or none of it (also when
 * the process is killed midway). The hot loop uses each dialect's fastest bulk path; the
 * rest goes through Kysely on the same connection.
 */
export function withRegistryTransaction<T>(services: Services, work: (tx: RegistryTransaction) => Promise<T>): Promise<T> {
  const file = services.db.sqlite?.name;
  return file ? sqliteTransaction(file, work) : postgresTransaction(services.db.db, work);
}

/**
 * SQLite: a connection of its own, so the open transaction is never shared with requests
 * served meanwhile on the main connection. BEGIN IMMEDIATE takes the write lock up front.
 */
async function sqliteTransaction<T>(file: string, work: (tx: RegistryTransaction) => Promise<T>): Promise<T> {
  const conn = new SQLite(file);
  conn.pragma('journal_mode = WAL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('synchronous = NORMAL');
  conn.pragma('busy_timeout = 15000');
  conn.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: conn }) });
  const placeholders = ACCOUNT_COLUMNS.map(() => '?').join(', ');
  // Look-up then insert or update: measurably faster on SQLite than an upsert with RETURNING.
  const updatable = ACCOUNT_UPDATABLE.map((c) => `${c} = ?`).join(', ');
  const stmt = {
    find: conn.prepare('SELECT id, last_period FROM registry_accounts WHERE cooperative_id = ? AND account_ref = ?'),
    insert: conn.prepare(`INSERT INTO registry_accounts (${ACCOUNT_COLUMNS.join(', ')}) VALUES (${placeholders})`),
    update: conn.prepare(`UPDATE registry_accounts SET ${updatable} WHERE id = ?`),
    keepVersion: conn.prepare(`INSERT INTO registry_history_versions (${HISTORY_COLUMNS}, superseded_by) SELECT ${HISTORY_COLUMNS}, ? FROM registry_history WHERE account_id = ? AND period = ?`),
    history: conn.prepare(`INSERT INTO registry_history (${HISTORY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, period) DO UPDATE SET ${HISTORY_UPDATE}`),
  };
  const updatableIndexes = ACCOUNT_UPDATABLE.map((c) => ACCOUNT_COLUMNS.indexOf(c));
  const writeAccounts = async (accounts: PseudonymousAccount[], ctx: WriteContext) => {
    for (const a of accounts) {
      const values = accountValues(a, ctx);
      const found = stmt.find.get(ctx.cooperativeId, a.accountRef) as { id: number; last_period: string } | undefined;
      let id: number;
      if (!found) id = Number(stmt.insert.run(values).lastInsertRowid);
      else {
        id = found.id;
        if (found.last_period <= ctx.period) stmt.update.run(...updatableIndexes.map((i) => values[i] ?? null), id);
      }
      if (!ctx.fullFile) stmt.keepVersion.run(ctx.batchId, id, ctx.period);
      stmt.history.run(id, a.subjectKey, ctx.period, a.outstanding, a.arrears, a.daysPastDue, a.status, ctx.batchId);
    }
  };
  conn.exec('BEGIN IMMEDIATE');
  try {
    const result = await work({ db, writeAccounts });
    conn.exec('COMMIT');
    return result;
  } catch (err) {
    if (conn.inTransaction) conn.exec('ROLLBACK');
    throw err;
  } finally {
    await db.destroy();
  }
}

const PG_TYPES: Record<(typeof ACCOUNT_COLUMNS)[number], string> = {
  subject_key: 'text', cooperative_id: 'bigint', account_ref: 'text', name_token: 'text', birth_token: 'text', product: 'text', opened_on: 'text',
  original_amount: 'bigint', tenor: 'integer', frequency: 'text', instalment_amount: 'bigint', outstanding: 'bigint',
  arrears: 'bigint', days_past_due: 'integer', status: 'text', last_payment_on: 'text', closed_on: 'text',
  written_off_on: 'text', written_off_amount: 'bigint', last_period: 'text', not_reported_since: 'text', source: 'text',
  updated_at: 'text',
};

/** Columns of arrays, one per column: PostgreSQL inserts a chunk with one `unnest` statement. */
function columnsOf(rows: (string | number | null)[][], width: number): (string | number | null)[][] {
  const cols: (string | number | null)[][] = Array.from({ length: width }, () => []);
  for (const row of rows) for (let i = 0; i < width; i++) cols[i]?.push(row[i] ?? null);
  return cols;
}

/** PostgreSQL: one pooled connection, a transaction, and array-parameter bulk statements. */
async function postgresTransaction<T>(main: Kysely<Database>, work: (tx: RegistryTransaction) => Promise<T>): Promise<T> {
  return main.transaction().execute(async (trx) => {
    const writeAccounts = async (accounts: PseudonymousAccount[], ctx: WriteContext) => {
      if (accounts.length === 0) return;
      const keys = accounts.map((a) => a.subjectKey);
      const cols = columnsOf(accounts.map((a) => accountValues(a, ctx)), ACCOUNT_COLUMNS.length);
      const arrays = sql.join(ACCOUNT_COLUMNS.map((c, i) => sql`${cols[i]}::${sql.raw(PG_TYPES[c])}[]`));
      await sql`insert into registry_accounts (${sql.raw(ACCOUNT_COLUMNS.join(', '))}) select * from unnest(${arrays})
        on conflict (cooperative_id, account_ref) do update set ${sql.raw(UPDATE_SET)} where excluded.last_period >= registry_accounts.last_period`.execute(trx);
      const refs = accounts.map((a) => a.accountRef);
      const ids = await sql<{ id: number; account_ref: string }>`select id, account_ref from registry_accounts where cooperative_id = ${ctx.cooperativeId} and account_ref = any(${refs}::text[])`.execute(trx);
      const idOf = new Map(ids.rows.map((r) => [r.account_ref, r.id]));
      const accountIds = accounts.map((a) => idOf.get(a.accountRef) ?? null);
      if (!ctx.fullFile) {
        await sql`insert into registry_history_versions (${sql.raw(HISTORY_COLUMNS)}, superseded_by) select ${sql.raw(HISTORY_COLUMNS)}, ${ctx.batchId}::bigint from registry_history where period = ${ctx.period} and account_id = any(${accountIds}::bigint[])`.execute(trx);
      }
      await sql`insert into registry_history (${sql.raw(HISTORY_COLUMNS)})
        select id, k, ${ctx.period}, o, ar, d, s, ${ctx.batchId}::bigint from unnest(${accountIds}::bigint[], ${keys}::text[], ${accounts.map((a) => a.outstanding)}::bigint[], ${accounts.map((a) => a.arrears)}::bigint[], ${accounts.map((a) => a.daysPastDue)}::integer[], ${accounts.map((a) => a.status)}::text[]) as t(id, k, o, ar, d, s)
        on conflict (account_id, period) do update set ${sql.raw(HISTORY_UPDATE)}`.execute(trx);
    };
    return work({ db: trx, writeAccounts });
  });
}
