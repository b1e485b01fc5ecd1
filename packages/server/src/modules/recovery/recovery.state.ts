import type { LoanClass } from '@simpul/domain';
import type { Loan, Repayment } from '../lending/lending.table.ts';
import { deriveLoanState, policyOf, type DerivedLoanState } from '../lending/loan-state.service.ts';

export type { RestructuredBasis } from '../lending/loan-state.service.ts';

export interface RecoveryState extends DerivedLoanState {
  loanClass: LoanClass;
  worstClass: LoanClass;
}

/**
 * The loan's state on `asOf`, through the lending engine's one derivation (which honours a
 * restructuring recorded on the loan), with its class and its policy's worst class.
 */
export function recoveryState(loan: Loan, repayments: readonly Repayment[], asOf: string): RecoveryState {
  const policy = policyOf(loan.classification_preset);
  const worstClass = policy.classes[policy.classes.length - 1];
  if (!worstClass) throw new Error(`classification policy ${policy.id} has no classes`);
  const derived = deriveLoanState(loan, repayments, asOf);
  const loanClass = policy.classes.find((c) => c.code === derived.columns.class_code);
  if (!loanClass) throw new Error(`class ${derived.columns.class_code} is not in policy ${policy.id}`);
  return { ...derived, loanClass, worstClass };
}
