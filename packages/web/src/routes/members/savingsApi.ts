import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';
import { memberKey } from './membersApi';

export const SAVINGS_KINDS = ['pokok', 'wajib', 'sukarela'] as const;
export type SavingsKind = (typeof SAVINGS_KINDS)[number];
export type Direction = 'deposit' | 'withdrawal';

export type Balances = Record<SavingsKind, number>;

export interface StatementLine {
  id: number;
  onDate: string;
  kind: SavingsKind;
  direction: Direction;
  amount: number;
  balance: number;
  reference: string | null;
  reversesId: number | null;
  reversedById: number | null;
  reason: string | null;
}

export interface Statement {
  opening: number;
  closing: number;
  totalDeposits: number;
  totalWithdrawals: number;
  lines: StatementLine[];
}

export interface Movement {
  kind: SavingsKind;
  amount: number;
  onDate?: string;
  reference?: string;
}

const savingsKey = (memberId: number) => [...memberKey(memberId), 'savings'] as const;

export function useBalances(memberId: number) {
  return useQuery({
    queryKey: [...savingsKey(memberId), 'balances'],
    queryFn: ({ signal }) =>
      api<{ balances: Balances; total: number }>(`/members/${memberId}/savings`, { signal }),
  });
}

export function useStatement(memberId: number) {
  return useQuery({
    queryKey: [...savingsKey(memberId), 'statement'],
    queryFn: ({ signal }) => api<Statement>(`/members/${memberId}/savings/statement`, { signal }),
  });
}

/** A deposit or a withdrawal; balances and statement are fetched again afterwards. */
export function useRecordMovement(memberId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ direction, ...movement }: Movement & { direction: Direction }) =>
      api<{ transactionId: number; balances: Balances }>(
        `/members/${memberId}/savings/${direction}s`,
        { method: 'POST', body: movement },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savingsKey(memberId) }),
  });
}

export function useReverseMovement(memberId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: number; reason: string }) =>
      api<{ transactionId: number; balances: Balances }>(
        `/members/${memberId}/savings/transactions/${id}/reverse`,
        { method: 'POST', body: { reason } },
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: savingsKey(memberId) }),
  });
}
