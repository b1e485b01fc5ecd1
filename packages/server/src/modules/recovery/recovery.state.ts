import { allowanceForClass, classify, type Collateral, type LoanClass } from '@simpul/domain';
import type { Loan, Repayment } from '../lending/lending.table.ts';
import { deriveLoanState, policyOf, type DerivedLoanState } from '../lending/loan-state.service.ts';

/** Consecutive on-time instalments a restructured loan needs before its class may improve. */
export const ON_TIME_TO_LIFT_CAP = 3;

/**
 * What the latest executed restructuring fixed: the new schedule starts on `on` with
 * `principal` over `tenor`, and the class may not be better than `capClass` until
 * ON_TIME_TO_LIFT_CAP instalments are paid on time.
 */
export interface RestructuredBasis {
  on: string;
  executedAt: string;
  principal: number;
  tenor: number;
  capClass: number;
}

/** The repayments that count against the current schedule: those after the restructuring. */
export function paymentsOfBasis<T extends Pick<Repayment, 'paid_on' | 'created_at'>>(repayments: readonly T[], basis: RestructuredBasis | null): T[] {
  if (basis === null) return [...repayments];
  return repayments.filter((r) => r.paid_on > basis.on || (r.paid_on === basis.on && r.created_at > basis.executedAt));
}

export interface RecoveryState extends DerivedLoanState {
  loanClass: LoanClass;
  worstClass: LoanClass;
}

function onTimeSince(derived: DerivedLoanState): number {
  let n = 0;
  for (const row of derived.state.installments) {
    if (row.paidOffDate === null || row.daysLate > 0) break;
    n += 1;
  }
  return n;
}

/**
 * The loan's state on `asOf`, through the lending engine's derivation. A restructured loan
 * is derived from its new schedule (start, principal, tenor of the restructuring) with only
 * the repayments made after it, and its class is held at the restructuring's class until it
 * has paid ON_TIME_TO_LIFT_CAP instalments on time (the classification override).
 */
export function recoveryState(loan: Loan, repayments: readonly Repayment[], basis: RestructuredBasis | null, asOf: string): RecoveryState {
  const policy = policyOf(loan.classification_preset);
  const worstClass = policy.classes[policy.classes.length - 1];
  if (!worstClass) throw new Error(`classification policy ${policy.id} has no classes`);
  const view = basis === null ? loan : { ...loan, disbursed_on: basis.on, amount: basis.principal, tenor: basis.tenor };
  const derived = deriveLoanState(view, paymentsOfBasis(repayments, basis), asOf);
  if (basis === null) return { ...derived, loanClass: classOf(policy, derived.columns.class_code), worstClass };
  const restructured = { capClass: basis.capClass, onTimeInstallmentsSince: onTimeSince(derived), required: ON_TIME_TO_LIFT_CAP };
  const loanClass = classify(derived.state.daysPastDue, loan.frequency, policy, { inCourt: loan.in_court === 1, restructured });
  const allowance = allowanceForClass(derived.state.outstandingPrincipal, loanClass, JSON.parse(loan.collateral) as Collateral[]).amount;
  return { ...derived, columns: { ...derived.columns, class_code: loanClass.code, allowance }, loanClass, worstClass };
}

function classOf(policy: ReturnType<typeof policyOf>, code: string): LoanClass {
  const found = policy.classes.find((c) => c.code === code);
  if (!found) throw new Error(`class ${code} is not in policy ${policy.id}`);
  return found;
}
