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
  legalEntityNo: string | null;
  address: string | null;
  kecamatanCode: string | null;
  kecamatanName: string | null;
  foundedOn: string | null;
  membersCount: number | null;
  boardContacts: string | null;
  lastRatYear: number | null;
  registryParticipation: boolean;
  activityStatus: 'active' | 'inactive';
  statusReason: string | null;
  statusSince: string | null;
}

export interface NewCooperative {
  code: string;
  name: string;
  nikKoperasi?: string;
  type?: CooperativeType;
}

/** The registry facts an admin edits; null clears a field. */
export interface CooperativeEdit {
  name?: string;
  nikKoperasi?: string | null;
  type?: CooperativeType;
  legalEntityNo?: string | null;
  address?: string | null;
  kecamatanCode?: string | null;
  foundedOn?: string | null;
  membersCount?: number | null;
  boardContacts?: string | null;
  lastRatYear?: number | null;
  registryParticipation?: boolean;
}

export interface ImportFinding {
  row: number;
  column: string;
  value: string;
  code: string;
  message: string;
}

export interface ImportResult {
  rows: number;
  created: number;
  updated: number;
  rejected: number;
  errors: ImportFinding[];
}

const KEY = ['cooperatives'] as const;

export const registryExportUrl = (format: 'csv' | 'xlsx') => `/api/cooperatives/export/${format}`;

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

export function useEditCooperative(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CooperativeEdit) =>
      api<{ cooperative: Cooperative }>(`/cooperatives/${id}`, { method: 'PATCH', body: input }).then((r) => r.cooperative),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useChangeStatus(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { status: 'active' | 'inactive'; reason: string }) =>
      api<{ history: unknown[] }>(`/cooperatives/${id}/status`, { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useImportRegistry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      api<ImportResult>(`/cooperatives/import?fileName=${encodeURIComponent(file.name)}`, { method: 'POST', body: file }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
