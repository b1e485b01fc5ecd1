import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../db/schema.ts';
import type { Services } from '../../http/context.ts';
import {
  ACCOUNT_COLUMNS, ACCOUNT_UPDATABLE, accountValues, fillAccountValues,
  type PseudonymousAccount, type RegistryTransaction, type WriteContext,
} from './registry.writer.ts';

const HISTORY_COLUMNS = 'account_id, subject_key, period, outstanding, arrears, days_past_due, status, batch_id';
const HISTORY_UPDATE = 'outstanding = excluded.outstanding, arrears = excluded.arrears, days_past_due = excluded.days_past_due, status = excluded.status, subject_key = excluded.subject_key, batch_id = excluded.batch_id';

/**
 * Runs `work` in one registry transaction: all of a batch commits, or none of it (also when
 * the process is killed midway). The hot loop uses each dialect's fastest bulk path; the
 * rest goes through Kysely on the same connection.
 */
export function withRegistryTransaction<T>(services: Services, work: (tx: RegistryTransaction) => Promise<T>): Promise<T> {
  const file = services.db.sqlite?.name;
  if (file) return sqliteTransaction(file, work);
  if (!services.db.pool) throw new Error('registry transaction: no SQLite file and no PostgreSQL pool');
  return postgresTransaction(services.db.pool, work);
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
  // 32 MiB of page cache: at 64 MiB a million-row import peaked above 512 MB (with the
  // worker thread's heap); the smaller cache costs ~2 s more system time per million rows.
  conn.pragma('cache_size = -32768');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: conn }) });
  const placeholders = ACCOUNT_COLUMNS.map(() => '?').join(', ');
  // Insert first, and look up only when the account exists: a new account then costs one
  // probe of the (cooperative, account_ref) index instead of two. Faster on SQLite than an
  // upsert with RETURNING.
  const updatable = ACCOUNT_UPDATABLE.map((c) => `${c} = ?`).join(', ');
  // SQLite rewrites an index entry whenever the UPDATE assigns one of its columns, even to the
  // value it holds: re-furnishing an account of the same subject (close of day's daily refresh)
  // leaves subject_key out, or each update dirties a page of the randomly ordered subject index.
  const sameSubject = ACCOUNT_UPDATABLE.filter((c) => c !== 'subject_key');
  const stmt = {
    insert: conn.prepare(`INSERT INTO registry_accounts (${ACCOUNT_COLUMNS.join(', ')}) VALUES (${placeholders}) ON CONFLICT (cooperative_id, account_ref) DO NOTHING`),
    find: conn.prepare('SELECT id, last_period, subject_key FROM registry_accounts WHERE cooperative_id = ? AND account_ref = ?'),
    update: conn.prepare(`UPDATE registry_accounts SET ${updatable} WHERE id = ?`),
    updateSameSubject: conn.prepare(`UPDATE registry_accounts SET ${sameSubject.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`),
    keepVersion: conn.prepare(`INSERT INTO registry_history_versions (${HISTORY_COLUMNS}, superseded_by) SELECT ${HISTORY_COLUMNS}, ? FROM registry_history WHERE account_id = ? AND period = ?`),
    history: conn.prepare(`INSERT INTO registry_history (${HISTORY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, period) DO UPDATE SET ${HISTORY_UPDATE}`),
  };
  const updatableIndexes = ACCOUNT_UPDATABLE.map((c) => ACCOUNT_COLUMNS.indexOf(c));
  const writeRows = (accounts: PseudonymousAccount[], ctx: WriteContext) => {
    for (const a of accounts) {
      const values = accountValues(a, ctx);
      const inserted = stmt.insert.run(values);
      let id: number;
      if (inserted.changes === 1) id = Number(inserted.lastInsertRowid);
      else {
        const found = stmt.find.get(ctx.cooperativeId, a.accountRef) as { id: number; last_period: string };
        id = found.id;
        if (found.last_period <= ctx.period) stmt.update.run(...updatableIndexes.map((i) => values[i] ?? null), id);
      }
      if (!ctx.fullFile) stmt.keepVersion.run(ctx.batchId, id, ctx.period);
      stmt.history.run(id, a.subjectKey, ctx.period, a.outstanding, a.arrears, a.daysPastDue, a.status, ctx.batchId);
    }
  };
  const fresh = freshWriter(conn);
  /** Per cooperative written in this transaction: whether it had no accounts when first written. */
  const freshCooperatives = new Map<number, boolean>();
  let bulk = false;
  const writeAccounts = async (accounts: PseudonymousAccount[], ctx: WriteContext) => {
    // Only a bulk load (a validated file: unique account_refs) of a full file may take the plain path.
    if (bulk && ctx.fullFile) {
      let isFresh = freshCooperatives.get(ctx.cooperativeId);
      if (isFresh === undefined) {
        // BEGIN IMMEDIATE holds the write lock: "no accounts yet" stays true for this transaction.
        isFresh = fresh.hasNone.get(ctx.cooperativeId) === undefined;
        freshCooperatives.set(ctx.cooperativeId, isFresh);
      }
      if (isFresh) return fresh.write(accounts, ctx);
    }
    writeRows(accounts, ctx);
  };
  const bulkLoad = async <R>(expectedRows: number, load: () => Promise<R>): Promise<R> => {
    const deferred = deferrableIndexes(conn, expectedRows);
    for (const index of deferred) conn.exec(`DROP INDEX ${index.name}`);
    bulk = true;
    let loaded: R;
    try {
      loaded = await load();
    } finally {
      bulk = false;
    }
    for (const index of deferred) conn.exec(index.sql);
    return loaded;
  };
  conn.exec('BEGIN IMMEDIATE');
  try {
    const result = await work({ db, writeAccounts, bulkLoad });
    conn.exec('COMMIT');
    return result;
  } catch (err) {
    if (conn.inTransaction) conn.exec('ROLLBACK');
    throw err;
  } finally {
    await db.destroy();
  }
}

