import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor, Services } from '../../http/context.ts';
import { badRequest, conflict, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Loan } from '../lending/lending.table.ts';
import { tenantOf, userIdOf } from './recovery.access.ts';
import { today } from './recovery.cases.ts';
import { furnishAfterCommit } from './recovery.furnish.ts';
import { findForgiveness, listReceipts, listWriteOffs } from './recovery.repository.ts';

/** A written-off loan's off-balance-sheet claim: written off − recovered − forgiven. */
export interface Claim {
  writeOffId: number;
  writtenOffOn: string;
  writtenOff: number;
  recovered: number;
  forgiven: number;
  remaining: number;
}

export async function claimOf(db: Kysely<Database>, cooperativeId: number, loanId: number): Promise<Claim | null> {
  const w = (await listWriteOffs(db, cooperativeId, loanId)).find((x) => x.status === 'executed');
  if (!w || w.written_off_amount === null || w.written_off_on === null) return null;
  const recovered = (await listReceipts(db, cooperativeId, loanId)).reduce((s, r) => s + r.amount, 0);
  const forgiven = (await findForgiveness(db, cooperativeId, loanId))?.amount ?? 0;
  return { writeOffId: w.id, writtenOffOn: w.written_off_on, writtenOff: w.written_off_amount, recovered, forgiven, remaining: w.written_off_amount - recovered - forgiven };
}

async function writtenOffLoan(services: Services, actor: Actor, loanId: number, code: 'recovery_requires_write_off' | 'forgiveness_requires_write_off'): Promise<{ loan: Loan; claim: Claim }> {
  const loan = await services.db.db.selectFrom('loans').selectAll().where('cooperative_id', '=', tenantOf(actor)).where('id', '=', loanId).executeTakeFirst();
  if (!loan) throw notFound();
  const claim = loan.status === 'written_off' ? await claimOf(services.db.db, loan.cooperative_id, loan.id) : null;
  if (!claim) throw conflict(code, { status: loan.status });
  return { loan, claim };
}

export interface RecoveryInput {
  amount: number;
  receivedOn?: string | undefined;
  receiptNo: string;
}

/** Money collected after write-off: recovery income that reduces the claim; more than the claim is refused. */
export async function recordRecovery(services: Services, actor: Actor, loanId: number, input: RecoveryInput): Promise<number> {
  const { loan, claim } = await writtenOffLoan(services, actor, loanId, 'recovery_requires_write_off');
  const now = today(services);
  const on = input.receivedOn ?? now;
  if (input.amount <= 0) throw badRequest('amount_not_positive');
  if (input.amount > claim.remaining) throw badRequest('recovery_above_claim', { amount: input.amount, claim: claim.remaining });
  if (on > now) throw badRequest('date_after_today', { today: now });
  if (on < claim.writtenOffOn) throw badRequest('invalid_date');
  const taken = await services.db.db.selectFrom('recovery_receipts').select('id').where('cooperative_id', '=', loan.cooperative_id).where('receipt_no', '=', input.receiptNo).executeTakeFirst();
  if (taken) throw conflict('receipt_taken', { receiptNo: input.receiptNo });
  const at = services.now().toISOString();
  const id = await services.db.db.transaction().execute(async (trx) => {
    const { id: rid } = await trx.insertInto('recovery_receipts').values({
      cooperative_id: loan.cooperative_id, loan_id: loan.id, write_off_id: claim.writeOffId, received_on: on, amount: input.amount, receipt_no: input.receiptNo, created_by: userIdOf(actor), created_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    await trx.updateTable('loans').set({ outstanding_principal: claim.remaining - input.amount, last_payment_on: on, updated_at: at })
      .where('cooperative_id', '=', loan.cooperative_id).where('id', '=', loan.id).execute();
    await recordAudit(trx, services, actor, 'recovery.recovery_recorded', { type: 'loan', id: loan.id, cooperativeId: loan.cooperative_id }, { loanNo: loan.loan_no, receiptId: rid, amount: input.amount });
    return rid;
  });
  await furnishAfterCommit(services, loan.id, actor);
  return id;
}

export interface ForgivenessInput {
  ratMeetingOn?: string | undefined;
  ratDecisionNo?: string | undefined;
  membersPresent?: number | undefined;
  quorum?: number | undefined;
  confirm?: boolean | undefined;
}

function checkRat(input: ForgivenessInput, now: string) {
  const { ratMeetingOn, ratDecisionNo, membersPresent, quorum } = input;
  if (ratMeetingOn === undefined || !ratDecisionNo || membersPresent === undefined || quorum === undefined) throw badRequest('rat_decision_required');
  if (ratMeetingOn > now) throw badRequest('date_after_today', { today: now });
  if (quorum < 1 || membersPresent < quorum) throw badRequest('rat_quorum_not_met', { present: membersPresent, quorum });
  if (input.confirm !== true) throw badRequest('forgiveness_not_confirmed');
  return { ratMeetingOn, ratDecisionNo, membersPresent, quorum };
}

/** Hapus tagih: extinguishes what is left of a written-off claim on a RAT decision. Final: there is no undo. */
export async function forgive(services: Services, actor: Actor, loanId: number, input: ForgivenessInput): Promise<void> {
  const { loan, claim } = await writtenOffLoan(services, actor, loanId, 'forgiveness_requires_write_off');
  const on = today(services);
  const rat = checkRat(input, on);
  const at = services.now().toISOString();
  await services.db.db.transaction().execute(async (trx) => {
    await trx.insertInto('recovery_forgiveness').values({
      cooperative_id: loan.cooperative_id, loan_id: loan.id, write_off_id: claim.writeOffId, rat_meeting_on: rat.ratMeetingOn, rat_decision_no: rat.ratDecisionNo,
      members_present: rat.membersPresent, quorum: rat.quorum, amount: claim.remaining, forgiven_on: on, created_by: userIdOf(actor), created_at: at,
    }).execute();
    await trx.updateTable('loans').set({ status: 'forgiven', outstanding_principal: 0, arrears: 0, penalty_due: 0, days_past_due: 0, closed_on: on, updated_at: at })
      .where('cooperative_id', '=', loan.cooperative_id).where('id', '=', loan.id).execute();
    await trx.updateTable('recovery_cases').set({ status: 'forgiven', updated_at: at }).where('cooperative_id', '=', loan.cooperative_id).where('loan_id', '=', loan.id).where('status', '=', 'written_off').execute();
    await recordAudit(trx, services, actor, 'recovery.forgiven', { type: 'loan', id: loan.id, cooperativeId: loan.cooperative_id }, {
      loanNo: loan.loan_no, amount: claim.remaining, ratDecisionNo: rat.ratDecisionNo, ratMeetingOn: rat.ratMeetingOn, membersPresent: rat.membersPresent, quorum: rat.quorum,
    });
  });
  await furnishAfterCommit(services, loan.id, actor);
}
