import type SQLite from 'better-sqlite3';
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { Db, Dialect } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { LoanStatus } from '../lending/lending.table.ts';
import type { LoanStateColumns, StatePayment } from '../lending/loan-state.service.ts';
import { feedLoanQuery } from './registry-feed.ts';

/**
 * Bulk reads and writes of close of day. Reads walk loans in id order, a chunk at a time;
 * writes are one statement per chunk and table (SQLite: a JSON array through json_each;
 * PostgreSQL: arrays through unnest), so a million loans cost a few hundred statements.
 */

/** A loan as close of day reads it: terms and schedule, the feed's columns, its last state, and its registry row. */
export function chunkQuery(db: Kysely<Database>) {
  return feedLoanQuery(db)
    .leftJoin('registry_accounts as r', (join) => join.onRef('r.cooperative_id', '=', 'l.cooperative_id').onRef('r.account_ref', '=', 'l.loan_no'))
    .select([
      'l.rate_percent', 'l.rate_period', 'l.method', 'l.installment_multiple', 'l.penalty_rule', 'l.allocation_order', 'l.classification_preset',
      'l.collateral', 'l.schedule', 'l.in_court', 'l.restructure_basis', 'l.state_as_of', 'l.outstanding_principal', 'l.arrears', 'l.penalty_due', 'l.days_past_due',
      'l.class_code', 'l.allowance', 'l.last_payment_on', 'l.next_due_on', 'l.updated_at',
      'r.outstanding as r_outstanding', 'r.arrears as r_arrears', 'r.days_past_due as r_days_past_due', 'r.status as r_status',
      'r.last_payment_on as r_last_payment_on', 'r.last_period as r_last_period',
    ]);
}

export type ChunkLoan = Awaited<ReturnType<ReturnType<typeof chunkQuery>['execute']>>[number];

/** Statements of wideRows, per SQLite connection and SQL text, with their column names. */
const rawStatements = new WeakMap<SQLite.Database, Map<string, { stmt: SQLite.Statement; names: string[] }>>();

/**
 * Runs a read of thousands of rows (the chunk's ~45 columns, its repayments). better-sqlite3
 * is 2–3× slower building row objects itself than handing out arrays that are turned into
 * objects here, so on SQLite the compiled query runs as a raw statement; PostgreSQL runs it
 * through Kysely as usual. Same rows either way.
 */
async function wideRows<R>(handle: Db, query: { compile(): CompiledQuery<R>; execute(): Promise<R[]> }): Promise<R[]> {
  const sqlite = handle.sqlite;
  if (!sqlite) return query.execute();
  const { sql: text, parameters } = query.compile();
  let cache = rawStatements.get(sqlite);
  if (!cache) rawStatements.set(sqlite, (cache = new Map()));
  let prepared = cache.get(text);
  if (!prepared) {
    const stmt = sqlite.prepare(text).raw(true);
    prepared = { stmt, names: stmt.columns().map((c) => c.name) };
    cache.set(text, prepared);
  }
  const { names } = prepared;
  return (prepared.stmt.all(...parameters) as unknown[][]).map((values) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) row[names[i] as string] = values[i];
    return row as R;
  });
}

/** The next `limit` loans of a status after `afterId`, in id order (one status: one index range). */
export function statusChunk(handle: Db, status: 'active' | 'written_off', afterId: number, limit: number): Promise<ChunkLoan[]> {
  return wideRows(handle, chunkQuery(handle.db).where('l.status', '=', status).where('l.id', '>', afterId).orderBy('l.id').limit(limit));
}

/**
 * What lets close of day skip an active loan on `date`: its stored state still holds. The
 * state was derived on or before the date, nothing is owed (DPD 0) and no unpaid instalment
 * falls due by the date (next_due_on is the oldest unpaid due date, or the next one), and
 * no repayment is dated after the derivation (one recorded ahead of its date, or written
 * straight to the table as the demo does), so neither DPD, arrears, class, allowance nor
 * penalty can have moved. Nothing touched the loan,
 * its member, its product or its registry account since the previous close of day started
 * (`since`: every other writer — repayments, reversals, restructuring, edits — bumps
 * updated_at, and the previous run derived everything touched before it), and the registry
 * account already reports these figures. Reads the aliases of chunkQuery (l, m, p, r).
 */
