import { businessDate } from '../../config/env.ts';
import type { Actor, Services } from '../../http/context.ts';
import { badRequest, conflict, notFound } from '../../http/errors.ts';
import { tenantOf } from './lending.access.ts';
import type { Loan, LoanStatus } from './lending.table.ts';
import { lastClosedDate, stateHoldsOn } from './loan-state-date.ts';
import { deriveLoanState } from './loan-state.service.ts';
import { findLoan, listLoans, listRepayments, userNames, type ListedLoan } from './loans.repository.ts';
import type { LoanDetail, LoanSummaryView } from './loans.schemas.ts';
import { historyOf, stateOf, toLoanSummary, toLoanView, toRepaymentViews } from './loans.view.ts';

/** The business date now: the instance's local date. */
export function today(services: Services): string {
  return businessDate(services.now());
}

/** The actor's cooperative's loan; another cooperative's loan is "not found". */
export async function loanOrThrow(services: Services, actor: Actor, id: number): Promise<Loan> {
  const loan = await findLoan(services.db.db, tenantOf(actor), id);
  if (!loan) throw notFound();
  return loan;
}

async function listedOrThrow(services: Services, actor: Actor, id: number): Promise<ListedLoan> {
  const [loan] = await listLoans(services.db.db, tenantOf(actor), { id }, 1);
  if (!loan) throw notFound();
  return loan;
}

export async function loansOf(services: Services, actor: Actor, filter: { status?: LoanStatus | undefined; memberId?: number | undefined }): Promise<LoanSummaryView[]> {
  const loans = await listLoans(services.db.db, tenantOf(actor), filter, 500);
  // Close of day leaves unchanged loans alone: their state holds on its date (loan-state-date.ts).
  const lastClosed = loans.some((l) => l.status === 'active') ? await lastClosedDate(services.db.db) : null;
  return loans.map((l) => toLoanSummary({ ...l, state_as_of: stateHoldsOn(l, lastClosed) }));
}

/**
 * A loan with its schedule, repayments and history. The instalments and payoff are derived
 * live for the business date, so the page is right even before close of day runs.
 */
export async function loanDetail(services: Services, actor: Actor, id: number): Promise<LoanDetail> {
  const loan = await listedOrThrow(services, actor, id);
  const repayments = await listRepayments(services.db.db, loan.cooperative_id, loan.id);
  const names = await userNames(services.db.db, [loan.applied_by, loan.decided_by, loan.disbursed_by, ...repayments.flatMap((r) => [r.created_by, r.reversed_by])]);
  const asOf = today(services);
  const derived = loan.schedule === null ? null : deriveLoanState(loan, repayments, asOf);
  const installments = derived
    ? derived.state.installments.map((row, i) => ({ ...row, total: row.principal + row.interest, balance: derived.schedule.installments[i]?.balance ?? 0 }))
    : [];
  const view = toLoanView(loan, services.keys, names);
  // An active loan shows today's state; a closed one keeps the state it closed with.
  if (derived && loan.status === 'active') view.state = stateOf(derived.columns);
  return {
    loan: view,
    businessDate: asOf,
    payoffAmount: loan.status === 'active' && derived ? derived.state.payoffAmount : null,
    installments,
    repayments: toRepaymentViews(repayments, names, derived?.state ?? null),
    history: historyOf(loan, repayments, names),
  };
}

/** What settles the loan if paid on `on`: principal left + interest and penalty due (future interest waived). */
export async function payoffQuote(services: Services, actor: Actor, id: number, on: string | undefined) {
  const loan = await loanOrThrow(services, actor, id);
  if (loan.status !== 'active') throw conflict('loan_not_active', { status: loan.status });
  const date = on ?? today(services);
  if (loan.disbursed_on !== null && date < loan.disbursed_on) throw badRequest('repayment_before_disbursement', { disbursedOn: loan.disbursed_on });
  const repayments = await listRepayments(services.db.db, loan.cooperative_id, loan.id);
  const { state } = deriveLoanState(loan, repayments, date);
  return { on: date, payoffAmount: state.payoffAmount, outstandingPrincipal: state.outstandingPrincipal, interestDue: state.arrears.interest, penaltyDue: state.arrears.penalty };
}
