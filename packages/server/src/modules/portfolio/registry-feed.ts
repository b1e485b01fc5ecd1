import { monthOf } from '@simpul/domain';
import { sql, type Kysely } from 'kysely';
import { businessDate } from '../../config/env.ts';
import { decryptField } from '../../config/field-crypto.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, Services } from '../../http/context.ts';
import type { LoanStatus } from '../lending/lending.table.ts';
import { deriveLoanState } from '../lending/loan-state.service.ts';
import { COLUMNS } from '../registry/furnishing.columns.ts';
import { validatedChunks } from '../registry/furnishing.pipeline.ts';
import type { FileRow } from '../registry/furnishing.readers.ts';
import { importRows, type ImportResult } from '../registry/furnishing.service.ts';
import type { RowIssue } from '../registry/furnishing.validate.ts';
import { maskIdentity, type Cell } from '../registry/furnishing.values.ts';
import type { AccountStatus } from '../registry/registry.table.ts';
import type { RegistryTransaction, WriteContext } from '../registry/registry.writer.ts';

/**
 * The workspace → registry feed. A workspace loan reaches the shared registry as a row of
 * the furnishing format, through the very validation and pseudonymisation a furnished file
 * goes through (`validatedChunks`) and the same writers (`registry.tx.ts`), with source
 * 'workspace'. The member's NIK is decrypted only inside that pipeline's input: what is
 * stored is the subject key and the name/birth tokens, never the identity.
 */

/** Loan statuses the registry knows; an application (applied, approved, rejected) is not an account. */
const FURNISHED: readonly LoanStatus[] = ['active', 'settled', 'written_off', 'forgiven'];

/** What the feed reads of a workspace loan: the loan, its member's identity (NIK encrypted), the product name. */
export interface FeedLoan {
  id: number;
  cooperative_id: number;
  loan_no: string;
  status: LoanStatus;
  amount: number;
  tenor: number;
  frequency: 'daily' | 'weekly' | 'fortnightly' | 'monthly';
  installment_amount: number | null;
  disbursed_on: string | null;
  closed_on: string | null;
  restructured_count: number;
  nik_enc: string;
  full_name: string;
  birth_date: string;
  product_name: string;
  /** The amount taken off the balance sheet by an executed hapus buku (recoveries later reduce the outstanding, not this). */
  written_off_amount: number | null;
}

/** The loan's figures on the reporting date. */
export interface FeedState {
  outstanding: number;
  arrears: number;
  daysPastDue: number;
  lastPaymentOn: string | null;
  /** Set when the engine finds the loan paid off (it may still be 'active' in the book). */
  settledOn: string | null;
}

/** The registry status of a loan: restructured loans stay flagged as such while open. */
export function registryStatus(loan: Pick<FeedLoan, 'status' | 'restructured_count'>, state: FeedState): AccountStatus {
  if (loan.status === 'written_off' || loan.status === 'forgiven') return loan.status;
  if (loan.status === 'settled' || state.settledOn !== null) return 'settled';
  return loan.restructured_count > 0 ? 'restructured' : 'active';
}

/** The figures the registry shows for a loan: a closed account owes nothing. */
export function reportedFigures(loan: Pick<FeedLoan, 'status' | 'restructured_count'>, state: FeedState) {
  const status = registryStatus(loan, state);
  const closed = status === 'settled' || status === 'forgiven';
  return { status, closed, outstanding: closed ? 0 : state.outstanding, arrears: closed ? 0 : state.arrears, daysPastDue: closed ? 0 : state.daysPastDue };
}

/** One furnishing row (COLUMNS order) for a loan, its member's NIK as decrypted by feedRows. */
function feedCells(loan: FeedLoan, nik: string, state: FeedState): Cell[] {
  const { status, closed, outstanding, arrears, daysPastDue } = reportedFigures(loan, state);
  const values: Record<(typeof COLUMNS)[number], Cell> = {
    account_ref: loan.loan_no,
    nik,
    full_name: loan.full_name,
    birth_date: loan.birth_date,
    product: loan.product_name,
    opened_on: loan.disbursed_on,
    original_amount: loan.amount,
    tenor: loan.tenor,
    frequency: loan.frequency,
    instalment_amount: loan.installment_amount,
    outstanding,
    arrears,
    days_past_due: daysPastDue,
    status,
    last_payment_on: state.lastPaymentOn,
    closed_on: closed ? (loan.closed_on ?? state.settledOn) : null,
    written_off_on: status === 'written_off' ? (loan.closed_on ?? state.settledOn) : null,
    written_off_amount: status === 'written_off' ? (loan.written_off_amount ?? state.outstanding) : null,
  };
  return COLUMNS.map((c) => values[c]);
}

/**
 * The furnishing stream of some loans: a header row, then one row per loan numbered by its
 * loan id. Members' NIKs are decrypted here and nowhere else, once per member of the stream
 * (a member with several loans is decrypted once); the plain NIKs die with the stream.
 */
async function* feedRows(services: Services, items: readonly { loan: FeedLoan; state: FeedState }[]): AsyncGenerator<FileRow> {
  yield { row: 1, cells: [...COLUMNS] };
  const niks = new Map<string, string>();
  for (const { loan, state } of items) {
    let nik = niks.get(loan.nik_enc);
    if (nik === undefined) niks.set(loan.nik_enc, (nik = decryptField(services.keys, loan.nik_enc)));
    yield { row: loan.id, cells: feedCells(loan, nik, state) };
  }
}

