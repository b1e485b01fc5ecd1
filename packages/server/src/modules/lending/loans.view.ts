import type { Collateral, LoanState } from '@simpul/domain';
import { decryptOptional } from '../../config/field-crypto.ts';
import type { Keys } from '../../config/keys.ts';
import type { Loan, Repayment } from './lending.table.ts';
import type { ListedLoan } from './loans.repository.ts';
import type { HistoryEvent, LoanSummaryView, LoanView, RepaymentView } from './loans.schemas.ts';

type Names = Map<number, string>;

function person(names: Names, id: number | null) {
  return id === null ? null : { id, name: names.get(id) ?? `#${id}` };
}

type StateColumns = Pick<Loan, 'state_as_of' | 'outstanding_principal' | 'arrears' | 'penalty_due' | 'days_past_due' | 'class_code' | 'allowance' | 'last_payment_on' | 'next_due_on'>;

/** The state columns (stored, or just derived) as the API shows them. */
export function stateOf(l: StateColumns): LoanSummaryView['state'] {
  return {
    asOf: l.state_as_of, outstandingPrincipal: l.outstanding_principal, arrears: l.arrears, penaltyDue: l.penalty_due,
    daysPastDue: l.days_past_due, classCode: l.class_code, allowance: l.allowance, lastPaymentOn: l.last_payment_on, nextDueOn: l.next_due_on,
  };
}

export function toLoanSummary(l: ListedLoan): LoanSummaryView {
  return {
    id: l.id, loanNo: l.loan_no, status: l.status, amount: l.amount, tenor: l.tenor, appliedAt: l.applied_at, disbursedOn: l.disbursed_on,
    member: { id: l.member_id, memberNo: l.member_no, fullName: l.full_name },
    product: { id: l.product_id, code: l.product_code, name: l.product_name },
    state: stateOf(l),
  };
}

const numberOrNull = (text: string | null) => (text === null ? null : Number(text));

/** The full loan for its own cooperative's staff: declared income and expenses decrypted. */
export function toLoanView(l: ListedLoan, keys: Keys, names: Names): LoanView {
  return {
    ...toLoanSummary(l),
    ratePercent: l.rate_percent, ratePeriod: l.rate_period, method: l.method, frequency: l.frequency,
    installmentMultiple: l.installment_multiple, classificationPreset: l.classification_preset, purpose: l.purpose,
    collateral: JSON.parse(l.collateral) as Collateral[],
    declaredIncome: numberOrNull(decryptOptional(keys, l.declared_income_enc)),
    declaredExpenses: numberOrNull(decryptOptional(keys, l.declared_expenses_enc)),
    consentRef: l.consent_ref, consentAt: l.consent_at,
    appliedBy: person(names, l.applied_by), decidedBy: person(names, l.decided_by), decidedAt: l.decided_at,
    decisionReason: l.decision_reason, disbursedBy: person(names, l.disbursed_by), installmentAmount: l.installment_amount,
    maturityOn: l.maturity_on, closedOn: l.closed_on,
  };
}

/** Repayments with where each one went; reversed ones have no allocation. */
export function toRepaymentViews(rows: readonly Repayment[], names: Names, state: LoanState | null): RepaymentView[] {
  // The engine allocates live payments in date order, as `rows` are sorted (paid_on, id).
  const allocations = state ? [...state.allocations] : [];
  return rows.map((r) => {
    const a = r.reversed_at === null ? allocations.shift() : undefined;
    return {
      id: r.id, paidOn: r.paid_on, amount: r.amount, channel: r.channel, receiptNo: r.receipt_no,
      createdBy: person(names, r.created_by), createdAt: r.created_at, reversedAt: r.reversed_at,
      reversedBy: person(names, r.reversed_by), reversalReason: r.reversal_reason,
      allocation: a ? { penalty: a.penalty, interest: a.interest, principal: a.principal, credit: a.credit } : null,
    };
  });
}

/** The loan's story from its own columns and repayments, oldest first. */
export function historyOf(l: Loan, repayments: readonly Repayment[], names: Names): HistoryEvent[] {
  const ev = (at: string, kind: HistoryEvent['kind'], by: number | null, amount: number | null = null, note: string | null = null): HistoryEvent =>
    ({ at, kind, by: person(names, by), amount, note });
  const events: HistoryEvent[] = [ev(l.applied_at, 'applied', l.applied_by, l.amount, l.purpose)];
  if (l.consent_at) events.push(ev(l.consent_at, 'consent', null, null, l.consent_ref));
  if (l.decided_at) events.push(ev(l.decided_at, l.status === 'rejected' ? 'rejected' : 'approved', l.decided_by, null, l.decision_reason));
  if (l.disbursed_on) events.push(ev(l.disbursed_on, 'disbursed', l.disbursed_by, l.amount));
  for (const r of repayments) {
    events.push(ev(r.paid_on, 'repayment', r.created_by, r.amount, r.receipt_no));
    if (r.reversed_at) events.push(ev(r.reversed_at, 'reversal', r.reversed_by, r.amount, r.reversal_reason));
  }
  if (l.closed_on && l.status === 'settled') events.push(ev(l.closed_on, 'settled', null));
  // Dates and instants mix here, so order by calendar day; the stable sort keeps the order of events within a day.
  const day = (e: HistoryEvent) => e.at.slice(0, 10);
  return events.sort((a, b) => (day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : 0));
}
