import { addDays, endOfMonth, monthOf } from '@simpul/domain';
import type { Services } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { deriveLoanState, type DerivedLoanState } from '../lending/loan-state.service.ts';
import { withRegistryTransaction } from '../registry/registry.tx.ts';
import { claimDate, finishClaim, releaseClaim, renewClaim } from './close-of-day.claim.ts';
import type { RegistryTransaction } from '../registry/registry.writer.ts';
import { refreshMonthlySummaries, refreshMonthlySummary } from '../supervision/supervision.summary.ts';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Dialect } from '../../db/database.ts';
import {
  candidateReader, accountsToRoll, copyForwardAccounts, countActive, statusChunk, openInMonthChunk, previousRunStart, pruneDailySnapshots, repaymentsOf,
  snapshotActiveLoans, writeLoanStates, writeSnapshots, type ChunkLoan, type Snapshot, type StateUpdate,
} from './close-of-day.repository.ts';
import { feedCooperative, reportedFigures, type FeedLoan, type FeedOutcome, type FeedState } from './registry-feed.ts';

/**
 * Close of day (tutup hari): for every active loan, the engine's state on the business date
 * — DPD, class, allowance, arrears, penalty accrued — written back to the loan where it
 * changed, a snapshot for the date (month-ends are kept for trends; daily ones for two
 * weeks, for "moved to a worse class this week"), and the registry's row for the month
 * refreshed where it changed.
 *
 * Only loans whose state can have moved are read and derived (unchangedSince in the
 * repository says which cannot: nothing owed, nothing falling due, nothing touched since the
 * previous run); the others keep their stored state, which holds on the date — a loan's
 * `state_as_of` is when its state was last derived, the run's date is when it holds
 * (close_of_day_runs). On the first close of a month their registry rows are rolled into the
 * new month in SQL. Candidates are read in id order a chunk at a time; each chunk is written
 * in one transaction. Running a date twice changes nothing: states, snapshots and registry
 * rows come out equal.
 */

export const CHUNK = 5000;
/** Daily snapshots younger than this many days are kept; older ones only if last of their month. */
const DAILY_SNAPSHOT_DAYS = 14;

