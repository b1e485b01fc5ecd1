import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

export interface Person {
  id: number;
  name: string;
}

export interface WorklistRow {
  loanId: number;
  loanNo: string;
  member: { id: number; memberNo: string; fullName: string };
  kecamatanCode: string | null;
  officer: Person | null;
  classCode: string;
  className: string;
  classRank: number;
  daysPastDue: number;
  arrears: number;
  penaltyDue: number;
  outstanding: number;
  brokenPromises: number;
  priority: number;
  restructuredCount: number;
  caseId: number | null;
}

export type CaseStatus = 'open' | 'cured' | 'restructured' | 'written_off' | 'forgiven' | 'closed';
export type AttendeeRole = 'officer' | 'member' | 'spouse' | 'family' | 'guarantor' | 'other';
export type OptionKey = 'reschedule' | 'lower_rate' | 'capitalise' | 'grace' | 'waive_penalties';

export interface Plan {
  tenor?: number;
  ratePercent?: number;
  method?: 'flat' | 'effective' | 'annuity';
  waive?: { interest?: number | 'all'; penalty?: number | 'all' };
  capitalise?: { interest?: boolean; penalty?: boolean };
  gracePrincipal?: number;
  graceInterest?: number;
}

export interface Eligibility {
  classCode: string;
  worstClassCode: string;
  outstanding: number;
  allowance: number;
  attempts: number;
  requiredAttempts: number;
  eligible: boolean;
  refusal: { code: string; params: Record<string, unknown> } | null;
}

export interface CaseDetail {
  case: { id: number; status: CaseStatus; openedOn: string; closedOn: string | null; openedBy: Person | null };
  loan: {
    id: number; loanNo: string; status: string; amount: number; tenor: number; ratePercent: number; method: string; frequency: string;
    disbursedOn: string | null; restructuredCount: number; restructuredOn: string | null; officer: Person | null;
  };
  member: { id: number; memberNo: string; fullName: string };
  state: { asOf: string; daysPastDue: number; arrears: number; penaltyDue: number; outstanding: number; classCode: string; className: string; allowance: number; payoff: number } | null;
  elsewhere: { accounts: number; cooperatives: number; monthlyInstallments: number };
  causes: { code: string; note: string | null; createdAt: string }[];
  suggestedCauses: string[];
  negotiations: {
    id: number; metOn: string; metTime: string; place: string; attendees: { name: string; role: AttendeeRole }[]; situation: string; outcome: string;
    conductFlags: string[]; createdBy: Person | null;
  }[];
  promises: { id: number; madeOn: string; dueOn: string; amount: number; paid: number; status: 'pending' | 'kept' | 'broken' }[];
  restructurings: {
    id: number; status: 'proposed' | 'executed' | 'rejected'; plan: Plan; reason: string; proposedBy: Person | null; proposedAt: string; decidedBy: Person | null;
    decidedAt: string | null; note: string | null; executedOn: string | null; kinds: string[]; newPrincipal: number | null; newTenor: number | null;
  }[];
  writeOffs: {
    id: number; status: 'proposed' | 'decided' | 'executed' | 'rejected'; reason: string; eligibility: Eligibility; proposedBy: Person | null; decidedBy: Person | null;
    reviewedBy: Person | null; writtenOffOn: string | null; amount: number | null;
  }[];
  claim: { writeOffId: number; writtenOffOn: string; writtenOff: number; recovered: number; forgiven: number; remaining: number } | null;
  receipts: { id: number; receivedOn: string; amount: number; receiptNo: string }[];
  forgiveness: { ratMeetingOn: string; ratDecisionNo: string; membersPresent: number; quorum: number; amount: number; forgivenOn: string } | null;
  attempts: number;
  requiredAttempts: number;
  brokenPromises: number;
}

export interface Option {
  key: OptionKey;
  plan: Plan;
  ok: boolean;
  error: string | null;
  kinds: string[];
  principal: number;
  tenor: number;
  firstInstallment: number;
  largestInstallment: number;
  totalCost: number;
  difference: number;
  waived: number;
  capitalised: number;
  fitsCapacity: boolean;
}

export interface Options {
  asOf: string;
  outstanding: number;
  interestArrears: number;
  penaltyArrears: number;
  remainingUnderOldTerms: number | null;
  capacity: { income: number; expenses: number; otherInstallments: number; otherAccounts: number; maxInstallment: number; binding: string };
  options: Option[];
}

export interface Accounts {
  loans: { loanId: number; loanNo: string; status: string; onBalance: number; writtenOff: number; recovered: number; forgiven: number; offBalance: number; exposure: number; reconciles: boolean }[];
  totals: { onBalance: number; writtenOff: number; recovered: number; forgiven: number; offBalance: number; exposure: number; reconciles: boolean };
}

const KEY = ['recovery'] as const;
export const caseKey = (id: number) => [...KEY, 'case', id] as const;

export interface WorklistFilter {
  classCode?: string;
  kecamatan?: string;
  officerId?: number;
}

export function useWorklist(filter: WorklistFilter) {
  const params = new URLSearchParams();
  if (filter.classCode) params.set('classCode', filter.classCode);
  if (filter.kecamatan) params.set('kecamatan', filter.kecamatan);
  if (filter.officerId) params.set('officerId', String(filter.officerId));
  return useQuery({
    queryKey: [...KEY, 'worklist', filter],
    queryFn: ({ signal }) => api<{ items: WorklistRow[] }>(`/recovery/worklist?${params}`, { signal }),
  });
}

export function useCases() {
  return useQuery({
    queryKey: [...KEY, 'cases'],
    queryFn: ({ signal }) =>
      api<{ items: { id: number; status: CaseStatus; openedOn: string; closedOn: string | null; loanId: number; loanNo: string; memberName: string; memberNo: string }[] }>(
        '/recovery/cases',
        { signal },
      ),
  });
}

export function useCase(id: number) {
  return useQuery({ queryKey: caseKey(id), queryFn: ({ signal }) => api<CaseDetail>(`/recovery/cases/${id}`, { signal }) });
}

export function useAccounts() {
  return useQuery({ queryKey: [...KEY, 'accounts'], queryFn: ({ signal }) => api<Accounts>('/recovery/accounts', { signal }) });
}

export function useWriteOffCheck(caseId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...caseKey(caseId), 'write-off-check'],
    queryFn: ({ signal }) => api<Eligibility>(`/recovery/cases/${caseId}/write-off-check`, { signal }),
    enabled,
  });
}

/** Any recovery write; afterwards every recovery query (case, worklist, accounts) refreshes. */
export function useRecoveryWrite<I, O = unknown>(path: (input: I) => string, body: (input: I) => unknown, method: 'POST' | 'PUT' = 'POST') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api<O>(path(input), { method, body: body(input) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export const useOpenCase = () => useRecoveryWrite<{ loanId: number }, CaseDetail>(() => '/recovery/cases', (input) => input);

export function useOptions(caseId: number) {
  return useMutation({
    mutationFn: (input: { income?: number; expenses?: number; tenor?: number }) =>
      api<Options>(`/recovery/cases/${caseId}/options`, { method: 'POST', body: input }),
  });
}

export const documentUrl = (caseId: number, kind: string, id?: number) =>
  `/api/recovery/cases/${caseId}/documents/${kind}${id === undefined ? '' : `?id=${id}`}`;