export function unchangedSince(dialect: Dialect, date: string, since: string) {
  const same = dialect === 'sqlite' ? sql.raw('is') : sql.raw('is not distinct from');
  // coalesce: a null compared (no next due date, no registry account) must mean "changed", not unknown.
  return sql<boolean>`coalesce((l.state_as_of is not null and l.state_as_of <= ${date} and l.next_due_on > ${date} and l.days_past_due = 0
    and l.updated_at <= ${since} and m.updated_at <= ${since} and p.updated_at <= ${since}
    and r.last_period is not null and r.updated_at <= ${since}
    and r.outstanding = l.outstanding_principal and r.arrears = l.arrears and r.days_past_due = 0
    and r.status = (case when l.restructured_count > 0 then 'restructured' else 'active' end)
    and r.last_payment_on ${same} l.last_payment_on
    and not exists (select 1 from repayments y where y.loan_id = l.id and y.paid_on > l.state_as_of)), false)`;
}

/** The ids of the next `limit` (null: all) active loans after `afterId` that unchangedSince does not hold for, in id order. */
function candidateIds(dialect: Dialect, date: string, since: string, afterId: number, limit: number | null) {
  return sql<{ id: number }>`select l.id from loans l
    join members m on m.id = l.member_id
    join loan_products p on p.id = l.product_id
    left join registry_accounts r on r.cooperative_id = l.cooperative_id and r.account_ref = l.loan_no
    where l.status = 'active' and l.id > ${afterId} and not ${unchangedSince(dialect, date, since)}
    order by l.id${limit === null ? sql`` : sql` limit ${limit}`}`;
}

/**
 * The next `limit` active loans after `afterId` whose state may have changed on `date` (all
 * of them when no close of day ran before: `since` null), in id order.
 *
 * Two steps: the ids are found by walking the narrow index of active loans
 * (loans_close_of_day_candidates, migration 0014: every loan column the test reads, `status =
 * 'active'` written as a literal so the partial index applies), then only the candidates' wide
 * rows are read by id. Testing every loan on its wide table row cost seconds of CPU at 1M.
 */
export async function candidateChunk(handle: Db, date: string, since: string | null, afterId: number, limit: number): Promise<ChunkLoan[]> {
  if (since === null) return statusChunk(handle, 'active', afterId, limit);
  const found = await candidateIds(handle.dialect, date, since, afterId, limit).execute(handle.db);
  return rowsById(handle, found.rows.map((r) => Number(r.id)));
}

/** The wide rows of the given loans, in id order. */
function rowsById(handle: Db, ids: readonly number[]): Promise<ChunkLoan[]> {
  if (ids.length === 0) return Promise.resolve([]);
  const sqlite = handle.dialect === 'sqlite';
  const idList = sqlite ? sql<number>`(select value from json_each(${JSON.stringify(ids)}))` : sql<number>`any(${ids}::bigint[])`;
  return wideRows(handle, chunkQuery(handle.db).where('l.id', sqlite ? 'in' : '=', idList).orderBy('l.id'));
}

/**
 * The run's candidates a chunk at a time: `next(afterId, limit)` is candidateChunk. On
 * PostgreSQL the ids of the whole run are found first, by one statement: a chunk's `limit`
 * does not stop its planner's hash joins, which read every remaining loan and every registry
 * account and member for each chunk (quadratic in the book: 5.5 s of the server's time a day
 * at 100,000 loans). Loans touched after this read are derived by the next run (`since`).
 */
export function candidateReader(handle: Db, date: string, since: string | null): { next(afterId: number, limit: number): Promise<ChunkLoan[]> } {
  if (since === null || handle.dialect === 'sqlite') return { next: (afterId, limit) => candidateChunk(handle, date, since, afterId, limit) };
  let all: Promise<number[]> | undefined;
  return {
    async next(afterId, limit) {
      all ??= candidateIds(handle.dialect, date, since, 0, null).execute(handle.db).then((found) => found.rows.map((r) => Number(r.id)));
      const ids = await all;
      // The first id after `afterId` (ids ascend).
      let [from, to] = [0, ids.length];
      while (from < to) {
        const mid = (from + to) >> 1;
        if ((ids[mid] ?? 0) <= afterId) from = mid + 1;
        else to = mid;
      }
      return rowsById(handle, ids.slice(from, from + limit));
    },
  };
}

