import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../db/schema.ts';
import type { Services } from '../../http/context.ts';
import { allDistricts } from '../reference/regions.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { rebuildMonthlySummary } from '../supervision/supervision.summary.ts';
import { monthsBefore } from '@simpul/domain';
import { HISTORY_MONTHS, cooperativeSizes, scaleAccounts, type ScaleAccount, type ScaleOptions } from './synthetic.scale.ts';
import { seededRandom } from './synthetic.ts';

/**
 * Writes a scale registry (synthetic.scale.ts) straight into the database: a data generator,
 * not the furnishing path, so rows go through prepared multi-row statements (SQLite) or COPY
 * (PostgreSQL) with ids allocated up front. Run it on an instance nobody else writes to.
 */

/** What was written, counted as it was generated: the dashboards must show the same. */
export interface ScaleTally {
  cooperatives: number;
  /** Their ids, in generation order (index = ScaleAccount.cooperative). */
  cooperativeIds: number[];
  accounts: number;
  subjects: number;
  historyRows: number;
  /** The open book (active or restructured, something owed), as the dashboard counts it. */
  openAccounts: number;
  openOutstanding: number;
  writeOffAccounts: number;
  writtenOff: number;
  /** Open-book accounts per history month, newest first (the district trend). */
  openByMonth: number[];
  /** The first subject with accounts at two or more cooperatives, for a sample inquiry. */
  repeatBorrower: { subject: number; subjectKey: string; accounts: number; cooperatives: number } | null;
}

const ACCOUNT_COLUMNS = [
  'id', 'subject_key', 'cooperative_id', 'account_ref', 'name_token', 'birth_token', 'product', 'opened_on', 'original_amount', 'tenor', 'frequency',
  'instalment_amount', 'outstanding', 'arrears', 'days_past_due', 'status', 'last_payment_on', 'closed_on', 'written_off_on', 'written_off_amount',
  'last_period', 'source', 'updated_at',
] as const;
const HISTORY_COLUMNS = ['account_id', 'subject_key', 'period', 'outstanding', 'arrears', 'days_past_due', 'status', 'batch_id'] as const;
const TABLES = ['registry_accounts', 'registry_history'] as const;
const OPEN = new Set(['active', 'restructured']);

type Row = (string | number | null)[];

/**
 * Where rows go: each dialect's bulk path. `flush` commits what was added so far; it may
 * still be writing when it returns (`drain` waits), so the next rows are drawn meanwhile.
 */
interface Sink {
  account(row: Row): void;
  history(row: Row): void;
  flush(): Promise<void>;
  /** Resolves when everything flushed is committed; rejects with a write's error. */
  drain(): Promise<void>;
  /** Whether a write is under way: the generator then lets it progress now and then. */
  busy(): boolean;
}

function sqliteSink(services: Services): Sink {
  const db = services.db.sqlite;
  if (!db) throw new Error('not a SQLite instance');
  const PER = 100; // history rows per statement: one call into SQLite for many rows
  const width = HISTORY_COLUMNS.length;
  const account = db.prepare(`insert into registry_accounts (${ACCOUNT_COLUMNS.join(', ')}) values (${ACCOUNT_COLUMNS.map(() => '?').join(', ')})`);
  const one = `(${HISTORY_COLUMNS.map(() => '?').join(', ')})`;
  const historySql = (n: number) => `insert into registry_history (${HISTORY_COLUMNS.join(', ')}) values ${Array(n).fill(one).join(', ')}`;
  const historyMany = db.prepare(historySql(PER));
  const historyOne = db.prepare(historySql(1));
  let accounts: Row[] = [];
  // History values laid out flat, PER rows at a time, written as soon as they fill a statement.
  const pending: Row = [];
  let full: Row[] = [];
  const write = db.transaction(() => {
    for (const row of accounts) account.run(row);
    for (const values of full) historyMany.run(values);
    for (let i = 0; i < pending.length; i += width) historyOne.run(pending.slice(i, i + width));
  });
  return {
    account: (row) => accounts.push(row),
    history(row) {
      for (const v of row) pending.push(v);
      if (pending.length === PER * width) {
        full.push(pending.splice(0));
      }
    },
    async flush() {
      write();
      accounts = [];
      full = [];
      pending.length = 0;
    },
    drain: async () => {},
    busy: () => false,
  };
}

