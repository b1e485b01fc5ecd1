import type { Actor, Services } from '../../http/context.ts';
import { findMemberOrThrow } from '../members/members.service.ts';
import { movementsOf } from './savings.repository.ts';
import type { SavingsDirection, SavingsKind, SavingsTransaction } from './savings.table.ts';

export interface StatementLine {
  id: number;
  onDate: string;
  kind: SavingsKind;
  direction: SavingsDirection;
  amount: number;
  /** The running balance after this line (of the kind asked for, or of all savings). */
  balance: number;
  reference: string | null;
  reversesId: number | null;
  reversedById: number | null;
  reason: string | null;
}

export interface Statement {
  kind: SavingsKind | null;
  from: string | null;
  to: string | null;
  /** Balance before the first line (movements before `from`). */
  opening: number;
  closing: number;
  totalDeposits: number;
  totalWithdrawals: number;
  lines: StatementLine[];
}

export interface StatementQuery {
  kind?: SavingsKind;
  from?: string;
  to?: string;
}

const signed = (t: SavingsTransaction) => (t.direction === 'deposit' ? t.amount : -t.amount);

/**
 * A member's savings statement (rekening koran) with a running balance: every movement of
 * the period in booking order, opening with the balance brought forward. Without a kind it
 * runs over all three kinds together.
 */
export async function savingsStatement(services: Services, actor: Actor, memberId: number, query: StatementQuery): Promise<Statement> {
  const member = await findMemberOrThrow(services, actor, memberId);
  const all = await movementsOf(services.db.db, member.cooperative_id, member.id, query.kind);
  const reversedBy = new Map(all.filter((t) => t.reverses_id !== null).map((t) => [t.reverses_id, t.id]));
  const before = all.filter((t) => query.from !== undefined && t.on_date < query.from);
  const inPeriod = all.filter((t) => (query.from === undefined || t.on_date >= query.from) && (query.to === undefined || t.on_date <= query.to));
  const opening = before.reduce((sum, t) => sum + signed(t), 0);
  let balance = opening;
  const lines = inPeriod.map((t): StatementLine => {
    balance += signed(t);
    return {
      id: t.id, onDate: t.on_date, kind: t.kind, direction: t.direction, amount: t.amount, balance,
      reference: t.reference, reversesId: t.reverses_id, reversedById: reversedBy.get(t.id) ?? null, reason: t.reason,
    };
  });
  const total = (d: SavingsDirection) => inPeriod.filter((t) => t.direction === d).reduce((sum, t) => sum + t.amount, 0);
  return {
    kind: query.kind ?? null, from: query.from ?? null, to: query.to ?? null,
    opening, closing: balance, totalDeposits: total('deposit'), totalWithdrawals: total('withdrawal'), lines,
  };
}
