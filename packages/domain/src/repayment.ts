/**
 * Applies repayments to a schedule, in date order, and records where every rupiah went.
 *
 * Rules (see docs/loan-engine.md):
 * - a payment first settles instalments already due, oldest first, each in the allocation
 *   order (default penalty → interest → principal);
 * - once everything due is paid, what remains, if it covers the payoff of the rest
 *   (remaining principal; not-yet-due interest is waived by default), settles the loan and
 *   the excess is kept as credit — so repaying the last principal always settles it;
 * - otherwise it pays the next instalments in advance, oldest first;
 * - penalties accrue between payments on what was unpaid, so timing decides the penalty.
 */
import { toDayNumber, fromDayNumber } from './dates.ts';
import type { RoundingMode } from './money.ts';
import { NO_PENALTY, PenaltyMeter } from './penalty.ts';
import type { PenaltyAccrual, PenaltyRule } from './penalty.ts';
import { checkOrder, dueDaysOf, normalizePayments } from './repayment-input.ts';
import type { Schedule } from './schedule.ts';

/** The parts of an instalment a payment can pay. */
export type AllocationComponent = 'penalty' | 'interest' | 'principal';

/** Penalty, then interest, then principal: the usual cooperative order. */
export const DEFAULT_ALLOCATION_ORDER: readonly AllocationComponent[] = ['penalty', 'interest', 'principal'];

/** A repayment received on `date` (amount in minor units). */
export interface Payment {
  readonly date: string;
  readonly amount: number;
}

/** How to apply payments and read the loan on `asOf`. */
export interface RepaymentOptions {
  /** The date to evaluate on; payments after it are ignored. */
  readonly asOf: string;
  readonly penaltyRule?: PenaltyRule;
  readonly allocationOrder?: readonly AllocationComponent[];
  /** Rounding of penalties (default `half-even`). */
  readonly rounding?: RoundingMode;
  /** Early payoff waives interest not yet due (default true, the cooperative norm). */
  readonly waiveFutureInterestOnPayoff?: boolean;
}

/** An instalment after payments. `daysLate` counts to full payment, or to `asOf` if unpaid. */
export interface InstallmentStatus {
  readonly n: number;
  readonly dueDate: string;
  readonly principal: number;
  readonly interest: number;
  readonly paidPrincipal: number;
  readonly paidInterest: number;
  readonly waivedInterest: number;
  readonly penalty: number;
  readonly paidPenalty: number;
  readonly paidOffDate: string | null;
  readonly daysLate: number;
}

/** Where one payment went. `payoff` marks a payment that settled the loan early. */
export interface PaymentAllocation {
  readonly date: string;
  readonly amount: number;
  readonly penalty: number;
  readonly interest: number;
  readonly principal: number;
  readonly credit: number;
  readonly payoff: boolean;
}

/** The result of applying payments. */
export interface Ledger {
  readonly asOf: string;
  readonly installments: readonly InstallmentStatus[];
  readonly allocations: readonly PaymentAllocation[];
  readonly credit: number;
  readonly settledOn: string | null;
  readonly waiveFutureInterestOnPayoff: boolean;
}

interface Row {
  readonly n: number;
  readonly dueDate: string;
  readonly dueDay: number;
  readonly principal: number;
  readonly interest: number;
  paidPrincipal: number;
  paidInterest: number;
  waivedInterest: number;
  paidPenalty: number;
  readonly accrual: PenaltyAccrual;
  paidOffDay: number | null;
}

interface Context {
  readonly rows: Row[];
  readonly meter: PenaltyMeter;
  readonly order: readonly AllocationComponent[];
  readonly waive: boolean;
  credit: number;
  settledDay: number | null;
  /** Principal still unpaid over all instalments (cheap settled test). */
  principalLeft: number;
  /** Rows before this index are fully paid, penalty included, and stay so. */
  firstOpen: number;
}