/** Accounts per multi-row insert of the fresh path: one statement's overhead spread over many rows. */
const FRESH_GROUP = 50;

/**
 * The first file of a cooperative that has no accounts yet (SQLite): every row is a new
 * account with no history (a file's account_refs are unique, checked by the validator), so
 * plain multi-row inserts do, without the per-row conflict handling and id round trips. The
 * chunk's history rows are then copied from the accounts just written (they hold the same
 * values), by id: ids only grow, and the write lock keeps other writers out meanwhile.
 */
function freshWriter(conn: SQLite.Database) {
  const row = `(${ACCOUNT_COLUMNS.map(() => '?').join(', ')})`;
  const insert = (rows: number) => conn.prepare(`INSERT INTO registry_accounts (${ACCOUNT_COLUMNS.join(', ')}) VALUES ${Array(rows).fill(row).join(', ')}`);
  const group = insert(FRESH_GROUP);
  const single = insert(1);
  const lastId = conn.prepare('SELECT coalesce(max(id), 0) AS id FROM registry_accounts').pluck();
  const history = conn.prepare(`INSERT INTO registry_history (${HISTORY_COLUMNS}) SELECT id, subject_key, ?, outstanding, arrears, days_past_due, status, ? FROM registry_accounts WHERE id > ?`);
  const width = ACCOUNT_COLUMNS.length;
  // One parameter array for every group, refilled: no per-row array for the collector.
  const values: (string | number | null)[] = new Array(FRESH_GROUP * width).fill(null);
  return {
    hasNone: conn.prepare('SELECT 1 FROM registry_accounts WHERE cooperative_id = ? LIMIT 1').pluck(),
    write(accounts: PseudonymousAccount[], ctx: WriteContext): void {
      if (accounts.length === 0) return;
      const before = lastId.get() as number;
      let n = 0;
      for (; n + FRESH_GROUP <= accounts.length; n += FRESH_GROUP) {
        for (let i = 0; i < FRESH_GROUP; i++) fillAccountValues(values, i * width, accounts[n + i]!, ctx);
        group.run(values);
      }
      const one = values.slice(0, width);
      for (; n < accounts.length; n++) {
        fillAccountValues(one, 0, accounts[n]!, ctx);
        single.run(one);
      }
      history.run(ctx.period, ctx.batchId, before);
    },
  };
}