/** Rows as one array per column, inserted with `unnest`: one round trip for thousands of rows. */
async function unnestInsert(trx: Kysely<Database>, table: string, columns: readonly string[], types: readonly string[], rows: Row[], explicitIds: boolean): Promise<void> {
  if (rows.length === 0) return;
  const arrays = columns.map((_, c) => rows.map((r) => r[c] ?? null));
  const params = sql.join(arrays.map((a, c) => sql`${a}::${sql.raw(types[c] ?? 'text')}[]`));
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) ${sql.raw(explicitIds ? 'overriding system value' : '')} select * from unnest(${params})`.execute(trx);
}

/** One value in COPY's text format: \N for null; the generator's text has no tabs, newlines or backslashes. */
function copyField(v: string | number | null): string {
  if (v === null) return '\\N';
  if (typeof v === 'string' && /[\\\t\n\r]/.test(v)) throw new Error(`COPY text: unexpected control character in ${JSON.stringify(v)}`);
  return String(v);
}

function copyRows(rows: Row[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(copyField).join('\t')}\n`;
  return text;
}

/**
 * PostgreSQL: each flush is COPY streams on two pooled connections, a transaction each: no
 * parameter arrays to build in Node and parse in the server, as `unnest` inserts had (20,000
 * accounts: 2.8 instead of 3.5 CPU-seconds, Node's and the server's together). A flush returns
 * once started, so the next rows are drawn while the server writes these; the next flush
 * waits for it.
 */
function postgresSink(pool: pg.Pool): Sink {
  let accounts: Row[] = [];
  let history: Row[] = [];
  let inFlight: Promise<void> = Promise.resolve();
  let writing = false;
  const copy = (client: pg.PoolClient, table: string, columns: readonly string[], rows: Row[]) =>
    rows.length === 0 ? Promise.resolve() : pipeline(Readable.from([copyRows(rows)]), client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)));
  const writeOn = async (a: Row[], h: Row[]) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      // COPY writes explicit ids into the identity column, as INSERT … OVERRIDING SYSTEM VALUE does.
      await copy(client, 'registry_accounts', ACCOUNT_COLUMNS, a);
      await copy(client, 'registry_history', HISTORY_COLUMNS, h);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };
  // Two connections, so two server backends parse and write at once (one is the bound on a
  // 2-core machine): the accounts and half the history on one, the other half on the other.
  // The foreign keys are off for the load, so the halves may land in either order.
  const write = async (a: Row[], h: Row[]) => {
    const half = Math.floor(h.length / 2);
    await Promise.all([writeOn(a, h.slice(0, half)), writeOn([], h.slice(half))]);
  };
  return {
    account: (row) => accounts.push(row),
    history: (row) => history.push(row),
    async flush() {
      const [a, h] = [accounts, history];
      accounts = [];
      history = [];
      await inFlight;
      writing = true;
      inFlight = write(a, h).finally(() => {
        writing = false;
      });
      // Observed here so a failure is not unhandled before drain() or the next flush awaits it.
      inFlight.catch(() => {});
    },
    drain: () => inFlight,
    busy: () => writing,
  };
}

/**
 * The registry's secondary indexes, dropped for the load and built again after: one sort
 * per index instead of millions of random B-tree inserts (the subject-key index above all).
 * Indexes behind constraints (primary keys, unique account refs) stay. On PostgreSQL the
 * foreign keys go too and come back validated in one join, instead of a trigger per row.
 */
async function withoutSecondaryStructures<T>(services: Services, load: () => Promise<T>): Promise<T> {
  const { db, dialect } = services.db;
  const list = sql.join(TABLES.map((t) => sql.lit(t)));
  const indexes = dialect === 'sqlite'
    ? (await sql<{ name: string; definition: string }>`select name, sql as definition from sqlite_master where type = 'index' and tbl_name in (${list}) and sql is not null`.execute(db)).rows
    : (await sql<{ name: string; definition: string }>`select indexname as name, indexdef as definition from pg_indexes
        where schemaname = current_schema() and tablename in (${list}) and indexname not in (select conname from pg_constraint)`.execute(db)).rows;
  const foreignKeys = dialect === 'sqlite' ? [] : (await sql<{ name: string; table: string; definition: string }>`select conname as name, conrelid::regclass::text as table,
      pg_get_constraintdef(oid) as definition from pg_constraint where contype = 'f' and conrelid::regclass::text in (${list})`.execute(db)).rows;
  for (const index of indexes) await sql`drop index ${sql.ref(index.name)}`.execute(db);
  for (const fk of foreignKeys) await sql`alter table ${sql.table(fk.table)} drop constraint ${sql.ref(fk.name)}`.execute(db);
  try {
    return await load();
  } finally {
    for (const index of indexes) await sql.raw(index.definition).execute(db);
    for (const fk of foreignKeys) await sql`alter table ${sql.table(fk.table)} add constraint ${sql.ref(fk.name)} ${sql.raw(fk.definition)}`.execute(db);
  }
}

/** The next free id of a table: the generator writes its rows with ids it chose. */
async function nextId(db: Kysely<Database>, table: 'registry_accounts' | 'registry_batches'): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.max('id').as('id')).executeTakeFirst();
  return Number(row?.id ?? 0) + 1;
}