type Split = Record<AllocationComponent, number>;

function unpaidScheduled(row: Row): number {
  return row.principal + row.interest - row.paidPrincipal - row.paidInterest - row.waivedInterest;
}

function owed(context: Context, row: Row, component: AllocationComponent): number {
  if (component === 'penalty') return context.meter.charged(row.accrual) - row.paidPenalty;
  if (component === 'interest') return row.interest - row.paidInterest - row.waivedInterest;
  return row.principal - row.paidPrincipal;
}

function record(row: Row, component: 'penalty' | 'interest', amount: number): void {
  if (component === 'penalty') row.paidPenalty += amount;
  else row.paidInterest += amount;
}

function recordPrincipal(context: Context, row: Row, amount: number): void {
  row.paidPrincipal += amount;
  context.principalLeft -= amount;
}

function payRow(context: Context, row: Row, remaining: number, day: number, split: Split): number {
  for (const component of context.order) {
    const amount = Math.min(owed(context, row, component), remaining);
    if (amount <= 0) continue;
    if (component === 'principal') recordPrincipal(context, row, amount);
    else record(row, component, amount);
    split[component] += amount;
    remaining -= amount;
  }
  if (row.paidOffDay === null && unpaidScheduled(row) === 0) row.paidOffDay = day;
  return remaining;
}

/** What still settles the not-yet-due instalments: their principal (and interest if not waived). */
function restToSettle(context: Context, day: number): number {
  let rest = 0;
  for (const row of context.rows) {
    if (row.dueDay <= day) continue;
    rest += row.principal - row.paidPrincipal;
    if (!context.waive) rest += row.interest - row.paidInterest - row.waivedInterest;
  }
  return rest;
}

/** Pays off every not-yet-due instalment; true if anything was left to settle. */
function settleFuture(context: Context, day: number, split: Split): boolean {
  let changed = false;
  for (const row of context.rows) {
    if (row.dueDay <= day || unpaidScheduled(row) === 0) continue;
    changed = true;
    split.principal += row.principal - row.paidPrincipal;
    recordPrincipal(context, row, row.principal - row.paidPrincipal);
    const interest = row.interest - row.paidInterest - row.waivedInterest;
    if (context.waive) row.waivedInterest += interest;
    else {
      split.interest += interest;
      row.paidInterest += interest;
    }
    row.paidOffDay = day;
  }
  return changed;
}

function dueCleared(context: Context, day: number): boolean {
  for (const row of context.rows) {
    if (row.dueDay > day) break;
    if (unpaidScheduled(row) !== 0 || owed(context, row, 'penalty') !== 0) return false;
  }
  return true;
}

/**
 * Once everything due is paid, money covering the rest settles the loan. This also catches
 * a loan whose principal is fully repaid with only (waivable) future interest left.
 */
function settleOrPrepay(context: Context, day: number, remaining: number, split: Split): { credit: number; payoff: boolean } {
  // A payment used up by instalments already due settles nothing unless no principal is left.
  if (remaining === 0 && context.principalLeft > 0) return { credit: 0, payoff: false };
  const rest = restToSettle(context, day);
  // Money left over means every due instalment was cleared; otherwise check.
  if (remaining >= rest && (remaining > 0 || dueCleared(context, day))) {
    const payoff = settleFuture(context, day, split);
    context.credit += remaining - rest;
    return { credit: remaining - rest, payoff };
  }
  for (const row of context.rows) if (row.dueDay > day) remaining = payRow(context, row, remaining, day, split);
  return { credit: 0, payoff: false };
}

function isClosed(context: Context, row: Row): boolean {
  return unpaidScheduled(row) === 0 && owed(context, row, 'penalty') === 0;
}