/** The plan of the candidate id query, for checking it walks the narrow index (EXPLAIN QUERY PLAN / EXPLAIN): candidateChunk's on SQLite, candidateReader's on PostgreSQL. */
export async function candidatePlan(db: Kysely<Database>, dialect: Dialect, date: string, since: string): Promise<string> {
  const explain = sql.raw(dialect === 'sqlite' ? 'explain query plan' : 'explain');
  const rows = await sql<Record<string, unknown>>`${explain} ${candidateIds(dialect, date, since, 0, dialect === 'sqlite' ? 5000 : null)}`.execute(db);
  return rows.rows.map((r) => String(r.detail ?? r['QUERY PLAN'])).join('\n');
}

/** When the latest finished close of day before `date` started: what it derived is current unless touched after. */
export async function previousRunStart(db: Kysely<Database>, date: string): Promise<string | null> {
  const row = await db.selectFrom('close_of_day_runs').select('started_at').where('business_date', '<', date).where('finished_at', 'is not', null)
    .orderBy('business_date', 'desc').limit(1).executeTakeFirst();
  return row?.started_at ?? null;
}

/**
 * The registry accounts of the month roll, by cooperative: those of unchanged active loans
 * (unchangedSince) that have not reported `period` yet. One walk of the narrow index of
 * active loans for the whole book; per cooperative it was a walk each (quadratic in the book).
 */
export async function accountsToRoll(db: Kysely<Database>, dialect: Dialect, p: { period: string; date: string; since: string }): Promise<Map<number, number[]>> {
  const rows = await sql<{ id: number; cooperative_id: number }>`select r.id, l.cooperative_id from loans l
    join members m on m.id = l.member_id
    join loan_products p on p.id = l.product_id
    join registry_accounts r on r.cooperative_id = l.cooperative_id and r.account_ref = l.loan_no
    where l.status = 'active' and r.last_period < ${p.period} and ${unchangedSince(dialect, p.date, p.since)}`.execute(db);
  const byCooperative = new Map<number, number[]>();
  for (const r of rows.rows) {
    const cooperativeId = Number(r.cooperative_id);
    let ids = byCooperative.get(cooperativeId);
    if (!ids) byCooperative.set(cooperativeId, (ids = []));
    ids.push(Number(r.id));
  }
  return byCooperative;
}

/**
 * The month roll of skipped loans: each one's registry account reports the same figures in
 * `period` as in its last month, so its history row for the period is copied from the
 * account in SQL (the feed would validate and write exactly these values) and the account
 * marked as reported for the period. One cooperative's accounts (accountsToRoll, read in the
 * same transaction), into its batch; returns the rows copied.
 */
export async function copyForwardAccounts(db: Kysely<Database>, dialect: Dialect, p: { accountIds: readonly number[]; period: string; batchId: number; now: string }): Promise<number> {
  if (p.accountIds.length === 0) return 0;
  const sqlite = dialect === 'sqlite';
  const ids = sqlite ? sql<number>`(select value from json_each(${JSON.stringify(p.accountIds)}))` : sql<number>`any(${p.accountIds}::bigint[])`;
  const match = sqlite ? sql`in ${ids}` : sql`= ${ids}`;
  // `where true`: SQLite's parser then reads ON CONFLICT as the INSERT's, not a join's.
  const inserted = await sql`insert into registry_history (account_id, subject_key, period, outstanding, arrears, days_past_due, status, batch_id)
    select a.id, a.subject_key, ${p.period}, a.outstanding, a.arrears, a.days_past_due, a.status, ${p.batchId}
    from registry_accounts a where a.id ${match} and true
    on conflict (account_id, period) do nothing`.execute(db);
  await sql`update registry_accounts set last_period = ${p.period}, not_reported_since = null, source = 'workspace', updated_at = ${p.now}
    where id ${match}`.execute(db);
  return Number(inserted.numAffectedRows ?? 0);
}

/**
 * A full snapshot of `asOf` for every active loan, from the stored states (those close of day
 * derived for the date, and the unchanged ones, whose state still holds): one statement.
 */
