import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Frequency, InterestMethod, RatePeriod } from '@simpul/domain';
import { api } from '../../api';

export type LoanStatus =
  'applied' | 'approved' | 'rejected' | 'active' | 'settled' | 'written_off' | 'forgiven';
export type Channel = 'cash' | 'transfer';
export interface Person {
  id: number;
  name: string;
}
export interface Collateral {
  type: string;
  value: number;
}

export interface LoanState {
  asOf: string | null;
  outstandingPrincipal: number;
  arrears: number;
  penaltyDue: number;
  daysPastDue: number;
  classCode: string | null;
  allowance: number;
  lastPaymentOn: string | null;
  nextDueOn: string | null;
}

export interface LoanSummary {
  id: number;
  loanNo: string;
  status: LoanStatus;
  member: { id: number; memberNo: string; fullName: string };
  product: { id: number; code: string; name: string };
  amount: number;
  tenor: number;
  appliedAt: string;
  disbursedOn: string | null;
  state: LoanState;
}

export interface Loan extends LoanSummary {
  ratePercent: number;
  ratePeriod: RatePeriod;
  method: InterestMethod;
  frequency: Frequency;
  installmentMultiple: number | null;
  classificationPreset: string;
  purpose: string;
  collateral: Collateral[];
  declaredIncome: number | null;
  declaredExpenses: number | null;
  consentRef: string | null;
  consentAt: string | null;
  appliedBy: Person | null;
  decidedBy: Person | null;
  decidedAt: string | null;
  decisionReason: string | null;
  disbursedBy: Person | null;
  installmentAmount: number | null;
  maturityOn: string | null;
  closedOn: string | null;
}

export interface InstallmentRow {
  n: number;
  dueDate: string;
  principal: number;
  interest: number;
  total: number;
  balance: number;
  paidPrincipal: number;
  paidInterest: number;
  waivedInterest: number;
  penalty: number;
  paidPenalty: number;
  paidOffDate: string | null;
  daysLate: number;
}

export interface Repayment {
  id: number;
  paidOn: string;
  amount: number;
  channel: Channel;
  receiptNo: string;
  createdBy: Person | null;
  createdAt: string;
  reversedAt: string | null;
  reversedBy: Person | null;
  reversalReason: string | null;
  allocation: { penalty: number; interest: number; principal: number; credit: number } | null;
}

export type HistoryKind =
  | 'applied'
  | 'consent'
  | 'approved'
  | 'rejected'
  | 'disbursed'
  | 'repayment'
  | 'reversal'
  | 'settled';
export interface HistoryEvent {
  at: string;
  kind: HistoryKind;
  by: Person | null;
  amount: number | null;
  note: string | null;
}

export interface LoanDetail {
  loan: Loan;
  businessDate: string;
  payoffAmount: number | null;
  installments: InstallmentRow[];
  repayments: Repayment[];
  history: HistoryEvent[];
}

export interface Application {
  memberId: number;
  productId: number;
  amount: number;
  tenor: number;
  purpose: string;
  collateral: Collateral[];
  declaredIncome?: number;
  declaredExpenses?: number;
  consentRef?: string;
}

export interface NewRepayment {
  paidOn?: string;
  amount: number;
  channel: Channel;
  receiptNo: string;
}

const KEY = ['loans'] as const;
export const loanKey = (id: number) => [...KEY, id] as const;

export function useLoans(filter: { status?: LoanStatus; memberId?: number }) {
  const params = new URLSearchParams();
  if (filter.status) params.set('status', filter.status);
  if (filter.memberId) params.set('memberId', String(filter.memberId));
  return useQuery({
    queryKey: [...KEY, 'list', filter],
    queryFn: ({ signal }) => api<{ items: LoanSummary[] }>(`/loans?${params}`, { signal }),
  });
}

export function useLoan(id: number) {
  return useQuery({
    queryKey: loanKey(id),
    queryFn: ({ signal }) => api<LoanDetail>(`/loans/${id}`, { signal }),
  });
}

/** Writes answer with the loan's new detail; it replaces the cached one and lists refresh. */
function useLoanWrite<I>(path: (input: I) => string, body: (input: I) => unknown) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) =>
      api<LoanDetail & { repaymentId?: number }>(path(input), {
        method: 'POST',
        body: body(input),
      }),
    onSuccess: (detail) => {
      queryClient.setQueryData(loanKey(detail.loan.id), detail);
      void queryClient.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

export const useApply = () =>
  useLoanWrite(
    (_: Application) => '/loans',
    (input) => input,
  );

export type LoanAction = 'consent' | 'approve' | 'reject' | 'disburse';
export const useLoanAction = (id: number) =>
  useLoanWrite(
    (input: { action: LoanAction; body: Record<string, string> }) => `/loans/${id}/${input.action}`,
    (input) => input.body,
  );

export const useRepay = (id: number) =>
  useLoanWrite(
    (_: NewRepayment) => `/loans/${id}/repayments`,
    (input) => input,
  );

export const useReverse = (id: number) =>
  useLoanWrite(
    (input: { repaymentId: number; reason: string }) =>
      `/loans/${id}/repayments/${input.repaymentId}/reverse`,
    (input) => ({ reason: input.reason }),
  );

export const agreementUrl = (id: number) => `/api/loans/${id}/agreement.pdf`;
export const receiptUrl = (id: number, repaymentId: number) =>
  `/api/loans/${id}/repayments/${repaymentId}/receipt.pdf`;
