import { addDays } from '@simpul/domain';
import { businessDate } from '../../config/env.ts';
import type { Actor, Services } from '../../http/context.ts';
import type { Role } from '../identity/identity.table.ts';
import type { Loan, Repayment } from '../lending/lending.table.ts';
import { borrowingElsewhere } from './recovery.registry.ts';
import { recoveryState, type RecoveryState } from './recovery.state.ts';

/**
 * What the recovery demo works on: the staffed demo cooperatives (those with a demo petugas,
 * pengurus and pengawas), their loans in arrears on the business date with the engine's state,
 * and the clock of a past business day (the demo writes a case's history day by day).
 */

export interface Staff {
  actor: Actor;
  fullName: string;
}

export interface StaffedCooperative {
  id: number;
  code: string;
  members: number;
  petugas: Staff;
  pengurus: Staff;
  pengawas: Staff;
}

export interface Candidate {
  coop: StaffedCooperative;
  loan: Loan;
  repayments: Repayment[];
  memberName: string;
  /** The engine's state on the business date. */
  state: RecoveryState;
  daysPastDue: number;
  /** In the worst class of its preset (Macet): a write-off candidate. */
  worst: boolean;
  lastPaymentOn: string | null;
  /** The registry shows the member with open accounts at other cooperatives. */
  stacked: boolean;
}

const ROLES = ['petugas', 'pengurus', 'pengawas'] as const satisfies readonly Role[];

/** The cooperatives among `codes` whose demo users of all three roles exist (demo.users.ts names them `<role>.<code>`). */
export async function staffedCooperatives(services: Services, codes: readonly string[], ids: ReadonlyMap<string, number>): Promise<StaffedCooperative[]> {
  const db = services.db.db;
  const staffed: StaffedCooperative[] = [];
  for (const code of codes) {
    const id = ids.get(code);
    if (id === undefined) continue;
    const users = await db.selectFrom('users').select(['id', 'username', 'role', 'full_name']).where('cooperative_id', '=', id).where('username', 'in', ROLES.map((r) => `${r}.${code.toLowerCase()}`)).execute();
    const staffOf = (role: Role): Staff | undefined => {
      const u = users.find((x) => x.role === role && x.username === `${role}.${code.toLowerCase()}`);
      return u && { actor: { kind: 'user', userId: u.id, username: u.username, role, cooperativeId: id, sessionHash: '' }, fullName: u.full_name };
    };
    const [petugas, pengurus, pengawas] = ROLES.map(staffOf);
    if (!petugas || !pengurus || !pengawas) continue;
    const { n } = await db.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).where('cooperative_id', '=', id).executeTakeFirstOrThrow();
    staffed.push({ id, code, members: Number(n), petugas, pengurus, pengawas });
  }
  return staffed;
}

/** The cooperative's active loans in arrears on `today`, in loan id order, with their engine state. */
export async function loansInArrears(services: Services, coop: StaffedCooperative, today: string): Promise<Candidate[]> {
  const db = services.db.db;
  const loans = await db.selectFrom('loans as l').innerJoin('members as m', 'm.id', 'l.member_id').selectAll('l').select('m.full_name as member_name')
    .where('l.cooperative_id', '=', coop.id).where('l.status', '=', 'active').orderBy('l.id').execute();
  const paid = await db.selectFrom('repayments').selectAll().where('cooperative_id', '=', coop.id).orderBy('paid_on').orderBy('id').execute();
  const byLoan = new Map<number, Repayment[]>();
  for (const r of paid) byLoan.set(r.loan_id, [...(byLoan.get(r.loan_id) ?? []), r]);
  const found: Candidate[] = [];
  for (const { member_name: memberName, ...loan } of loans) {
    if (loan.schedule === null) continue;
    const repayments = byLoan.get(loan.id) ?? [];
    const state = recoveryState(loan, repayments, today);
    if (state.columns.days_past_due === 0) continue;
    const elsewhere = await borrowingElsewhere(services, coop.id, loan.member_id);
    found.push({
      coop, loan, repayments, memberName, state, daysPastDue: state.columns.days_past_due, worst: state.loanClass.class === state.worstClass.class,
      lastPaymentOn: state.columns.last_payment_on, stacked: elsewhere.accounts > 0,
    });
  }
  return found;
}

/** The loan's engine state on an earlier day (the repayments after it are not counted). */
export function stateOn(c: Candidate, date: string): RecoveryState {
  return recoveryState(c.loan, c.repayments, date);
}

/** No repayment on or after `date`: a promise made then is kept or broken by what the demo records alone. */
export function silentSince(c: Candidate, date: string): boolean {
  return c.lastPaymentOn === null || c.lastPaymentOn < date;
}

/**
 * The day `want` days before `today`, but no earlier than the loan fell into its current
 * arrears: a case opened then finds the loan in arrears, as `openCase` requires.
 */
export function daysBack(c: Candidate, today: string, want: number): string {
  return addDays(today, -Math.max(0, Math.min(want, c.daysPastDue - 1)));
}

/**
 * A day for something that changes the loan's state or its registry account (a repayment, an
 * executed restructuring or write-off): `want` days back but within the business date's month
 * — the months before are already recorded in the registry history — and not before `floor`.
 */
export function thisMonth(today: string, want: number, floor: string | null = null): string {
  let day = addDays(today, -want);
  const monthStart = `${today.slice(0, 7)}-01`;
  if (day < monthStart) day = monthStart;
  if (floor !== null && day < floor) day = floor;
  return day > today ? today : day;
}

/** The services as they were on a past business day (10:00 local), so the recovery services date what they record then. */
export function servicesOn(services: Services, today: string, date: string): Services {
  if (date === today) return services;
  for (const hour of [3, 9, 15, 21, -3, -9]) {
    const at = new Date(Date.parse(`${date}T00:00:00Z`) + hour * 3_600_000);
    if (businessDate(at) === date) return { ...services, now: () => at };
  }
  throw new Error(`no time of ${date} falls on that business date`);
}