/** After writing explicit ids, PostgreSQL's identity must continue past them. */
async function resumeIdentity(services: Services, table: 'registry_accounts' | 'registry_batches'): Promise<void> {
  if (services.db.dialect !== 'postgres') return;
  await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select coalesce(max(id), 1) from ${sql.table(table)}))`.execute(services.db.db);
}

/** Registered, participating cooperatives with codes `${prefix}000001`…; members about 3 per account. */
async function insertCooperatives(services: Services, options: ScaleOptions, prefix: string): Promise<number[]> {
  const { db } = services.db;
  const taken = await db.selectFrom('cooperatives').select('id').where('code', '=', `${prefix}000001`).executeTakeFirst();
  if (taken) throw new Error(`cooperatives ${prefix}000001… exist already: a scale registry is generated once per instance`);
  const sizes = cooperativeSizes(options.cooperatives, options.accounts);
  const districts = [...allDistricts().keys()];
  const rng = seededRandom(options.seed + 1);
  const now = services.now().toISOString();
  const today = now.slice(0, 10);
  const codes: string[] = [];
  for (let start = 0; start < sizes.length; start += 1000) {
    const rows = sizes.slice(start, start + 1000).map((size, i) => {
      const code = `${prefix}${String(start + i + 1).padStart(6, '0')}`;
      codes.push(code);
      return {
        code, name: `Koperasi Sampel ${start + i + 1}`, type: 'ksp' as const, created_at: now, updated_at: now, status_since: today,
        kecamatan_code: districts[Math.floor(rng() * districts.length)] ?? null, members_count: Math.round(size * (2 + rng() * 2)), last_rat_year: 2025,
      };
    });
    await db.insertInto('cooperatives').values(rows).execute();
  }
  const ids = new Map<string, number>();
  for (const r of await db.selectFrom('cooperatives').select(['id', 'code']).where('code', 'like', `${prefix}%`).execute()) ids.set(r.code, Number(r.id));
  return codes.map((c) => ids.get(c) ?? 0);
}

/**
 * Generates and writes the whole scale registry: cooperatives, accounts, their history, one
 * committed full-file batch per cooperative and month reported, the district trend's monthly
 * summary, and one audit entry for the generation. `progress` hears each step (and every
 * 100,000 accounts) with the seconds since the start.
 */
export async function loadScaleRegistry(services: Services, options: ScaleOptions & { codePrefix?: string }, progress: (step: string) => void = () => {}): Promise<ScaleTally> {
  const { db } = services.db;
  const started = performance.now();
  const step = (what: string) => progress(`${what} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const cooperativeIds = await insertCooperatives(services, options, options.codePrefix ?? 'N');
  const firstAccount = await nextId(db, 'registry_accounts');
  const firstBatch = await nextId(db, 'registry_batches');
  const periods = Array.from({ length: HISTORY_MONTHS }, (_, k) => monthsBefore(options.period, k));
  const batchOf = (cooperative: number, monthsAgo: number) => firstBatch + cooperative * HISTORY_MONTHS + monthsAgo;
  const rowsPerBatch = new Int32Array(cooperativeIds.length * HISTORY_MONTHS);
  const now = services.now().toISOString();
  const tally: ScaleTally = {
    cooperatives: cooperativeIds.length, cooperativeIds, accounts: 0, subjects: 0, historyRows: 0, openAccounts: 0, openOutstanding: 0,
    writeOffAccounts: 0, writtenOff: 0, openByMonth: periods.map(() => 0), repeatBorrower: null,
  };
  const firstSeen = new Map<number, number>(); // subject → cooperative of its first account, while looking for a repeat borrower
  const sink = services.db.pool ? postgresSink(services.db.pool) : sqliteSink(services);
  const count = (a: ScaleAccount) => {
    tally.accounts++;
    tally.subjects = Math.max(tally.subjects, a.subject + 1);
    if (OPEN.has(a.status) && a.outstanding > 0) {
      tally.openAccounts++;
      tally.openOutstanding += a.outstanding;
    }
    if (a.writtenOffAmount !== null) {
      tally.writeOffAccounts++;
      tally.writtenOff += a.writtenOffAmount;
    }
    if (!tally.repeatBorrower) {
      const first = firstSeen.get(a.subject);
      if (first === undefined) firstSeen.set(a.subject, a.cooperative);
      else if (first !== a.cooperative) tally.repeatBorrower = { subject: a.subject, subjectKey: a.subjectKey, accounts: 0, cooperatives: 0 };
    }
  };
  await withoutSecondaryStructures(services, async () => {
    let id = firstAccount;
    for (const a of scaleAccounts(services.keys, options)) {
      const cooperativeId = cooperativeIds[a.cooperative] ?? 0;
      sink.account([
        id, a.subjectKey, cooperativeId, a.accountRef, a.nameToken, a.birthToken, 'Pinjaman Umum', a.openedOn, a.originalAmount, a.tenor, a.frequency,
        a.instalmentAmount, a.outstanding, a.arrears, a.daysPastDue, a.status, a.lastPaymentOn, a.closedOn, a.writtenOffOn, a.writtenOffAmount,
        a.lastPeriod, 'file', now,
      ]);
      for (const m of a.history) {
        sink.history([id, a.subjectKey, periods[m.monthsAgo] ?? '', m.outstanding, m.arrears, m.daysPastDue, m.status, batchOf(a.cooperative, m.monthsAgo)]);
        rowsPerBatch[a.cooperative * HISTORY_MONTHS + m.monthsAgo] = (rowsPerBatch[a.cooperative * HISTORY_MONTHS + m.monthsAgo] ?? 0) + 1;
        if (OPEN.has(m.status) && m.outstanding > 0) tally.openByMonth[m.monthsAgo] = (tally.openByMonth[m.monthsAgo] ?? 0) + 1;
      }
      tally.historyRows += a.history.length;
      count(a);
      id++;
      if (tally.accounts % 20_000 === 0) await sink.flush();
      // While a flush is sent, let the socket take more of it now and then (drawing is synchronous).
      else if (tally.accounts % 1000 === 0 && sink.busy()) await new Promise(setImmediate);
      if (tally.accounts % 100_000 === 0) step(`${tally.accounts.toLocaleString('en')} accounts written`);
    }
    await sink.flush();
    await sink.drain();
    step(`${tally.accounts.toLocaleString('en')} accounts and ${tally.historyRows.toLocaleString('en')} history months written; rebuilding indexes`);
  });
  step('indexes rebuilt');
  await resumeIdentity(services, 'registry_accounts');
  await insertBatches(services, cooperativeIds, periods, rowsPerBatch, batchOf);
  await resumeIdentity(services, 'registry_batches');
  if (tally.repeatBorrower) {
    const rows = await db.selectFrom('registry_accounts').select('cooperative_id').where('subject_key', '=', tally.repeatBorrower.subjectKey).execute();
    tally.repeatBorrower = { ...tally.repeatBorrower, accounts: rows.length, cooperatives: new Set(rows.map((r) => r.cooperative_id)).size };
  }
  await rebuildMonthlySummary(db);
  step('monthly summary rebuilt');
  if (services.db.dialect === 'postgres') await sql`analyze registry_accounts, registry_history, registry_batches`.execute(db);
  await db.transaction().execute((trx) => recordAudit(trx, services, null, 'registry.synthetic_generated', { type: 'registry', id: null }, {
    cooperatives: tally.cooperatives, accounts: tally.accounts, subjects: tally.subjects, period: options.period, seed: options.seed,
  }));
  return tally;
}