/** The feed's view of one loan, joined with its member and product. */
export function feedLoanQuery(db: Kysely<Database>) {
  return db
    .selectFrom('loans as l')
    .innerJoin('members as m', 'm.id', 'l.member_id')
    .innerJoin('loan_products as p', 'p.id', 'l.product_id')
    .select([
      'l.id', 'l.cooperative_id', 'l.loan_no', 'l.status', 'l.amount', 'l.tenor', 'l.frequency', 'l.installment_amount', 'l.disbursed_on',
      'l.closed_on', 'l.restructured_count', 'm.nik_enc', 'm.full_name', 'm.birth_date', 'p.name as product_name',
    ])
    // Looked up only for loans off the balance sheet, through the write-offs' (cooperative, loan) index.
    .select(sql<number | null>`case when l.status in ('written_off', 'forgiven') then (select w.written_off_amount from recovery_write_offs w where w.cooperative_id = l.cooperative_id and w.loan_id = l.id and w.status = 'executed') end`.as('written_off_amount'));
}

/** The state to report for one loan now: derived by the engine while active, the stored figures after. */
async function currentState(services: Services, loanId: number, status: LoanStatus, today: string): Promise<FeedState> {
  const loan = await services.db.db.selectFrom('loans').selectAll().where('id', '=', loanId).executeTakeFirstOrThrow();
  if (status !== 'active' || loan.schedule === null) {
    return { outstanding: loan.outstanding_principal, arrears: loan.arrears, daysPastDue: loan.days_past_due, lastPaymentOn: loan.last_payment_on, settledOn: null };
  }
  const repayments = await services.db.db.selectFrom('repayments').select(['paid_on', 'amount', 'reversed_at', 'created_at']).where('loan_id', '=', loanId).execute();
  const asOf = loan.disbursed_on !== null && loan.disbursed_on > today ? loan.disbursed_on : today;
  const { state, columns } = deriveLoanState(loan, repayments, asOf);
  return { outstanding: columns.outstanding_principal, arrears: columns.arrears, daysPastDue: columns.days_past_due, lastPaymentOn: columns.last_payment_on, settledOn: state.settledOn };
}

/**
 * Furnishes one workspace loan to the registry now, as a single-account batch of the current
 * month (source 'workspace'), so that a loan is visible to other cooperatives THE DAY it is
 * disbursed — not a month later. Call it after disbursement, settlement, write-off or any
 * status change, AFTER the caller's transaction has committed: the registry write runs in
 * its own transaction (on SQLite its own connection), which would wait on an open one.
 * Returns null for a loan the registry does not hold (an application).
 *
 * @example await furnishLoanNow(services, loanId, actor) // → { accepted: 1, … }
 */
export async function furnishLoanNow(services: Services, loanId: number, actor: Actor | null): Promise<ImportResult | null> {
  const loan = await feedLoanQuery(services.db.db).where('l.id', '=', loanId).executeTakeFirst();
  if (!loan || !FURNISHED.includes(loan.status) || loan.disbursed_on === null) return null;
  const today = businessDate(services.now());
  const state = await currentState(services, loanId, loan.status, today);
  const period = monthOf(loan.disbursed_on > today ? loan.disbursed_on : today);
  return importRows(services, { cooperativeId: loan.cooperative_id, period, source: 'workspace', strict: true, fullFile: false, actor }, feedRows(services, [{ loan, state }]));
}

/** What a bulk feed of one cooperative stored. */
export interface FeedOutcome {
  accepted: number;
  rejected: number;
  warnings: number;
}

/**
 * Close of day's bulk path: furnishes one cooperative's loans for `period` inside an open
 * registry transaction, as part of the run's batch `batchId`. The month's row of each account
 * is refreshed in place (`fullFile`): the book itself keeps the daily states (loan_snapshots),
 * so a daily refresh is not a correction to keep as a version. Rejected rows are stored as
 * the batch's findings, numbered by loan id. The caller refreshes the cooperative's monthly
 * summary (refreshMonthlySummary) once it has fed all of the cooperative's loans.
 */
export async function feedCooperative(
  services: Services,
  tx: RegistryTransaction,
  ctx: Omit<WriteContext, 'source' | 'fullFile'>,
  items: readonly { loan: FeedLoan; state: FeedState }[],
): Promise<FeedOutcome> {
  const outcome: FeedOutcome = { accepted: 0, rejected: 0, warnings: 0 };
  for await (const chunk of validatedChunks(feedRows(services, items), ctx.period, services.keys)) {
    await tx.writeAccounts(chunk.accounts, { ...ctx, source: 'workspace', fullFile: true });
    await storeFindings(tx, ctx.batchId, chunk.issues);
    outcome.accepted += chunk.accounts.length;
    outcome.rejected += chunk.rejectedRows;
    outcome.warnings += chunk.issues.filter((i) => i.severity === 'warning').length;
  }
  // The district trend's monthly summary is recomputed once per cooperative at the end of
  // the run (close-of-day.ts finishRun), not per chunk here.
  return outcome;
}

/** Findings of the feed, identity masked as for a furnished file. */
async function storeFindings(tx: RegistryTransaction, batchId: number, issues: readonly RowIssue[]): Promise<void> {
  if (issues.length === 0) return;
  const values = issues.map((issue) => ({
    batch_id: batchId, row_number: issue.row, severity: issue.severity, column_name: issue.column, value: maskIdentity(issue.column, issue.value), code: issue.code,
  }));
  for (let i = 0; i < values.length; i += 500) await tx.db.insertInto('registry_batch_issues').values(values.slice(i, i + 500)).execute();
}
