import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { claimEarlyBody } from '../../earlyFetch';

export type HealthBand = 'sehat' | 'cukup_sehat' | 'kurang_sehat' | 'tidak_sehat';

/** GET /api/portfolio: ratios are fractions of loans outstanding, amounts rupiah (minor units). */
export interface Portfolio {
  asOf: string | null;
  nplLimit: number;
  ratios: {
    loanCount: number;
    totalOutstanding: number;
    nplAmount: number;
    nplGross: number;
    nplNet: number;
    par30: number;
    par90: number;
    weightedProblemLoanRatio: number;
    allowanceRequired: number;
    allowanceBooked: number;
    allowanceCoverage: number | null;
    healthBand: HealthBand;
  };
  byClass: { classCode: string; name: string; nonPerforming: boolean; count: number; outstanding: number; allowance: number }[];
  byProduct: { productId: number; code: string; name: string; count: number; outstanding: number; nplAmount: number; nplGross: number }[];
  trend: TrendPoint[];
  worsenedSince: string | null;
  worsened: { loanId: number; loanNo: string; memberName: string; fromClass: string; toClass: string; daysPastDue: number; outstanding: number }[];
}

export interface TrendPoint {
  month: string;
  asOf: string;
  totalOutstanding: number;
  nplGross: number;
  nplNet: number;
  par30: number;
}

export function usePortfolio() {
  return useQuery({
    queryKey: ['portfolio'],
    queryFn: ({ signal }) => api<Portfolio>('/portfolio', { signal }),
    // Opened directly, boot.ts has read it while the app downloaded (the first screen's data).
    initialData: () => claimEarlyBody<Portfolio>('/portfolio'),
  });
}
