import { businessDate } from '../../config/env.ts';
import type { Actor, Services } from '../../http/context.ts';
import { badRequest, conflict, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { tenantOf, userIdOf } from './recovery.access.ts';
import { closeCase, findCase, findOpenCase, insertCase, insertNegotiation, loadLoanContext, type LoanContext } from './recovery.repository.ts';
import { conductFlags, type Attendee, type CauseCode } from './recovery.rules.ts';
import { recoveryState, type RecoveryState } from './recovery.state.ts';
import type { RecoveryCase } from './recovery.table.ts';

export function today(services: Services): string {
  return businessDate(services.now());
}

/** The actor's cooperative's loan with its live state; another cooperative's loan is "not found". */
export async function loanWithState(services: Services, actor: Actor, loanId: number): Promise<LoanContext & { state: RecoveryState | null }> {
  const ctx = await loadLoanContext(services.db.db, tenantOf(actor), loanId);
  if (!ctx) throw notFound();
  const live = ctx.loan.status === 'active' && ctx.loan.schedule !== null;
  return { ...ctx, state: live ? recoveryState(ctx.loan, ctx.repayments, today(services)) : null };
}

export async function caseOrThrow(services: Services, actor: Actor, caseId: number): Promise<RecoveryCase> {
  const found = await findCase(services.db.db, tenantOf(actor), caseId);
  if (!found) throw notFound();
  return found;
}

export async function openCaseOrThrow(services: Services, actor: Actor, caseId: number): Promise<RecoveryCase> {
  const found = await caseOrThrow(services, actor, caseId);
  if (found.status !== 'open') throw conflict('case_not_open', { status: found.status });
  return found;
}

/** Opens the loan's case; a loan with an open case gets that case back (one open case per loan). */
export async function openCase(services: Services, actor: Actor, loanId: number): Promise<{ id: number; created: boolean }> {
  const cooperativeId = tenantOf(actor);
  const { loan, state } = await loanWithState(services, actor, loanId);
  const existing = await findOpenCase(services.db.db, cooperativeId, loanId);
  if (existing) return { id: existing.id, created: false };
  if (!state || (state.columns.days_past_due === 0 && state.columns.arrears === 0)) throw conflict('loan_not_in_arrears');
  const at = services.now().toISOString();
  const id = await services.db.db.transaction().execute(async (trx) => {
    const caseId = await insertCase(trx, {
      cooperative_id: cooperativeId, loan_id: loanId, open_loan_id: loanId, status: 'open', opened_by: userIdOf(actor), opened_on: today(services), created_at: at, updated_at: at,
    });
    await recordAudit(trx, services, actor, 'recovery.case_opened', { type: 'recovery_case', id: caseId, cooperativeId }, { loanNo: loan.loan_no, dpd: state.columns.days_past_due, classCode: state.loanClass.code });
    return caseId;
  });
  return { id, created: true };
}

/** Closes an open case as cured once the loan is current again (or has been settled). */
export async function closeAsCured(services: Services, actor: Actor, caseId: number): Promise<void> {
  const c = await openCaseOrThrow(services, actor, caseId);
  const { loan, state } = await loanWithState(services, actor, c.loan_id);
  if (state && (state.columns.days_past_due > 0 || state.columns.arrears > 0)) throw conflict('case_still_in_arrears', { days: state.columns.days_past_due });
  if (!state && loan.status !== 'settled') throw conflict('loan_wrong_status', { status: loan.status });
  const at = services.now().toISOString();
  await services.db.db.transaction().execute(async (trx) => {
    await closeCase(trx, c.cooperative_id, c.id, 'cured', today(services), at);
    await recordAudit(trx, services, actor, 'recovery.case_cured', { type: 'recovery_case', id: c.id, cooperativeId: c.cooperative_id }, { loanNo: loan.loan_no });
  });
}

/** Records a cause of the case (one row per code; a second time updates the note). */
export async function recordCause(services: Services, actor: Actor, caseId: number, input: { code: CauseCode; note?: string | undefined }): Promise<void> {
  const c = await caseOrThrow(services, actor, caseId);
  const at = services.now().toISOString();
  await services.db.db.transaction().execute(async (trx) => {
    const found = await trx.selectFrom('recovery_causes').select('id').where('case_id', '=', c.id).where('code', '=', input.code).executeTakeFirst();
    if (found) await trx.updateTable('recovery_causes').set({ note: input.note ?? null }).where('id', '=', found.id).execute();
    else await trx.insertInto('recovery_causes').values({ cooperative_id: c.cooperative_id, case_id: c.id, code: input.code, note: input.note ?? null, created_by: userIdOf(actor), created_at: at }).execute();
    await recordAudit(trx, services, actor, 'recovery.cause_recorded', { type: 'recovery_case', id: c.id, cooperativeId: c.cooperative_id }, { code: input.code });
  });
}

export interface NegotiationInput {
  metOn: string;
  metTime: string;
  place: string;
  attendees: Attendee[];
  situation: string;
  outcome: string;
}

/** Logs a visit or meeting; the fair-collection check runs on it and its findings are kept with it. */
export async function recordNegotiation(services: Services, actor: Actor, caseId: number, input: NegotiationInput): Promise<{ id: number; conductFlags: string[] }> {
  const c = await openCaseOrThrow(services, actor, caseId);
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(input.metTime)) throw badRequest('invalid_time');
  const now = today(services);
  if (input.metOn > now) throw badRequest('date_after_today', { today: now });
  const flags = conductFlags(input.metOn, input.metTime, input.attendees);
  const at = services.now().toISOString();
  const id = await services.db.db.transaction().execute(async (trx) => {
    const nid = await insertNegotiation(trx, {
      cooperative_id: c.cooperative_id, case_id: c.id, met_on: input.metOn, met_time: input.metTime, place: input.place, attendees: JSON.stringify(input.attendees),
      situation: input.situation, outcome: input.outcome, conduct_flags: JSON.stringify(flags), created_by: userIdOf(actor), created_at: at,
    });
    // Ids and codes only: what was said and who was there stays in the case, not the audit chain.
    await recordAudit(trx, services, actor, 'recovery.negotiation_recorded', { type: 'recovery_case', id: c.id, cooperativeId: c.cooperative_id }, { negotiationId: nid, metOn: input.metOn, conductFlags: flags });
    return nid;
  });
  return { id, conductFlags: flags };
}

/** Records a promise to pay; kept or broken is decided later from the repayments. */
export async function recordPromise(services: Services, actor: Actor, caseId: number, input: { amount: number; dueOn: string }): Promise<number> {
  const c = await openCaseOrThrow(services, actor, caseId);
  if (input.amount <= 0) throw badRequest('amount_not_positive');
  const madeOn = today(services);
  if (input.dueOn < madeOn) throw badRequest('promise_due_in_past', { madeOn });
  const at = services.now().toISOString();
  return services.db.db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('recovery_promises').values({
      cooperative_id: c.cooperative_id, case_id: c.id, loan_id: c.loan_id, made_on: madeOn, due_on: input.dueOn, amount: input.amount, created_by: userIdOf(actor), created_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, services, actor, 'recovery.promise_recorded', { type: 'recovery_case', id: c.id, cooperativeId: c.cooperative_id }, { promiseId: id, amount: input.amount, dueOn: input.dueOn });
    return id;
  });
}