const BATCH_COLUMNS = ['id', 'cooperative_id', 'period', 'source', 'status', 'full_file', 'rows_total', 'accepted', 'rejected', 'warnings', 'created_by', 'created_at'] as const;
const BATCH_TYPES = ['bigint', 'bigint', 'text', 'text', 'text', 'int', 'int', 'int', 'int', 'int', 'text', 'text'] as const;

/** One committed full-file batch per cooperative and month it reported, with its row count. */
async function insertBatches(services: Services, cooperativeIds: number[], periods: string[], rows: Int32Array, batchOf: (c: number, k: number) => number): Promise<void> {
  const now = services.now().toISOString();
  const batches: Row[] = [];
  for (let c = 0; c < cooperativeIds.length; c++) {
    for (let k = 0; k < periods.length; k++) {
      const n = rows[c * HISTORY_MONTHS + k] ?? 0;
      if (n > 0) batches.push([batchOf(c, k), cooperativeIds[c] ?? 0, periods[k] ?? '', 'file', 'committed', 1, n, n, 0, 0, 'synthetic', now]);
    }
  }
  const sqlite = services.db.sqlite;
  if (sqlite) {
    const insert = sqlite.prepare(`insert into registry_batches (${BATCH_COLUMNS.join(', ')}) values (${BATCH_COLUMNS.map(() => '?').join(', ')})`);
    sqlite.transaction(() => batches.forEach((b) => insert.run(b)))();
    return;
  }
  await services.db.db.transaction().execute(async (trx) => {
    for (let i = 0; i < batches.length; i += 20_000) await unnestInsert(trx, 'registry_batches', BATCH_COLUMNS, BATCH_TYPES, batches.slice(i, i + 20_000), true);
  });
}
