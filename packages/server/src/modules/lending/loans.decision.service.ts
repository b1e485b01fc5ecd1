import { buildSchedule } from '@simpul/domain';
import { businessDate } from '../../config/env.ts';
import type { Actor, Services } from '../../http/context.ts';
import { badRequest, conflict, forbidden } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { userIdOf } from './lending.access.ts';
import type { Loan } from './lending.table.ts';
import { deriveLoanState, termsOf } from './loan-state.service.ts';
import { lockLoan, updateLoan } from './loans.repository.ts';
import { loanOrThrow, today } from './loans.read.service.ts';
import { furnishToRegistry } from './registry-hook.ts';

/** Four eyes: whoever applied may not decide the same application. */
async function decidable(services: Services, actor: Actor, id: number): Promise<Loan> {
  const loan = await loanOrThrow(services, actor, id);
  if (loan.status !== 'applied') throw conflict('loan_wrong_status', { status: loan.status });
  if (loan.applied_by !== null && loan.applied_by === userIdOf(actor)) throw forbidden('own_application');
  return loan;
}

export async function approveLoan(services: Services, actor: Actor, id: number, reason: string | undefined): Promise<void> {
  const loan = await decidable(services, actor, id);
  // No decision without the applicant's consent to the registry check it rests on.
  if (loan.consent_ref === null) throw conflict('consent_required');
  const at = services.now().toISOString();
  await services.db.db.transaction().execute(async (trx) => {
    await updateLoan(trx, loan.cooperative_id, id, { status: 'approved', decided_by: userIdOf(actor), decided_at: at, decision_reason: reason ?? null, updated_at: at });
    await recordAudit(trx, services, actor, 'loan.approved', { type: 'loan', id, cooperativeId: loan.cooperative_id }, { loanNo: loan.loan_no });
  });
}

export async function rejectLoan(services: Services, actor: Actor, id: number, reason: string): Promise<void> {
  const loan = await decidable(services, actor, id);
  const at = services.now().toISOString();
  await services.db.db.transaction().execute(async (trx) => {
    await updateLoan(trx, loan.cooperative_id, id, { status: 'rejected', decided_by: userIdOf(actor), decided_at: at, decision_reason: reason, closed_on: today(services), updated_at: at });
    await recordAudit(trx, services, actor, 'loan.rejected', { type: 'loan', id, cooperativeId: loan.cooperative_id }, { loanNo: loan.loan_no });
  });
}

/** Dates in order: approved ≤ disbursed ≤ today. */
function checkDisbursementDate(loan: Loan, on: string, now: string): void {
  if (loan.status !== 'approved') throw conflict(loan.status === 'applied' ? 'loan_not_approved' : 'loan_wrong_status', { status: loan.status });
  const approvedOn = businessDate(new Date(loan.decided_at ?? loan.applied_at));
  if (on < approvedOn) throw badRequest('disbursed_before_approval', { approvedOn });
  if (on > now) throw badRequest('date_after_today', { today: now });
}

/**
 * Pays the loan out: the schedule is fixed by the engine from the loan's own terms and the
 * disbursement date, and the loan becomes active with its first state.
 */
export async function disburseLoan(services: Services, actor: Actor, id: number, on: string | undefined): Promise<void> {
  const now = today(services);
  const date = on ?? now;
  checkDisbursementDate(await loanOrThrow(services, actor, id), date, now);
  const at = services.now().toISOString();
  await services.db.db.transaction().execute(async (trx) => {
    const loan = await lockLoan(trx, services.db.dialect, actor.cooperativeId ?? -1, id);
    if (!loan) throw conflict('loan_wrong_status', { status: 'missing' });
    checkDisbursementDate(loan, date, now);
    const schedule = buildSchedule(termsOf(loan, loan.amount, loan.tenor, date));
    const fixed = { ...loan, disbursed_on: date, schedule: JSON.stringify(schedule.installments) };
    const { columns } = deriveLoanState(fixed, [], now);
    await updateLoan(trx, loan.cooperative_id, id, {
      status: 'active', disbursed_on: date, disbursed_by: userIdOf(actor), schedule: fixed.schedule,
      installment_amount: schedule.installments[0]?.total ?? null, maturity_on: schedule.installments.at(-1)?.dueDate ?? null,
      ...columns, updated_at: at,
    });
    await recordAudit(trx, services, actor, 'loan.disbursed', { type: 'loan', id, cooperativeId: loan.cooperative_id }, { loanNo: loan.loan_no, on: date, amount: loan.amount });
  });
  await furnishToRegistry(services, actor, id);
}
