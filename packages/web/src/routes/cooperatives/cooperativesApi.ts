import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

export const COOPERATIVE_TYPES = [
  'ksp',
  'kspps',
  'ksu',
  'consumer',
  'producer',
  'service',
  'other',
] as const;
export type CooperativeType = (typeof COOPERATIVE_TYPES)[number];

export interface Cooperative {
  id: number;
  code: string;
  name: string;
  nikKoperasi: string | null;
  type: CooperativeType | null;
  createdAt: string;
}

export interface NewCooperative {
  code: string;
  name: string;
  nikKoperasi?: string;
  type?: CooperativeType;
}

const KEY = ['cooperatives'] as const;

export function useCooperatives(enabled = true) {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) =>
      api<{ items: Cooperative[] }>('/cooperatives', { signal }).then((r) => r.items),
    enabled,
  });
}

export function useAddCooperative() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewCooperative) =>
      api<{ cooperative: Cooperative }>('/cooperatives', { method: 'POST', body: input }).then(
        (r) => r.cooperative,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
