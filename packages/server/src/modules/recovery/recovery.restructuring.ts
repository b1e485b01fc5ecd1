import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor, Services } from '../../http/context.ts';
import { conflict, forbidden, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Role } from '../identity/identity.table.ts';
import type { Loan } from '../lending/lending.table.ts';
import { furnishAfterCommit } from './recovery.furnish.ts';
import { tenantOf, userIdOf } from './recovery.access.ts';
import { loanWithState, openCaseOrThrow, today } from './recovery.cases.ts';
import { simulate, type PlanInput } from './recovery.options.ts';
import { closeCase, insertRestructuring, listRestructurings, loadLoanContext, updateRestructuring } from './recovery.repository.ts';
import { approvalRefusal } from './recovery.rules.ts';
import { recoveryState, type RestructuredBasis } from './recovery.state.ts';

/** An officer proposes a plan; it is checked against the engine now, and again when executed. */
export async function proposeRestructuring(services: Services, actor: Actor, caseId: number, input: { plan: PlanInput; reason: string }): Promise<number> {
  const c = await openCaseOrThrow(services, actor, caseId);
  const { loan, state } = await loanWithState(services, actor, c.loan_id);
  if (!state) throw conflict('loan_wrong_status', { status: loan.status });
  const result = simulate(state, input.plan);
  if ((await listRestructurings(services.db.db, c.cooperative_id, loan.id)).some((r) => r.status === 'proposed')) throw conflict('restructuring_pending');
  const at = services.now().toISOString();
  return services.db.db.transaction().execute(async (trx) => {
    const id = await insertRestructuring(trx, {
      cooperative_id: c.cooperative_id, case_id: c.id, loan_id: loan.id, status: 'proposed', plan: JSON.stringify(input.plan), reason: input.reason,
      proposed_by: userIdOf(actor), proposed_at: at,
    });
    await recordAudit(trx, services, actor, 'recovery.restructuring_proposed', { type: 'loan', id: loan.id, cooperativeId: c.cooperative_id }, { loanNo: loan.loan_no, restructuringId: id, kinds: result.kinds });
    return id;
  });
}

async function roleOf(db: Kysely<Database>, userId: number | null): Promise<{ id: number; role: Role } | null> {
  if (userId === null) return null;
  const row = await db.selectFrom('users').select(['id', 'role']).where('id', '=', userId).executeTakeFirst();
  return row ?? null;
}

async function pendingOrThrow(services: Services, actor: Actor, id: number) {
  const row = await services.db.db.selectFrom('recovery_restructurings').selectAll().where('cooperative_id', '=', tenantOf(actor)).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  if (row.status !== 'proposed') throw conflict('proposal_decided', { status: row.status });
  return row;
}

/** The seniority rule (recovery.rules.ts approvalRefusal) for this actor on this proposal. */
async function checkApprover(services: Services, actor: Actor, proposedBy: number | null, loan: Loan): Promise<void> {
  if (actor.kind !== 'user') throw forbidden();
  const refusal = approvalRefusal({ id: actor.userId, role: actor.role }, proposedBy, await roleOf(services.db.db, loan.decided_by));
  if (refusal) throw forbidden(refusal);
}

/**
 * Approves and executes a proposal: the engine builds the new schedule from the loan's state
 * today; the old schedule and terms go to `loan_schedules`; the loan is flagged restructured
 * (count and date) with its class held at the pre-restructuring class (the override); the
 * case closes as restructured; the registry is told once the transaction has committed.
 */
export async function approveRestructuring(services: Services, actor: Actor, id: number, note: string | undefined): Promise<void> {
  const proposal = await pendingOrThrow(services, actor, id);
  const { loan, state } = await loanWithState(services, actor, proposal.loan_id);
  await checkApprover(services, actor, proposal.proposed_by, loan);
  if (!state) throw conflict('loan_wrong_status', { status: loan.status });
  const result = simulate(state, JSON.parse(proposal.plan) as PlanInput);
  const on = today(services);
  const at = services.now().toISOString();
  const basis: RestructuredBasis = { on, executedAt: at, principal: result.terms.principal, tenor: result.terms.tenor, capClass: state.loanClass.class };
  const installments = result.schedule.installments;
  const fresh = { ...loan, schedule: JSON.stringify(installments), tenor: result.terms.tenor, rate_percent: result.terms.ratePercent, method: result.terms.method, restructure_basis: JSON.stringify(basis) };
  const after = recoveryState(fresh, [], on);
  await services.db.db.transaction().execute(async (trx) => {
    await trx.insertInto('loan_schedules').values({
      cooperative_id: loan.cooperative_id, loan_id: loan.id, restructuring_id: id, replaced_on: on, created_at: at, schedule: loan.schedule ?? '[]',
      terms: JSON.stringify({ amount: loan.amount, tenor: loan.tenor, ratePercent: loan.rate_percent, ratePeriod: loan.rate_period, method: loan.method, startOn: loan.restructured_on ?? loan.disbursed_on }),
    }).execute();
    await trx.updateTable('loans').set({
      schedule: fresh.schedule, tenor: fresh.tenor, rate_percent: fresh.rate_percent, method: fresh.method, installment_amount: installments[0]?.total ?? null,
      maturity_on: installments.at(-1)?.dueDate ?? null, restructured_count: loan.restructured_count + 1, restructured_on: on, restructure_basis: fresh.restructure_basis, ...after.columns, updated_at: at,
    }).where('cooperative_id', '=', loan.cooperative_id).where('id', '=', loan.id).execute();
    const summary = { basis, kinds: result.kinds, waived: result.waived, capitalised: result.capitalised, comparison: result.comparison, before: state.columns, classBefore: state.loanClass.code };
    await updateRestructuring(trx, loan.cooperative_id, id, { status: 'executed', decided_by: userIdOf(actor), decided_at: at, decision_note: note ?? null, executed_on: on, summary: JSON.stringify(summary) });
    await closeCase(trx, loan.cooperative_id, proposal.case_id, 'restructured', on, at);
    await recordAudit(trx, services, actor, 'recovery.restructuring_executed', { type: 'loan', id: loan.id, cooperativeId: loan.cooperative_id }, {
      loanNo: loan.loan_no, restructuringId: id, kinds: result.kinds, principal: basis.principal, tenor: basis.tenor, waived: result.waived.total, capitalised: result.capitalised.total,
    });
  });
  await furnishAfterCommit(services, loan.id, actor);
}

/** A pengurus turns a proposal down, with a note; the case stays open. */
export async function rejectRestructuring(services: Services, actor: Actor, id: number, note: string): Promise<void> {
  const proposal = await pendingOrThrow(services, actor, id);
  const at = services.now().toISOString();
  await services.db.db.transaction().execute(async (trx) => {
    await updateRestructuring(trx, proposal.cooperative_id, id, { status: 'rejected', decided_by: userIdOf(actor), decided_at: at, decision_note: note });
    await recordAudit(trx, services, actor, 'recovery.restructuring_rejected', { type: 'loan', id: proposal.loan_id, cooperativeId: proposal.cooperative_id }, { restructuringId: id });
  });
}

/** The loan's context, for documents and views that need the whole picture. */
export async function loanContextOrThrow(services: Services, actor: Actor, loanId: number) {
  const ctx = await loadLoanContext(services.db.db, tenantOf(actor), loanId);
  if (!ctx) throw notFound();
  return ctx;
}