function allocate(context: Context, day: number, amount: number): PaymentAllocation {
  const split: Split = { penalty: 0, interest: 0, principal: 0 };
  let remaining = amount;
  for (let index = context.firstOpen; index < context.rows.length && remaining > 0; index++) {
    const row = context.rows[index];
    if (row === undefined || row.dueDay > day) break;
    remaining = payRow(context, row, remaining, day, split);
    if (index === context.firstOpen && isClosed(context, row)) context.firstOpen++;
  }
  const { credit, payoff } = settleOrPrepay(context, day, remaining, split);
  if (context.settledDay === null && context.principalLeft === 0 && context.rows.every((row) => isClosed(context, row))) {
    context.settledDay = day;
  }
  return { date: fromDayNumber(day), amount, ...split, credit, payoff };
}

function accrueUntil(context: Context, fromDay: number, toDay: number): void {
  if (toDay <= fromDay) return;
  for (let index = context.firstOpen; index < context.rows.length; index++) {
    const row = context.rows[index];
    if (row === undefined || row.dueDay >= toDay) break;
    context.meter.accrue(row.accrual, row.dueDay, fromDay, toDay, unpaidScheduled(row));
  }
}

function createContext(schedule: Schedule, options: RepaymentOptions): Context {
  const meter = new PenaltyMeter(options.penaltyRule ?? NO_PENALTY, options.rounding ?? 'half-even');
  const order = options.allocationOrder ?? DEFAULT_ALLOCATION_ORDER;
  checkOrder(order);
  const dueDays = dueDaysOf(schedule);
  const rows = schedule.installments.map((row, index) => ({
    n: row.n, dueDate: row.dueDate, dueDay: dueDays[index] ?? toDayNumber(row.dueDate), principal: row.principal, interest: row.interest,
    paidPrincipal: 0, paidInterest: 0, waivedInterest: 0, paidPenalty: 0, accrual: meter.start(), paidOffDay: null,
  }));
  const principalLeft = schedule.totals.principal;
  return { rows, meter, order, waive: options.waiveFutureInterestOnPayoff ?? true, credit: 0, settledDay: null, principalLeft, firstOpen: 0 };
}

function statusOf(context: Context, row: Row, asOfDay: number): InstallmentStatus {
  const lateUntil = row.paidOffDay ?? asOfDay;
  return {
    n: row.n, dueDate: row.dueDate, principal: row.principal, interest: row.interest,
    paidPrincipal: row.paidPrincipal, paidInterest: row.paidInterest, waivedInterest: row.waivedInterest,
    penalty: context.meter.charged(row.accrual), paidPenalty: row.paidPenalty,
    paidOffDate: row.paidOffDay === null ? null : fromDayNumber(row.paidOffDay),
    daysLate: Math.max(0, lateUntil - row.dueDay),
  };
}

/**
 * Applies `payments` (any order; same-day payments keep their order) to `schedule` as of
 * `options.asOf`. Payments before the disbursement date are rejected.
 *
 * @example applyPayments(schedule, [{ date: '2024-02-20', amount: 112_000 }], { asOf: '2024-03-01' })
 */
export function applyPayments(schedule: Schedule, payments: readonly Payment[], options: RepaymentOptions): Ledger {
  const asOfDay = toDayNumber(options.asOf, 'asOf');
  const startDay = toDayNumber(schedule.terms.startDate);
  const context = createContext(schedule, options);
  const allocations: PaymentAllocation[] = [];
  let lastDay = startDay;
  for (const payment of normalizePayments(payments, startDay)) {
    if (payment.day > asOfDay) break;
    accrueUntil(context, lastDay, payment.day);
    allocations.push(allocate(context, payment.day, payment.amount));
    lastDay = payment.day;
  }
  accrueUntil(context, lastDay, asOfDay);
  return {
    asOf: options.asOf,
    installments: context.rows.map((row) => statusOf(context, row, asOfDay)),
    allocations,
    credit: context.credit,
    settledOn: context.settledDay === null ? null : fromDayNumber(context.settledDay),
    waiveFutureInterestOnPayoff: context.waive,
  };
}
