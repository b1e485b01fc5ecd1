import {
  allowanceForClass,
  classify,
  CLASSIFICATION_PRESETS,
  COOPERATIVE_4,
  loanStateOn,
  normalizeTerms,
  type AllocationComponent,
  type ClassificationPolicy,
  type Collateral,
  type Installment,
  type LoanTerms,
  type LoanState,
  type PenaltyRule,
  type Schedule,
} from '@simpul/domain';
import type { Loan, Repayment } from './lending.table.ts';

/** The loan columns a state derivation needs (a full `Loan` row fits). */
export type StateInput = Pick<
  Loan,
  | 'amount' | 'tenor' | 'rate_percent' | 'rate_period' | 'method' | 'frequency' | 'installment_multiple'
  | 'penalty_rule' | 'allocation_order' | 'classification_preset' | 'collateral' | 'schedule' | 'disbursed_on' | 'in_court'
  | 'restructure_basis'
>;

/** The repayment columns a derivation reads; reversed ones are skipped. */
export type StatePayment = Pick<Repayment, 'paid_on' | 'amount' | 'reversed_at' | 'created_at'>;

/** Consecutive on-time instalments a restructured loan needs before its class may improve. */
export const ON_TIME_TO_LIFT_CAP = 3;

/**
 * What the latest restructuring fixed (stored on the loan as `restructure_basis`): the current
 * schedule starts on `on` with `principal` over `tenor`, and the class may not be better than
 * `capClass` until ON_TIME_TO_LIFT_CAP instalments are paid on time.
 */
export interface RestructuredBasis {
  on: string;
  executedAt: string;
  principal: number;
  tenor: number;
  capClass: number;
}

export function basisOf(loan: Pick<Loan, 'restructure_basis'>): RestructuredBasis | null {
  return loan.restructure_basis === null ? null : (JSON.parse(loan.restructure_basis) as RestructuredBasis);
}

/** The repayments that count against the current schedule: after the restructuring, if any. */
export function paymentsOfBasis<T extends Pick<Repayment, 'paid_on' | 'created_at'>>(repayments: readonly T[], basis: RestructuredBasis | null): T[] {
  if (basis === null) return [...repayments];
  return repayments.filter((r) => r.paid_on > basis.on || (r.paid_on === basis.on && r.created_at > basis.executedAt));
}

/** Instalments of the current schedule paid on time, counted from the first. */
function onTimeInstallments(state: LoanState): number {
  let n = 0;
  for (const row of state.installments) {
    if (row.paidOffDate === null || row.daysLate > 0) break;
    n += 1;
  }
  return n;
}

/** What close of day and every repayment write back to `loans`. */
export interface LoanStateColumns {
  state_as_of: string;
  outstanding_principal: number;
  arrears: number;
  penalty_due: number;
  days_past_due: number;
  class_code: string;
  allowance: number;
  last_payment_on: string | null;
  next_due_on: string | null;
}

/** The columns plus the engine's full state (payoff amount, settlement). */
export interface DerivedLoanState {
  columns: LoanStateColumns;
  state: LoanState;
  schedule: Schedule;
}

/** The classification policy of a preset id; an unknown id falls back to the cooperative default. */
export function policyOf(presetId: string): ClassificationPolicy {
  return CLASSIFICATION_PRESETS[presetId] ?? COOPERATIVE_4;
}

/** The pricing columns a loan copies from its product. */
export type PricingColumns = Pick<Loan, 'rate_percent' | 'rate_period' | 'method' | 'frequency' | 'installment_multiple'>;

/** Engine terms for `principal` over `tenor` instalments on a loan's or product's pricing, from `startDate`. */
export function termsOf(pricing: PricingColumns, principal: number, tenor: number, startDate: string): LoanTerms {
  return {
    principal, tenor, startDate, ratePercent: pricing.rate_percent, ratePeriod: pricing.rate_period, method: pricing.method,
    frequency: pricing.frequency, ...(pricing.installment_multiple === null ? {} : { multiple: pricing.installment_multiple }),
  };
}

/**
 * The stored schedule as an engine `Schedule`. The instalments are taken as stored, not
 * rebuilt from the terms, so a restructured schedule (which replaces the JSON) is honoured.
 */
export function scheduleOf(loan: StateInput): Schedule {
  if (loan.schedule === null || loan.disbursed_on === null) throw new Error('loan has no schedule: not disbursed');
  const installments = JSON.parse(loan.schedule) as Installment[];
  const terms = normalizeTerms(termsOf(loan, loan.amount, loan.tenor, loan.disbursed_on));
  let principal = 0;
  let interest = 0;
  for (const row of installments) {
    principal += row.principal;
    interest += row.interest;
  }
  return { terms, installments, totals: { principal, interest, total: principal + interest } };
}

/** Non-reversed repayments as engine payments, in the order given (the engine sorts by date). */
export function paymentsOf(repayments: readonly StatePayment[]) {
  const payments: { date: string; amount: number }[] = [];
  for (const r of repayments) if (r.reversed_at === null) payments.push({ date: r.paid_on, amount: r.amount });
  return payments;
}

/**
 * The loan's state on `asOf` from its schedule and repayments: arrears, DPD, class by the
 * loan's preset (in court ⇒ worst class), allowance net of collateral. Pure: no I/O, one
 * JSON parse of the schedule; close of day calls it for every active loan.
 *
 * @example deriveLoanState(loanRow, repaymentRows, '2026-12-02').columns.days_past_due
 */
export function deriveLoanState(loan: StateInput, repayments: readonly StatePayment[], asOf: string): DerivedLoanState {
  // A restructured loan is its new schedule (start, principal, tenor of the restructuring)
  // with only the repayments made after it; its class is held at the restructuring's class
  // until it has paid ON_TIME_TO_LIFT_CAP instalments on time (the classification override).
  const basis = basisOf(loan);
  const view = basis === null ? loan : { ...loan, disbursed_on: basis.on, amount: basis.principal, tenor: basis.tenor };
  const schedule = scheduleOf(view);
  const state = loanStateOn(schedule, paymentsOf(paymentsOfBasis(repayments, basis)), {
    asOf,
    penaltyRule: JSON.parse(loan.penalty_rule) as PenaltyRule,
    allocationOrder: JSON.parse(loan.allocation_order) as AllocationComponent[],
  });
  const restructured = basis === null ? undefined : { capClass: basis.capClass, onTimeInstallmentsSince: onTimeInstallments(state), required: ON_TIME_TO_LIFT_CAP };
  const loanClass = classify(state.daysPastDue, loan.frequency, policyOf(loan.classification_preset), { inCourt: loan.in_court === 1, ...(restructured ? { restructured } : {}) });
  const collateral = JSON.parse(loan.collateral) as Collateral[];
  const allowance = allowanceForClass(state.outstandingPrincipal, loanClass, collateral).amount;
  const last = state.allocations.at(-1);
  return {
    schedule,
    state,
    columns: {
      state_as_of: asOf,
      outstanding_principal: state.outstandingPrincipal,
      arrears: state.arrears.principal + state.arrears.interest,
      penalty_due: state.arrears.penalty,
      days_past_due: state.daysPastDue,
      class_code: loanClass.code,
      allowance,
      last_payment_on: last?.date ?? null,
      next_due_on: state.settled ? null : (state.oldestUnpaidDueDate ?? state.nextDueDate),
    },
  };
}