/**
 * Secondary indexes of registry_accounts whose entries land at random places (the keyed
 * subject, the open book's DPD and amounts): each insert is a B-tree descent into pages
 * the page cache soon cannot hold (at 1M rows about a third of the writer's time).
 */
const RANDOM_ORDER_INDEXES = ['registry_accounts_subject', 'registry_accounts_open_book'];

/** Below this many rows a batch maintains its indexes row by row. */
const BULK_MIN_ROWS = 20_000;

/**
 * The indexes a bulk load of `expectedRows` accounts is better off rebuilding once (a scan
 * and a sort) than maintaining per row: when the load at least doubles the table, so the
 * rebuild never reads more than twice what the load writes. Dropped and re-created inside
 * the batch's transaction: other connections keep reading them (WAL snapshot), and a
 * rollback or a crash leaves them exactly as before.
 */
function deferrableIndexes(conn: SQLite.Database, expectedRows: number): { name: string; sql: string }[] {
  if (expectedRows < BULK_MIN_ROWS) return [];
  const { rows } = conn.prepare('SELECT coalesce(max(id), 0) AS rows FROM registry_accounts').get() as { rows: number };
  if (expectedRows < rows) return [];
  const indexes = conn.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'registry_accounts' AND sql IS NOT NULL`).all() as { name: string; sql: string }[];
  return indexes.filter((i) => RANDOM_ORDER_INDEXES.includes(i.name));
}

/** The furnished columns of a chunk as PostgreSQL receives them (COPY), in this order. */
const STAGE_COLUMNS: readonly [keyof PseudonymousAccount, string][] = [
  ['subjectKey', 'text'], ['accountRef', 'text'], ['nameToken', 'text'], ['birthToken', 'text'], ['product', 'text'], ['openedOn', 'text'],
  ['originalAmount', 'bigint'], ['tenor', 'integer'], ['frequency', 'text'], ['instalmentAmount', 'bigint'], ['outstanding', 'bigint'],
  ['arrears', 'bigint'], ['daysPastDue', 'integer'], ['status', 'text'], ['lastPaymentOn', 'text'], ['closedOn', 'text'],
  ['writtenOffOn', 'text'], ['writtenOffAmount', 'bigint'],
];
const STAGE_NAMES = STAGE_COLUMNS.map(([field]) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));

/** What each account column is made of in the merge: a staged column or the batch's constant. */
const ACCOUNT_SOURCES: Record<(typeof ACCOUNT_COLUMNS)[number], string> = {
  ...Object.fromEntries(STAGE_NAMES.map((c) => [c, `s.${c}`])),
  cooperative_id: '$1::bigint', last_period: '$2::text', not_reported_since: 'null', source: '$3::text', updated_at: '$4::text',
} as Record<(typeof ACCOUNT_COLUMNS)[number], string>;

/**
 * A re-furnished account takes the new values unless they are for an older month (a
 * correction of history only). Written as CASE rather than a WHERE on the conflict so
 * that RETURNING yields every account of the chunk, whose history row follows.
 */
const PG_ACCOUNT_UPDATE = ACCOUNT_UPDATABLE.map((c) => `${c} = case when excluded.last_period >= registry_accounts.last_period then excluded.${c} else registry_accounts.${c} end`).join(', ');

/** The chunk's merge from the staging table: accounts, replaced history kept as versions (single updates), history. */
function mergeStatement(keepVersions: boolean): string {
  const kept = keepVersions
    ? `, kept as (insert into registry_history_versions (${HISTORY_COLUMNS}, superseded_by)
         select h.account_id, h.subject_key, h.period, h.outstanding, h.arrears, h.days_past_due, h.status, h.batch_id, $5::bigint
         from registry_history h join up on h.account_id = up.id where h.period = $2::text)`
    : '';
  return `with up as (
      insert into registry_accounts (${ACCOUNT_COLUMNS.join(', ')})
      select ${ACCOUNT_COLUMNS.map((c) => ACCOUNT_SOURCES[c]).join(', ')} from furnishing_stage s
      on conflict (cooperative_id, account_ref) do update set ${PG_ACCOUNT_UPDATE}
      returning id, account_ref)${kept}
    insert into registry_history (${HISTORY_COLUMNS})
    select up.id, s.subject_key, $2::text, s.outstanding, s.arrears, s.days_past_due, s.status, $5::bigint
    from up join furnishing_stage s on s.account_ref = up.account_ref
    on conflict (account_id, period) do update set ${HISTORY_UPDATE}`;
}

/**
 * The first file of a cooperative that has no accounts yet: every staged row is a new
 * account (a file's account_refs are unique, checked by the validator) with no history,
 * so plain inserts do. `on conflict` would make each row a speculative insertion, a third
 * of the merge's cost (EXPLAIN ANALYZE, 5,000 new rows: 1.14 s → 0.72 s under load).
 * Sound only while no other transaction adds the cooperative's accounts: the writer holds
 * the cooperative's advisory lock.
 */
const FRESH_INSERT = `with up as (
    insert into registry_accounts (${ACCOUNT_COLUMNS.join(', ')})
    select ${ACCOUNT_COLUMNS.map((c) => ACCOUNT_SOURCES[c]).join(', ')} from furnishing_stage s
    returning id, account_ref)
  insert into registry_history (${HISTORY_COLUMNS})
  select up.id, s.subject_key, $2::text, s.outstanding, s.arrears, s.days_past_due, s.status, $5::bigint
  from up join furnishing_stage s on s.account_ref = up.account_ref`;

/** Staged rows merged at once inside a bulk load (fewer statements to plan and run). */
const BULK_MERGE_ROWS = 25_000;

/** Staged rows deleted (rather than truncated) after their merge, until the staging table is truncated. */
const STAGE_DELETE_ROWS = 10_000;

/** Namespace of the advisory locks that serialise writers of one cooperative's registry accounts (see FRESH_INSERT). */
const WRITER_LOCK = 0x5245;

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: \N for null, backslash escapes for the separators. */
function copyValue(v: string | number | null): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c) : v;
}

/** Accounts per piece of COPY text handed to the socket. */
const COPY_PIECE_ROWS = 250;

/**
 * A chunk as COPY text, one line per account, tab-separated, in pieces of ~60 KB. Pieces
 * rather than one string per chunk: a 1.3 MB string (and the Buffer the socket makes of it)
 * lives in V8's large-object space, freed only by a full collection, and a million-row
 * import left hundreds of them waiting (the client peaked at 572 MB); small pieces die young.
 */
export function* copyText(accounts: readonly PseudonymousAccount[]): Generator<string> {
  let text = '';
  for (let n = 0; n < accounts.length; n++) {
    const a = accounts[n]!;
    let line = '';
    for (let i = 0; i < STAGE_COLUMNS.length; i++) line += (i ? '\t' : '') + copyValue(a[STAGE_COLUMNS[i]![0]] as string | number | null);
    text += `${line}\n`;
    if ((n + 1) % COPY_PIECE_ROWS === 0) {
      yield text;
      text = '';
    }
  }
  if (text) yield text;
}

/**
 * A Kysely pool of exactly one leased client: Kysely's queries and our COPY then share the
 * session, hence the transaction. Releasing is ours to do, once, when the batch ends.
 */
function singleClientPool(client: pg.PoolClient): PostgresPool {
  const lease = { query: client.query.bind(client), release: () => {} } as unknown as PostgresPoolClient;
  return { connect: async () => lease, end: async () => {} };
}

/**
 * PostgreSQL: one pooled connection and a transaction. Each chunk is streamed with COPY
 * into a temporary staging table (no parameter arrays to build or parse), then merged by
 * one statement: accounts upserted, replaced history kept as versions for single updates,
 * the month's history row written.
 */
async function postgresTransaction<T>(pool: pg.Pool, work: (tx: RegistryTransaction) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: singleClientPool(client) }) });
  let staged = false;
  /** Per cooperative written in this transaction: whether it had no accounts when first written (under its lock). */
  const fresh = new Map<number, boolean>();
  /** Rows in the staging table not merged yet, and the context they were written with. */
  let pending: { rows: number; ctx: WriteContext } | undefined;
  let bulk = false;
  /** Accounts written in the current bulk load. */
  let written = 0;
  /** Rows deleted from the staging table since it was last truncated (dead rows its scans still read). */
  let deleted = 0;
  const merge = async () => {
    if (!pending) return;
    const { ctx, rows } = pending;
    pending = undefined;
    // Only a bulk load (a validated file: unique account_refs) may take the plain path.
    const plain = bulk && ctx.fullFile && fresh.get(ctx.cooperativeId) === true;
    await client.query(plain ? FRESH_INSERT : mergeStatement(!ctx.fullFile), [ctx.cooperativeId, ctx.period, ctx.source, ctx.now, ctx.batchId]);
    // TRUNCATE gives the table a new file (a few ms, whatever it holds): close of day merges a
    // chunk's loans one cooperative at a time, tens of rows each, and 4,000 truncates were 5–13 s
    // of a 100,000-loan run. A DELETE of tens of rows costs microseconds; its dead rows stay
    // until the transaction drops the table, so past STAGE_DELETE_ROWS the table is truncated.
    deleted += rows;
    if (deleted < STAGE_DELETE_ROWS) await client.query('delete from furnishing_stage');
    else {
      await client.query('truncate furnishing_stage');
      deleted = 0;
    }
  };
  try {
    return await db.transaction().execute(async (trx) => {
      const writeAccounts = async (accounts: PseudonymousAccount[], ctx: WriteContext) => {
        if (accounts.length === 0) return;
        if (pending && pending.ctx !== ctx) await merge();
        if (!fresh.has(ctx.cooperativeId)) {
          // Until commit no other writer adds this cooperative's accounts, so "none yet" stays true for this transaction.
          await client.query('select pg_advisory_xact_lock($1::int, $2::int)', [WRITER_LOCK, ctx.cooperativeId]);
          const any = await client.query('select 1 from registry_accounts where cooperative_id = $1::bigint limit 1', [ctx.cooperativeId]);
          fresh.set(ctx.cooperativeId, any.rowCount === 0);
        }
        if (!staged) {
          await client.query(`create temporary table furnishing_stage (${STAGE_NAMES.map((c, i) => `${c} ${STAGE_COLUMNS[i]![1]}`).join(', ')}) on commit drop`);
          staged = true;
        }
        await pipeline(Readable.from(copyText(accounts)), client.query(copyFrom(`copy furnishing_stage (${STAGE_NAMES.join(', ')}) from stdin`)));
        pending = { rows: (pending?.rows ?? 0) + accounts.length, ctx };
        if (bulk) written += accounts.length;
        if (!bulk || pending.rows >= BULK_MERGE_ROWS) await merge();
      };
      // Indexes are maintained row by row: dropping one would lock every inquiry out meanwhile.
      // The bulk path merges several chunks at once, by plain inserts for a cooperative's first file.
      const bulkLoad = async <R>(_expectedRows: number, load: () => Promise<R>): Promise<R> => {
        bulk = true;
        written = 0;
        try {
          const loaded = await load();
          await merge();
          // A load that at least doubled the registry leaves the planner's statistics describing
          // a table half its size or empty: the end of the batch and the alerts raised after it
          // then planned scans of a million rows (~80 s of server CPU after a 1M-row first file).
          if (written >= BULK_MIN_ROWS) {
            const { rows } = await client.query<{ n: number }>("select reltuples::float8 as n from pg_class where oid = 'registry_accounts'::regclass");
            if (written >= Number(rows[0]?.n ?? 0)) await client.query('analyze registry_accounts, registry_history');
          }
          return loaded;
        } finally {
          bulk = false;
        }
      };
      return work({ db: trx, writeAccounts, bulkLoad });
    });
  } finally {
    client.release();
    await db.destroy();
  }
}