export interface CloseOfDayOptions {
  /** The business date 'YYYY-MM-DD'. */
  date: string;
  /** Run again even if the date already ran (changes nothing when nothing changed). */
  force?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface CloseOfDayResult {
  date: string;
  /** The date had already run (and `force` was not given). */
  skipped: boolean;
  loans: number;
  /** Active loans read and derived by the engine (the others' state could not have changed). */
  derived: number;
  /** Loans whose state columns changed. */
  changed: number;
  /** Registry accounts written; rejected = rows the furnishing validation refused. */
  furnished: number;
  rejected: number;
  /** Loans the engine could not evaluate (logged by id). */
  failed: number;
  seconds: number;
}

interface Run {
  date: string;
  period: string;
  now: string;
  /** 'daily' writes loan states; 'month_end' only snapshots and registry history of a past month. */
  mode: 'daily' | 'month_end';
  /** When the previous close of day started (daily runs; null: none ran before, every loan is derived). */
  since: string | null;
  batches: Map<number, { id: number; outcome: FeedOutcome }>;
  /** Cooperatives whose loans the run read: their monthly summary is recomputed at the end (also after a killed run's rerun). */
  cooperatives: Set<number>;
  result: CloseOfDayResult;
}

function newRun(services: Services, date: string, mode: Run['mode']): Run {
  const result: CloseOfDayResult = { date, skipped: false, loans: 0, derived: 0, changed: 0, furnished: 0, rejected: 0, failed: 0, seconds: 0 };
  return { date, period: monthOf(date), now: services.now().toISOString(), mode, since: null, batches: new Map(), cooperatives: new Set(), result };
}

/**
 * Closes the business day `date`. Skips a date that already ran, or that a live process is
 * running, unless `force`; a date whose claimant died is taken over (close-of-day.claim.ts).
 *
 * @example await runCloseOfDay(services, { date: '2026-11-23' }) // { loans: 1200, changed: 1200, … }
 */
export async function runCloseOfDay(services: Services, options: CloseOfDayOptions): Promise<CloseOfDayResult> {
  const started = performance.now();
  const run = newRun(services, options.date, 'daily');
  const db = services.db.db;
  const total = await countActive(db);
  if (!(await claimDate(db, run.date, run.now, options.force ?? false, total))) return { ...run.result, skipped: true };
  try {
    run.since = await previousRunStart(db, run.date);
    const candidates = candidateReader(services.db, run.date, run.since);
    let after = 0;
    for (;;) {
      const rows = await candidates.next(after, CHUNK);
      if (rows.length === 0) break;
      await processChunk(services, run, rows);
      after = rows.at(-1)?.id ?? after;
      await renewClaim(db, run.date, services.now().toISOString());
      options.onProgress?.(Math.min(run.result.derived, total), total);
    }
    await feedWrittenOff(services, run);
    await snapshotActiveLoans(db, run.date);
    run.result.loans = await countActive(db);
    await finishRun(services, run);
    options.onProgress?.(total, total);
    await finishClaim(db, run.date, services.now().toISOString(), run.result.loans);
  } catch (err) {
    await releaseClaim(db, run.date).catch(() => {});
    throw err;
  }
  await pruneDailySnapshots(db, addDays(run.date, -DAILY_SNAPSHOT_DAYS));
  return { ...run.result, seconds: (performance.now() - started) / 1000 };
}

/**
 * Records a past month's end for every loan open during that month: snapshots and the
 * registry's history for the month, leaving today's loan states alone. The demo writes its
 * 24 months of history with it, oldest month first.
 */
export async function recordMonthEnd(services: Services, date: string): Promise<CloseOfDayResult> {
  const run = newRun(services, endOfMonth(date), 'month_end');
  let after = 0;
  for (;;) {
    const rows = await openInMonthChunk(services.db, run.date, after, CHUNK);
    if (rows.length === 0) break;
    await processChunk(services, run, rows);
    after = rows.at(-1)?.id ?? after;
  }
  await finishRun(services, run);
  return run.result;
}

/**
 * Written-off loans stay claims, tracked off the balance sheet: the registry gets their
 * month's row (status hapus buku, the figures recovery left) when it lacks or differs from it.
 * Their state is recovery's to change, so nothing is derived or written back here.
 */
async function feedWrittenOff(services: Services, run: Run): Promise<void> {
  let after = 0;
  for (;;) {
    const rows = await statusChunk(services.db, 'written_off', after, CHUNK);
    if (rows.length === 0) break;
    const feed = new Map<number, { loan: FeedLoan; state: FeedState }[]>();
    for (const row of rows) {
      run.cooperatives.add(row.cooperative_id);
      const state: FeedState = { outstanding: row.outstanding_principal, arrears: row.arrears, daysPastDue: row.days_past_due, lastPaymentOn: row.last_payment_on, settledOn: null };
      if (!registryStale(row, row, state, run.period)) continue;
      const list = feed.get(row.cooperative_id) ?? [];
      list.push({ loan: row, state });
      feed.set(row.cooperative_id, list);
    }
    if (feed.size > 0) await withRegistryTransaction(services, (tx) => writeFeed(services, tx, run, feed));
    after = rows.at(-1)?.id ?? after;
  }
}

/** Furnishes the grouped loans of a chunk, each cooperative into its batch of the run. */
async function writeFeed(services: Services, tx: RegistryTransaction, run: Run, feed: ChunkWork['feed']): Promise<void> {
  for (const [cooperativeId, items] of feed) {
    const batch = await batchOf(tx.db, run, cooperativeId);
    const outcome = await feedCooperative(services, tx, { cooperativeId, period: run.period, batchId: batch.id, now: run.now }, items);
    batch.outcome.accepted += outcome.accepted;
    batch.outcome.rejected += outcome.rejected;
    batch.outcome.warnings += outcome.warnings;
    run.result.furnished += outcome.accepted;
    run.result.rejected += outcome.rejected;
  }
}

/** The feed's state of a loan from the engine's derivation. */
function feedState(derived: DerivedLoanState): FeedState {
  const c = derived.columns;
  return { outstanding: c.outstanding_principal, arrears: c.arrears, daysPastDue: c.days_past_due, lastPaymentOn: c.last_payment_on, settledOn: derived.state.settled ? derived.state.settledOn ?? c.last_payment_on : null };
}

const STATE_KEYS = ['state_as_of', 'outstanding_principal', 'arrears', 'penalty_due', 'days_past_due', 'class_code', 'allowance', 'last_payment_on', 'next_due_on'] as const;

function stateChanged(row: ChunkLoan, columns: DerivedLoanState['columns']): boolean {
  return STATE_KEYS.some((k) => row[k] !== columns[k]);
}

/** Whether the registry's row for the month differs from what the loan reports now. */
function registryStale(row: ChunkLoan, loan: FeedLoan, state: FeedState, period: string): boolean {
  if (row.r_last_period === null || row.r_last_period < period) return true;
  const f = reportedFigures(loan, state);
  return row.r_outstanding !== f.outstanding || row.r_arrears !== f.arrears || row.r_days_past_due !== f.daysPastDue || row.r_status !== f.status || row.r_last_payment_on !== state.lastPaymentOn;
}

interface ChunkWork {
  updates: StateUpdate[];
  snapshots: Snapshot[];
  feed: Map<number, { loan: FeedLoan; state: FeedState }[]>;
}

function evaluate(services: Services, run: Run, rows: readonly ChunkLoan[], repayments: Awaited<ReturnType<typeof repaymentsOf>>): ChunkWork {
  const work: ChunkWork = { updates: [], snapshots: [], feed: new Map() };
  for (const row of rows) {
    run.cooperatives.add(row.cooperative_id);
    let derived: DerivedLoanState;
    try {
      derived = deriveLoanState(row, repayments.get(row.id) ?? [], run.date);
    } catch (err) {
      run.result.failed++;
      services.logger.warn({ loanId: row.id, err: err instanceof Error ? err.message : String(err) }, 'close of day: loan state not derived');
      continue;
    }
    const c = derived.columns;
    const state = feedState(derived);
    if (run.mode === 'daily' && stateChanged(row, c)) work.updates.push({ id: row.id, ...c, readAt: row.updated_at });
    // A past month-end sees the loan as it was then: open, or paid off that month.
    const loan: FeedLoan = run.mode === 'month_end' ? { ...row, status: state.settledOn === null ? 'active' : 'settled', closed_on: state.settledOn } : row;
    // Daily runs snapshot every active loan at the end, in SQL (snapshotActiveLoans).
    if (run.mode === 'month_end') work.snapshots.push({ loan_id: row.id, cooperative_id: row.cooperative_id, outstanding_principal: c.outstanding_principal, arrears: c.arrears, days_past_due: c.days_past_due, class_code: c.class_code, allowance: c.allowance, status: loan.status });
    if (run.mode === 'month_end' || registryStale(row, loan, state, run.period)) {
      let list = work.feed.get(row.cooperative_id);
      if (!list) work.feed.set(row.cooperative_id, (list = []));
      list.push({ loan, state });
    }
  }
  return work;
}

async function processChunk(services: Services, run: Run, rows: readonly ChunkLoan[]): Promise<void> {
  const repayments = await repaymentsOf(services.db, rows.map((r) => r.id));
  const work = evaluate(services, run, rows, repayments);
  await withRegistryTransaction(services, async (tx) => {
    await writeLoanStates(tx.db, services.db.dialect, work.updates, run.now);
    await writeSnapshots(tx.db, services.db.dialect, run.date, work.snapshots);
    await writeFeed(services, tx, run, work.feed);
  });
  run.result.loans += rows.length;
  run.result.derived += rows.length;
  run.result.changed += work.updates.length;
}

/** The run's registry batch of a cooperative, opened on its first furnished loan. */
async function batchOf(db: Kysely<Database>, run: Run, cooperativeId: number) {
  const found = run.batches.get(cooperativeId);
  if (found) return found;
  const { id } = await db
    .insertInto('registry_batches')
    .values({ cooperative_id: cooperativeId, period: run.period, source: 'workspace', file_name: null, sha256: null, status: 'committed', full_file: 0, rows_total: 0, accepted: 0, rejected: 0, warnings: 0, created_by: 'system', created_at: run.now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const batch = { id, outcome: { accepted: 0, rejected: 0, warnings: 0 } };
  run.batches.set(cooperativeId, batch);
  return batch;
}

/**
 * The first close of a month: the loans this run did not derive still need the month's
 * registry row. Theirs are the figures of their account's last month, copied forward in SQL
 * into each cooperative's batch of the run (counted as furnished).
 */
async function rollUnchanged(services: Services, db: Kysely<Database>, run: Run): Promise<void> {
  const since = run.since;
  if (run.mode !== 'daily' || since === null) return;
  const accounts = await accountsToRoll(db, services.db.dialect, { period: run.period, date: run.date, since });
  for (const cooperativeId of [...accounts.keys()].sort((a, b) => a - b)) {
    const batch = await batchOf(db, run, cooperativeId);
    const copied = await copyForwardAccounts(db, services.db.dialect, { accountIds: accounts.get(cooperativeId) ?? [], period: run.period, batchId: batch.id, now: run.now });
    batch.outcome.accepted += copied;
    run.result.furnished += copied;
    run.cooperatives.add(cooperativeId);
  }
}

/**
 * The monthly summary of every cooperative the run read. PostgreSQL recomputes them in one
 * statement (refreshMonthlySummaries: per cooperative it would scan the month's history
 * each time); SQLite walks each cooperative's accounts by index.
 */
async function refreshSummaries(db: Kysely<Database>, dialect: Dialect, run: Run): Promise<void> {
  const cooperatives = [...run.cooperatives].sort((a, b) => a - b);
  if (dialect === 'postgres') return refreshMonthlySummaries(db, cooperatives, [run.period]);
  for (const cooperativeId of cooperatives) await refreshMonthlySummary(db, cooperativeId, [run.period]);
}

/**
 * Batch totals and their audit entries, the monthly summary of every cooperative the run read
 * (once, from the history all its chunks wrote: per chunk it would walk each cooperative's
 * accounts once per chunk, quadratic in the book), and one entry for the run. Until this
 * commits, the district trend shows the month as it was before the run.
 */
async function finishRun(services: Services, run: Run): Promise<void> {
  await services.db.db.transaction().execute(async (trx) => {
    await rollUnchanged(services, trx, run);
    // A new month's history rows are unknown to PostgreSQL's statistics until autovacuum
    // analyses them. Inside the transaction, ANALYZE counts the rows this run wrote, so the
    // summary refresh below plans with the month's true size.
    if (services.db.dialect === 'postgres' && run.result.furnished > 0) await sql`analyze registry_accounts, registry_history`.execute(trx);
    await refreshSummaries(trx, services.db.dialect, run);
    for (const [cooperativeId, { id, outcome }] of run.batches) {
      await trx.updateTable('registry_batches').set({ rows_total: outcome.accepted + outcome.rejected, ...outcome }).where('id', '=', id).execute();
      await recordAudit(trx, services, null, 'registry.batch', { type: 'registry_batch', id, cooperativeId }, {
        period: run.period, source: 'workspace', sha256: null, rows: outcome.accepted + outcome.rejected, accepted: outcome.accepted, rejected: outcome.rejected,
      });
    }
    const { result } = run;
    await recordAudit(trx, services, null, run.mode === 'daily' ? 'close_of_day.run' : 'close_of_day.month_end', { type: 'close_of_day', id: run.date, cooperativeId: null }, {
      loans: result.loans, changed: result.changed, furnished: result.furnished, rejected: result.rejected, failed: result.failed,
    });
  });
}
