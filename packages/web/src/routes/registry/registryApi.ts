import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

export const PURPOSES = ['new_loan', 'account_review', 'restructuring', 'own_request', 'dispute'] as const;
export type Purpose = (typeof PURPOSES)[number];
export type AccountStatus = 'active' | 'settled' | 'restructured' | 'written_off' | 'forgiven';
export type AlertKind = 'new_account_elsewhere' | 'inquiry_elsewhere' | 'dpd30_elsewhere' | 'write_off_elsewhere';

/** The credit report as the API answers it (amounts in minor units). */
export interface CreditReport {
  inquiryId: number;
  purpose: Purpose;
  generatedAt: string;
  identityMatch: 'full' | 'partial' | 'none' | 'unknown';
  summary: {
    activeAccounts: number; totalOutstanding: number; monthlyInstalments: number; worstClassNow: string | null; worstClass24Months: string | null;
    restructuredAccounts: number; writtenOffAccounts: number; forgivenAccounts: number; disputedEntries: number; inquiriesLast30Days: number; inquiriesLast90Days: number;
  };
  accounts: {
    accountId: number; cooperative: { code: string; name: string }; accountRef: string; product: string | null; openedOn: string; originalAmount: number;
    outstanding: number; arrears: number; daysPastDue: number; class: string | null; status: AccountStatus; lastPeriod: string; notReportedSince: string | null;
    disputed: boolean; history: string;
  }[];
  score: { value: number; grade: 'A' | 'B' | 'C' | 'D' | 'E'; reasons: { code: string; points: number; message: string }[] };
  debtService: { income: number; existingMonthly: number; requestedInstalment: number; ratio: number } | null;
  inquiries?: { at: string; purpose: Purpose; cooperative: { code: string; name: string } | null }[];
  rights?: string[];
}

export interface InquiryInput {
  nik: string;
  fullName: string;
  birthDate: string;
  purpose?: Purpose;
  consentRef?: string;
  income?: number;
  requestedInstalment?: number;
}

export function useInquiry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InquiryInput) => api<CreditReport>('/registry/inquiries', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['registry-disputes'] }),
  });
}

/** The report of one of the cooperative's members, beside a loan application. */
export function useMemberInquiry(memberId: number | null) {
  return useMutation({
    mutationFn: (input: { purpose: Purpose; consentRef: string }) => api<CreditReport>(`/registry/inquiries/member/${memberId ?? 0}`, { method: 'POST', body: input }),
  });
}

export interface Alert {
  id: number;
  kind: AlertKind;
  accountRef: string;
  source: { code: string; name: string } | null;
  createdAt: string;
  read: boolean;
}

export function useAlerts() {
  return useQuery({ queryKey: ['registry-alerts'], queryFn: () => api<{ unread: number; items: Alert[] }>('/registry/alerts') });
}

export function useDigest(date: string) {
  return useQuery({ queryKey: ['registry-alerts', 'digest', date], queryFn: () => api<{ date: string; counts: Record<AlertKind, number>; items: Alert[] }>(`/registry/alerts/digest?date=${date}`) });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids?: number[]; all?: boolean }) => api<{ marked: number; unread: number }>('/registry/alerts/read', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['registry-alerts'] }),
  });
}

export interface Dispute {
  id: number;
  accountId: number;
  accountRef: string;
  furnisher: { code: string; name: string };
  reasonCode: string;
  openedOn: string;
  dueOn: string;
  status: 'open' | 'confirmed' | 'corrected' | 'removed';
  escalated: boolean;
  resolvedOn: string | null;
  canAnswer: boolean;
}

export function useDisputes() {
  return useQuery({ queryKey: ['registry-disputes'], queryFn: () => api<{ items: Dispute[] }>('/registry/disputes') });
}

export function useOpenDispute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (accountId: number) => api<{ id: number; dueOn: string; status: string }>('/registry/disputes', { method: 'POST', body: { accountId, reasonCode: 'other' } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['registry-disputes'] }),
  });
}

export function useResolveDispute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, outcome }: { id: number; outcome: 'confirmed' | 'corrected' | 'removed' }) => api(`/registry/disputes/${id}/resolve`, { method: 'POST', body: { outcome } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['registry-disputes'] }),
  });
}
