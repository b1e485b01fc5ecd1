import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor, Services } from '../../http/context.ts';
import { badRequest, conflict, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { tenantOf, userIdOf } from './lending.access.ts';
import type { Loan } from './lending.table.ts';
import { deriveLoanState } from './loan-state.service.ts';
import { findReceipt, insertRepayment, listRepayments, lockLoan, markReversed, updateLoan } from './loans.repository.ts';
import type { RepaymentInput } from './loans.schemas.ts';
import { loanOrThrow, today } from './loans.read.service.ts';
import { furnishToRegistry } from './registry-hook.ts';

function checkRepayment(loan: Loan, paidOn: string, amount: number, now: string): void {
  if (loan.status !== 'active') throw conflict('loan_not_active', { status: loan.status });
  if (amount <= 0) throw badRequest('amount_not_positive');
  if (loan.disbursed_on !== null && paidOn < loan.disbursed_on) throw badRequest('repayment_before_disbursement', { disbursedOn: loan.disbursed_on });
  if (paidOn > now) throw badRequest('date_after_today', { today: now });
}

/**
 * Re-derives the loan's state columns for the business date after its repayments changed,
 * settling it when nothing is left (or reopening a settled loan after a reversal).
 */
async function refreshState(trx: Kysely<Database>, services: Services, loan: Loan, at: string): Promise<{ settled: boolean; changed: boolean }> {
  const repayments = await listRepayments(trx, loan.cooperative_id, loan.id);
  const { columns, state } = deriveLoanState(loan, repayments, today(services));
  const status = state.settled ? 'settled' : 'active';
  const closedOn = state.settled ? (state.settledOn ?? columns.last_payment_on) : null;
  await updateLoan(trx, loan.cooperative_id, loan.id, { ...columns, status, closed_on: closedOn, updated_at: at });
  return { settled: state.settled, changed: status !== loan.status };
}

/** Refuses more than settles the loan on that date: the engine would keep the rest as credit nobody asked for. */
function checkNotAbovePayoff(loan: Loan, repayments: Parameters<typeof deriveLoanState>[1], paidOn: string, amount: number): void {
  const { state } = deriveLoanState(loan, repayments.filter((r) => r.paid_on <= paidOn), paidOn);
  if (amount > state.payoffAmount) throw badRequest('amount_above_payoff', { payoff: state.payoffAmount });
}

export async function recordRepayment(services: Services, actor: Actor, loanId: number, input: RepaymentInput): Promise<{ id: number; settled: boolean }> {
  const now = today(services);
  const paidOn = input.paidOn ?? now;
  checkRepayment(await loanOrThrow(services, actor, loanId), paidOn, input.amount, now);
  const cooperativeId = tenantOf(actor);
  if (await findReceipt(services.db.db, cooperativeId, input.receiptNo)) throw conflict('receipt_taken', { receiptNo: input.receiptNo });
  const at = services.now().toISOString();
  const result = await services.db.db.transaction().execute(async (trx) => {
    const loan = await lockLoan(trx, services.db.dialect, cooperativeId, loanId);
    if (!loan) throw notFound();
    checkRepayment(loan, paidOn, input.amount, now);
    checkNotAbovePayoff(loan, await listRepayments(trx, cooperativeId, loanId), paidOn, input.amount);
    const id = await insertRepayment(trx, {
      cooperative_id: cooperativeId, loan_id: loanId, paid_on: paidOn, amount: input.amount, channel: input.channel,
      receipt_no: input.receiptNo, created_by: userIdOf(actor), created_at: at,
    });
    const { settled, changed } = await refreshState(trx, services, loan, at);
    await recordAudit(trx, services, actor, 'loan.repayment_recorded', { type: 'loan', id: loanId, cooperativeId }, { loanNo: loan.loan_no, repaymentId: id, amount: input.amount, paidOn });
    if (settled) await recordAudit(trx, services, actor, 'loan.settled', { type: 'loan', id: loanId, cooperativeId }, { loanNo: loan.loan_no });
    return { id, settled, changed };
  });
  if (result.changed) await furnishToRegistry(services, actor, loanId);
  return { id: result.id, settled: result.settled };
}

/** Reverses a repayment (never deletes it), with a reason; a loan it had settled is active again. */
export async function reverseRepayment(services: Services, actor: Actor, loanId: number, repaymentId: number, reason: string): Promise<void> {
  await loanOrThrow(services, actor, loanId);
  const cooperativeId = tenantOf(actor);
  const at = services.now().toISOString();
  const reopened = await services.db.db.transaction().execute(async (trx) => {
    const loan = await lockLoan(trx, services.db.dialect, cooperativeId, loanId);
    if (!loan) throw notFound();
    if (loan.status !== 'active' && loan.status !== 'settled') throw conflict('loan_not_active', { status: loan.status });
    const repayment = (await listRepayments(trx, cooperativeId, loanId)).find((r) => r.id === repaymentId);
    if (!repayment) throw notFound();
    if (repayment.reversed_at !== null) throw conflict('already_reversed');
    await markReversed(trx, cooperativeId, repaymentId, { reversed_at: at, reversed_by: userIdOf(actor), reversal_reason: reason });
    const { changed } = await refreshState(trx, services, loan, at);
    await recordAudit(trx, services, actor, 'loan.repayment_reversed', { type: 'loan', id: loanId, cooperativeId }, { loanNo: loan.loan_no, repaymentId, amount: repayment.amount });
    return changed;
  });
  if (reopened) await furnishToRegistry(services, actor, loanId);
}