export async function snapshotActiveLoans(db: Kysely<Database>, asOf: string): Promise<void> {
  await sql`insert into loan_snapshots (loan_id, cooperative_id, as_of, outstanding_principal, arrears, days_past_due, class_code, allowance, status)
    select l.id, l.cooperative_id, ${asOf}, l.outstanding_principal, l.arrears, l.days_past_due, l.class_code, l.allowance, l.status
    from loans l where l.status = 'active' and l.class_code is not null
    on conflict (loan_id, as_of) do update set ${sql.raw(SNAPSHOT_UPDATE)}`.execute(db);
}

/**
 * The next loans open at some time in the month ending `monthEnd`: disbursed by then and not
 * closed before the month began. For writing a past month-end (the demo's 24-month history).
 */
export function openInMonthChunk(handle: Db, monthEnd: string, afterId: number, limit: number): Promise<ChunkLoan[]> {
  const monthStart = `${monthEnd.slice(0, 7)}-01`;
  return wideRows(handle, chunkQuery(handle.db)
    .where('l.status', 'in', ['active', 'settled'])
    .where('l.disbursed_on', '<=', monthEnd)
    .where((eb) => eb.or([eb('l.closed_on', 'is', null), eb('l.closed_on', '>=', monthStart)]))
    .where('l.id', '>', afterId)
    .orderBy('l.id')
    .limit(limit));
}

export async function countActive(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('loans').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'active').executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Non-reversed repayments of the given loans, grouped by loan, each loan's in (date, id)
 * order. The ids travel as one parameter (a JSON array on SQLite, an array on PostgreSQL):
 * 5000 bound placeholders cost more to build and bind than the index lookups they drive.
 */
export async function repaymentsOf(handle: Db, loanIds: readonly number[]): Promise<Map<number, StatePayment[]>> {
  const byLoan = new Map<number, StatePayment[]>();
  if (loanIds.length === 0) return byLoan;
  const sqlite = handle.dialect === 'sqlite';
  const ids = sqlite ? sql<number>`(select value from json_each(${JSON.stringify(loanIds)}))` : sql<number>`any(${loanIds}::bigint[])`;
  const rows = await wideRows(handle, handle.db
    .selectFrom('repayments')
    .select(['loan_id', 'paid_on', 'amount', 'reversed_at', 'created_at'])
    .where('loan_id', sqlite ? 'in' : '=', ids)
    .where('reversed_at', 'is', null)
    .orderBy('loan_id')
    .orderBy('paid_on')
    .orderBy('id'));
  for (const r of rows) {
    let list = byLoan.get(r.loan_id);
    if (!list) byLoan.set(r.loan_id, (list = []));
    list.push(r);
  }
  return byLoan;
}

/** A loan's new state columns, and the updated_at it was read with. */
export interface StateUpdate extends LoanStateColumns {
  id: number;
  readAt: string;
}

const STATE_COLUMNS = ['state_as_of', 'outstanding_principal', 'arrears', 'penalty_due', 'days_past_due', 'class_code', 'allowance', 'last_payment_on', 'next_due_on'] as const;
const PG_STATE_TYPES = ['text', 'bigint', 'bigint', 'bigint', 'integer', 'text', 'bigint', 'text', 'text'];

/**
 * Writes the state columns of the given loans (and their updated_at) — unless a loan changed
 * since close of day read it (a repayment meanwhile wrote a fresher state): that one is kept.
 */
export async function writeLoanStates(db: Kysely<Database>, dialect: Dialect, updates: readonly StateUpdate[], now: string): Promise<void> {
  if (updates.length === 0) return;
  const set = STATE_COLUMNS.map((c, i) => `${c} = ${dialect === 'sqlite' ? `j.value ->> ${i + 1}` : `t.c${i}`}`).join(', ');
  if (dialect === 'sqlite') {
    const payload = JSON.stringify(updates.map((u) => [u.id, ...STATE_COLUMNS.map((c) => u[c]), u.readAt]));
    await sql`update loans set ${sql.raw(set)}, updated_at = ${now} from json_each(${payload}) as j
      where loans.id = j.value ->> 0 and loans.updated_at = j.value ->> ${sql.lit(STATE_COLUMNS.length + 1)}`.execute(db);
    return;
  }
  const arrays = STATE_COLUMNS.map((c, i) => sql`${updates.map((u) => u[c])}::${sql.raw(PG_STATE_TYPES[i] ?? 'text')}[]`);
  const names = STATE_COLUMNS.map((_, i) => `c${i}`).join(', ');
  await sql`update loans set ${sql.raw(set)}, updated_at = ${now}
    from unnest(${updates.map((u) => u.id)}::bigint[], ${sql.join(arrays)}, ${updates.map((u) => u.readAt)}::text[]) as t(id, ${sql.raw(names)}, read_at)
    where loans.id = t.id and loans.updated_at = t.read_at`.execute(db);
}

