/**
 * The state of a loan on a date: what was paid, what fell due, the arrears, days past due
 * and the payoff amount.
 *
 * - Days past due (DPD) count from the due date of the OLDEST instalment whose principal or
 *   interest is still unpaid (0 on the due date itself). Unpaid penalty alone does not make
 *   a loan past due.
 * - `due` and `arrears` include instalments due on `asOf` itself.
 * - Payoff = outstanding principal + unpaid interest already due + unpaid penalties. Interest
 *   not yet due is waived on early payoff unless `waiveFutureInterestOnPayoff` is false, in
 *   which case it is added.
 */
import { daysBetween } from './dates.ts';
import { applyPayments } from './repayment.ts';
import type { InstallmentStatus, Ledger, Payment, PaymentAllocation, RepaymentOptions } from './repayment.ts';
import type { Schedule } from './schedule.ts';

/** Principal, interest and penalty amounts with their total (minor units). */
export interface Amounts {
  readonly principal: number;
  readonly interest: number;
  readonly penalty: number;
  readonly total: number;
}

/** A loan on one date. */
export interface LoanState {
  readonly asOf: string;
  readonly paid: Amounts;
  readonly due: Amounts;
  readonly arrears: Amounts;
  readonly daysPastDue: number;
  readonly oldestUnpaidDueDate: string | null;
  readonly nextDueDate: string | null;
  readonly outstandingPrincipal: number;
  readonly payoffAmount: number;
  readonly credit: number;
  readonly settled: boolean;
  readonly settledOn: string | null;
  readonly interestWaived: number;
  readonly installments: readonly InstallmentStatus[];
  readonly allocations: readonly PaymentAllocation[];
}

interface Totals {
  principal: number;
  interest: number;
  penalty: number;
}

function amounts(totals: Totals): Amounts {
  return { ...totals, total: totals.principal + totals.interest + totals.penalty };
}

function zero(): Totals {
  return { principal: 0, interest: 0, penalty: 0 };
}

interface Sums {
  readonly paid: Totals;
  readonly due: Totals;
  readonly arrears: Totals;
  futureInterest: number;
  waived: number;
  oldestUnpaid: InstallmentStatus | null;
  next: InstallmentStatus | null;
}

function addRow(sums: Sums, row: InstallmentStatus, asOf: string): void {
  const unpaidInterest = row.interest - row.paidInterest - row.waivedInterest;
  const unpaidPrincipal = row.principal - row.paidPrincipal;
  sums.paid.principal += row.paidPrincipal;
  sums.paid.interest += row.paidInterest;
  sums.paid.penalty += row.paidPenalty;
  sums.due.penalty += row.penalty;
  sums.arrears.penalty += row.penalty - row.paidPenalty;
  sums.waived += row.waivedInterest;
  // ISO dates compare correctly as strings.
  if (row.dueDate <= asOf) {
    sums.due.principal += row.principal;
    sums.due.interest += row.interest - row.waivedInterest;
    sums.arrears.principal += unpaidPrincipal;
    sums.arrears.interest += unpaidInterest;
    if (sums.oldestUnpaid === null && unpaidPrincipal + unpaidInterest > 0) sums.oldestUnpaid = row;
  } else {
    sums.futureInterest += unpaidInterest;
    if (sums.next === null && unpaidPrincipal + unpaidInterest > 0) sums.next = row;
  }
}

/**
 * Summarises a ledger from `applyPayments` into a loan state.
 */
export function stateFromLedger(schedule: Schedule, ledger: Ledger): LoanState {
  const sums: Sums = { paid: zero(), due: zero(), arrears: zero(), futureInterest: 0, waived: 0, oldestUnpaid: null, next: null };
  for (const row of ledger.installments) addRow(sums, row, ledger.asOf);
  const outstandingPrincipal = schedule.totals.principal - sums.paid.principal;
  const futureInterest = ledger.waiveFutureInterestOnPayoff ? 0 : sums.futureInterest;
  const payoffAmount = outstandingPrincipal + sums.arrears.interest + sums.arrears.penalty + futureInterest;
  const oldest = sums.oldestUnpaid;
  return {
    asOf: ledger.asOf,
    paid: amounts(sums.paid),
    due: amounts(sums.due),
    arrears: amounts(sums.arrears),
    daysPastDue: oldest === null ? 0 : daysBetween(oldest.dueDate, ledger.asOf),
    oldestUnpaidDueDate: oldest?.dueDate ?? null,
    nextDueDate: sums.next?.dueDate ?? null,
    outstandingPrincipal,
    payoffAmount,
    credit: ledger.credit,
    settled: payoffAmount === 0,
    settledOn: ledger.settledOn,
    interestWaived: sums.waived,
    installments: ledger.installments,
    allocations: ledger.allocations,
  };
}

/**
 * The loan's state on `options.asOf` after `payments`.
 *
 * @example
 * const state = loanStateOn(schedule, [{ date: '2024-02-15', amount: 112_000 }], { asOf: '2024-04-01' });
 * state.daysPastDue; // 17 for a schedule from 2024-01-15: instalment 2 (due 2024-03-15) is unpaid
 */
export function loanStateOn(schedule: Schedule, payments: readonly Payment[], options: RepaymentOptions): LoanState {
  return stateFromLedger(schedule, applyPayments(schedule, payments, options));
}
