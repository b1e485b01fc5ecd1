import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Frequency, InterestMethod, PenaltyRule, RatePeriod } from '@simpul/domain';
import { api } from '../../api';

export type AllocationComponent = 'penalty' | 'interest' | 'principal';

export interface ProductTerms {
  name: string;
  method: InterestMethod;
  ratePercent: number;
  ratePeriod: RatePeriod;
  frequency: Frequency;
  minTenor: number;
  maxTenor: number;
  minAmount: number;
  maxAmount: number;
  installmentMultiple: number | null;
  penaltyRule: PenaltyRule;
  allocationOrder: AllocationComponent[];
  classificationPreset: string;
  collateralRequired: boolean;
  active: boolean;
}

export interface Product extends ProductTerms {
  id: number;
  code: string;
  createdAt: string;
  updatedAt: string;
}

const KEY = ['loan-products'] as const;

export function useProducts() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api<{ items: Product[] }>('/loan-products', { signal }),
  });
}

export function useSaveProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, code, terms }: { id: number | null; code: string; terms: ProductTerms }) =>
      id === null
        ? api<{ product: Product }>('/loan-products', { method: 'POST', body: { code, ...terms } })
        : api<{ product: Product }>(`/loan-products/${id}`, { method: 'PUT', body: terms }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