/** One loan_snapshots row. */
export interface Snapshot {
  loan_id: number;
  cooperative_id: number;
  outstanding_principal: number;
  arrears: number;
  days_past_due: number;
  class_code: string;
  allowance: number;
  status: LoanStatus;
}

const SNAPSHOT_VALUES = ['loan_id', 'cooperative_id', 'outstanding_principal', 'arrears', 'days_past_due', 'class_code', 'allowance', 'status'] as const;
const PG_SNAPSHOT_TYPES = ['bigint', 'bigint', 'bigint', 'bigint', 'integer', 'text', 'bigint', 'text'];
const SNAPSHOT_UPDATE = 'outstanding_principal = excluded.outstanding_principal, arrears = excluded.arrears, days_past_due = excluded.days_past_due, class_code = excluded.class_code, allowance = excluded.allowance, status = excluded.status';

/** Upserts the snapshots of `asOf`: running a date twice leaves one row per loan with the same figures. */
export async function writeSnapshots(db: Kysely<Database>, dialect: Dialect, asOf: string, rows: readonly Snapshot[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = 'loan_id, cooperative_id, as_of, outstanding_principal, arrears, days_past_due, class_code, allowance, status';
  if (dialect === 'sqlite') {
    const payload = JSON.stringify(rows.map((r) => SNAPSHOT_VALUES.map((c) => r[c])));
    const rest = SNAPSHOT_VALUES.slice(2).map((_, i) => `j.value ->> ${i + 2}`).join(', ');
    // `where true` tells SQLite's parser that ON CONFLICT belongs to the INSERT, not a join.
    await sql`insert into loan_snapshots (${sql.raw(columns)})
      select j.value ->> 0, j.value ->> 1, ${asOf}, ${sql.raw(rest)} from json_each(${payload}) as j where true
      on conflict (loan_id, as_of) do update set ${sql.raw(SNAPSHOT_UPDATE)}`.execute(db);
    return;
  }
  const arrays = SNAPSHOT_VALUES.map((c, i) => sql`${rows.map((r) => r[c])}::${sql.raw(PG_SNAPSHOT_TYPES[i] ?? 'text')}[]`);
  await sql`insert into loan_snapshots (${sql.raw(columns)})
    select l, c, ${asOf}, o, a, d, k, w, s from unnest(${sql.join(arrays)}) as t(l, c, o, a, d, k, w, s)
    on conflict (loan_id, as_of) do update set ${sql.raw(SNAPSHOT_UPDATE)}`.execute(db);
}

/**
 * Keeps month-end snapshots and the last two weeks' daily ones: a daily snapshot older than
 * `keepFrom` is dropped unless it is the last of its month. Run dates come from close_of_day_runs.
 */
export async function pruneDailySnapshots(db: Kysely<Database>, keepFrom: string): Promise<void> {
  const runs = await db.selectFrom('close_of_day_runs').select('business_date').where('business_date', '<', keepFrom).orderBy('business_date', 'desc').limit(62).execute();
  const lastOfMonth = new Set<string>();
  const seenMonths = new Set<string>();
  for (const { business_date: d } of runs) {
    if (!seenMonths.has(d.slice(0, 7))) lastOfMonth.add(d);
    seenMonths.add(d.slice(0, 7));
  }
  const drop = runs.map((r) => r.business_date).filter((d) => !lastOfMonth.has(d));
  if (drop.length > 0) await db.deleteFrom('loan_snapshots').where('as_of', 'in', drop).execute();
}
