import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor, Services } from '../../http/context.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isUniqueViolation } from '../members/members.repository.ts';
import { assertNotFuture, findMemberOrThrow, today } from '../members/members.service.ts';
import type { Member } from '../members/members.table.ts';
import { balancesOf, findMovement, insertMovement, reversalOf, type Balances } from './savings.repository.ts';
import type { SavingsDirection, SavingsKind } from './savings.table.ts';

export interface MovementInput {
  kind: SavingsKind;
  amount: number;
  onDate?: string;
  reference?: string | null;
}

/** What a movement leaves behind: its id and the member's balances after it. */
export interface MovementResult {
  transactionId: number;
  balances: Balances;
}

const rupiah = new Intl.NumberFormat('id-ID');

/**
 * Re-reads the member inside the transaction, locking the row on PostgreSQL so two
 * withdrawals for one member cannot both pass the balance check (SQLite already runs one
 * write transaction at a time, and has no FOR UPDATE).
 */
async function lockedMember(trx: Kysely<Database>, services: Services, actor: Actor, memberId: number): Promise<Member> {
  if (services.db.dialect === 'postgres') {
    await trx.selectFrom('members').select('id').where('id', '=', memberId).forUpdate().execute();
  }
  return findMemberOrThrow(services, actor, memberId, trx);
}

/**
 * The rules of taking money out: simpanan pokok and wajib stay while the member is active
 * (they are paid back when the member leaves); nothing can go below zero.
 */
function assertWithdrawable(member: Member, kind: SavingsKind, amount: number, balances: Balances): void {
  if (kind !== 'sukarela' && member.status === 'active') throw new AppError(400, 'savings_not_withdrawable', { kind }, [{ path: 'kind', code: 'savings_not_withdrawable', params: { kind } }]);
  if (amount > balances[kind]) throw new AppError(400, 'savings_insufficient', { kind, balance: rupiah.format(balances[kind]) }, [{ path: 'amount', code: 'savings_insufficient', params: { kind, balance: rupiah.format(balances[kind]) } }]);
}

function assertMovementInput(member: Member, input: MovementInput, day: string): string {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw new AppError(400, 'savings_amount_not_positive', {}, [{ path: 'amount', code: 'savings_amount_not_positive' }]);
  const onDate = input.onDate ?? day;
  assertNotFuture(onDate, day, 'onDate');
  if (onDate < member.joined_on) throw new AppError(400, 'savings_date_before_joined', {}, [{ path: 'onDate', code: 'savings_date_before_joined' }]);
  return onDate;
}

/** Records a deposit or a withdrawal after the rules allow it; audited with ids, kind and amount. */
export async function recordMovement(services: Services, actor: Actor, memberId: number, direction: SavingsDirection, input: MovementInput): Promise<MovementResult> {
  await findMemberOrThrow(services, actor, memberId);
  return services.db.db.transaction().execute(async (trx) => {
    const member = await lockedMember(trx, services, actor, memberId);
    const onDate = assertMovementInput(member, input, today(services));
    const before = await balancesOf(trx, member.cooperative_id, member.id);
    if (direction === 'deposit' && member.status !== 'active') throw new AppError(400, 'member_inactive');
    if (direction === 'withdrawal') assertWithdrawable(member, input.kind, input.amount, before);
    const transactionId = await insertMovement(trx, {
      cooperative_id: member.cooperative_id, member_id: member.id, kind: input.kind, direction, amount: input.amount, on_date: onDate,
      reference: input.reference ?? null, reverses_id: null, created_by: actor.kind === 'user' ? actor.userId : null, created_at: services.now().toISOString(),
    });
    await recordAudit(trx, services, actor, `savings.${direction}`, { type: 'savings_transaction', id: transactionId, cooperativeId: member.cooperative_id }, { memberId: member.id, kind: input.kind, amount: input.amount });
    return { transactionId, balances: await balancesOf(trx, member.cooperative_id, member.id) };
  });
}

/**
 * Cancels a mistaken entry with an opposite entry that points at it (never a delete). A
 * reversal is itself final, each entry can be reversed once, and reversing a deposit may
 * not take the balance below zero. The reason is kept on the record, not in the audit.
 */
export async function reverseMovement(services: Services, actor: Actor, memberId: number, transactionId: number, reason: string): Promise<MovementResult> {
  await findMemberOrThrow(services, actor, memberId);
  return services.db.db.transaction().execute(async (trx) => {
    const member = await lockedMember(trx, services, actor, memberId);
    const original = await findMovement(trx, member.cooperative_id, member.id, transactionId);
    if (!original) throw notFound();
    if (original.reverses_id !== null) throw new AppError(400, 'savings_reversal_not_reversible');
    if ((await reversalOf(trx, original.id)) !== undefined) throw conflict('savings_already_reversed');
    const direction: SavingsDirection = original.direction === 'deposit' ? 'withdrawal' : 'deposit';
    const before = await balancesOf(trx, member.cooperative_id, member.id);
    if (direction === 'withdrawal' && original.amount > before[original.kind]) {
      throw new AppError(400, 'savings_insufficient', { kind: original.kind, balance: rupiah.format(before[original.kind]) });
    }
    const id = await insertMovement(trx, {
      cooperative_id: member.cooperative_id, member_id: member.id, kind: original.kind, direction, amount: original.amount, on_date: today(services),
      reference: original.reference, reverses_id: original.id, reason, created_by: actor.kind === 'user' ? actor.userId : null, created_at: services.now().toISOString(),
    });
    await recordAudit(trx, services, actor, 'savings.reversed', { type: 'savings_transaction', id, cooperativeId: member.cooperative_id }, { memberId: member.id, reverses: original.id, kind: original.kind, amount: original.amount });
    return { transactionId: id, balances: await balancesOf(trx, member.cooperative_id, member.id) };
  }).catch((error: unknown) => {
    // The unique index on reverses_id: a second reversal that raced past the check above.
    throw isUniqueViolation(error) ? conflict('savings_already_reversed') : error;
  });
}

/** A member's balances per kind, for their own cooperative only. */
export async function savingsBalances(services: Services, actor: Actor, memberId: number): Promise<Balances> {
  const member = await findMemberOrThrow(services, actor, memberId);
  return balancesOf(services.db.db, member.cooperative_id, member.id);
}
