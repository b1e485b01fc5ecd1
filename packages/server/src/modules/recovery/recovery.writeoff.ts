import type { Actor, Services } from '../../http/context.ts';
import { AppError, conflict, forbidden, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { tenantOf, userIdOf } from './recovery.access.ts';
import { loanWithState, openCaseOrThrow, today } from './recovery.cases.ts';
import { writeOffEligibility, type Eligibility } from './recovery.eligibility.ts';
import { furnishAfterCommit } from './recovery.furnish.ts';
import { closeCase, countAttempts, insertWriteOff, listWriteOffs, minCollectionAttempts, updateWriteOff } from './recovery.repository.ts';
import type { WriteOff } from './recovery.table.ts';

/** The loan's live eligibility for hapus buku; throws the refusal when `strict`. */
async function eligibilityOf(services: Services, actor: Actor, loanId: number, strict: boolean) {
  const ctx = await loanWithState(services, actor, loanId);
  if (!ctx.state) throw conflict('loan_wrong_status', { status: ctx.loan.status });
  const cooperativeId = ctx.loan.cooperative_id;
  const e = writeOffEligibility(ctx.state, await countAttempts(services.db.db, cooperativeId, loanId), await minCollectionAttempts(services.db.db, cooperativeId));
  if (strict && e.refusal) throw new AppError(409, e.refusal.code, e.refusal.params);
  return { ...ctx, state: ctx.state, eligibility: e };
}

export async function checkWriteOff(services: Services, actor: Actor, caseId: number): Promise<Eligibility> {
  const c = await openCaseOrThrow(services, actor, caseId);
  return (await eligibilityOf(services, actor, c.loan_id, false)).eligibility;
}

/** A proposal, refused (nothing stored) unless the loan is eligible now. */
export async function proposeWriteOff(services: Services, actor: Actor, caseId: number, reason: string): Promise<number> {
  const c = await openCaseOrThrow(services, actor, caseId);
  const { loan, eligibility } = await eligibilityOf(services, actor, c.loan_id, true);
  if ((await listWriteOffs(services.db.db, c.cooperative_id, loan.id)).some((w) => w.status === 'proposed' || w.status === 'decided')) throw conflict('write_off_pending');
  const at = services.now().toISOString();
  return services.db.db.transaction().execute(async (trx) => {
    const id = await insertWriteOff(trx, { cooperative_id: c.cooperative_id, case_id: c.id, loan_id: loan.id, status: 'proposed', reason, eligibility: JSON.stringify(eligibility), proposed_by: userIdOf(actor), proposed_at: at });
    await recordAudit(trx, services, actor, 'recovery.write_off_proposed', { type: 'loan', id: loan.id, cooperativeId: c.cooperative_id }, { loanNo: loan.loan_no, writeOffId: id, outstanding: eligibility.outstanding, attempts: eligibility.attempts });
    return id;
  });
}

export async function writeOffOrThrow(services: Services, actor: Actor, id: number): Promise<WriteOff> {
  const row = await services.db.db.selectFrom('recovery_write_offs').selectAll().where('cooperative_id', '=', tenantOf(actor)).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** The pengurus decides (not the one who proposed): approved goes on to the pengawas, refused ends it. */
export async function decideWriteOff(services: Services, actor: Actor, id: number, input: { approve: boolean; note?: string | undefined }): Promise<void> {
  const w = await writeOffOrThrow(services, actor, id);
  if (w.status !== 'proposed') throw conflict('proposal_decided', { status: w.status });
  if (w.proposed_by === userIdOf(actor)) throw forbidden('decider_is_proposer');
  if (actor.kind !== 'user' || actor.role !== 'pengurus') throw forbidden('write_off_decision_by_pengurus');
  const at = services.now().toISOString();
  await services.db.db.transaction().execute(async (trx) => {
    await updateWriteOff(trx, w.cooperative_id, id, { status: input.approve ? 'decided' : 'rejected', decided_by: userIdOf(actor), decided_at: at, review_note: input.note ?? null });
    await recordAudit(trx, services, actor, input.approve ? 'recovery.write_off_decided' : 'recovery.write_off_refused', { type: 'loan', id: w.loan_id, cooperativeId: w.cooperative_id }, { writeOffId: id });
  });
}

/**
 * The pengawas reviews the pengurus's decision. Agreeing executes it, if the loan is still
 * eligible today: the loan leaves the balance sheet (status written_off, the allowance used
 * against it) and its principal is tracked off-balance-sheet as the claim, still collectable.
 */
export async function reviewWriteOff(services: Services, actor: Actor, id: number, input: { agree: boolean; note?: string | undefined }): Promise<void> {
  const w = await writeOffOrThrow(services, actor, id);
  if (w.status !== 'decided') throw conflict('proposal_decided', { status: w.status });
  const at = services.now().toISOString();
  if (!input.agree) {
    await services.db.db.transaction().execute(async (trx) => {
      await updateWriteOff(trx, w.cooperative_id, id, { status: 'rejected', reviewed_by: userIdOf(actor), reviewed_at: at, review_note: input.note ?? null });
      await recordAudit(trx, services, actor, 'recovery.write_off_review_objected', { type: 'loan', id: w.loan_id, cooperativeId: w.cooperative_id }, { writeOffId: id });
    });
    return;
  }
  const { loan, state } = await eligibilityOf(services, actor, w.loan_id, true);
  const on = today(services);
  const claim = state.columns.outstanding_principal;
  await services.db.db.transaction().execute(async (trx) => {
    await updateWriteOff(trx, w.cooperative_id, id, {
      status: 'executed', reviewed_by: userIdOf(actor), reviewed_at: at, review_note: input.note ?? null, written_off_on: on, written_off_amount: claim, allowance_used: Math.min(claim, state.columns.allowance),
    });
    // outstanding_principal now holds the off-balance-sheet claim: what the registry reports as written off.
    await trx.updateTable('loans').set({ ...state.columns, status: 'written_off', closed_on: on, allowance: 0, updated_at: at })
      .where('cooperative_id', '=', w.cooperative_id).where('id', '=', w.loan_id).execute();
    await closeCase(trx, w.cooperative_id, w.case_id, 'written_off', on, at);
    await recordAudit(trx, services, actor, 'recovery.write_off_executed', { type: 'loan', id: w.loan_id, cooperativeId: w.cooperative_id }, { loanNo: loan.loan_no, writeOffId: id, amount: claim });
  });
  await furnishAfterCommit(services, w.loan_id, actor);
}
