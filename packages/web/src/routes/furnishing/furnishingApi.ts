import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api';

/** One finding of a furnished file: its row (header = row 1), column, value and why. */
export interface RowFinding {
  row: number;
  column: string;
  value: string;
  code: string;
  severity: 'error' | 'warning';
  message: string;
}

export interface FurnishingResult {
  batchId: number | null;
  period: string;
  stored: boolean;
  duplicateOf: number | null;
  rows: number;
  accepted: number;
  rejected: number;
  warnings: number;
  errors: RowFinding[];
}

export interface Batch {
  id: number;
  period: string;
  source: string;
  fileName: string | null;
  rows: number;
  accepted: number;
  rejected: number;
  warnings: number;
  createdAt: string;
}

export interface FurnishingStatus {
  lastPeriod: string | null;
  lastBatch: Omit<Batch, 'source' | 'fileName'> | null;
  missingPeriods: string[];
  reminder: boolean;
}

const STATUS_KEY = ['furnishing', 'status'] as const;
const BATCHES_KEY = ['furnishing', 'batches'] as const;

export function useFurnishingStatus() {
  return useQuery({
    queryKey: STATUS_KEY,
    queryFn: ({ signal }) => api<FurnishingStatus>('/registry/furnishing/status', { signal }),
  });
}

export function useBatches() {
  return useQuery({
    queryKey: BATCHES_KEY,
    queryFn: ({ signal }) =>
      api<{ items: Batch[] }>('/registry/furnishing/batches', { signal }).then((r) => r.items),
  });
}

export interface Upload {
  file: File;
  period: string;
  strict: boolean;
}

/** Sends a CSV or XLSX file as the raw request body; the server reads both. */
export function useUploadFile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, period, strict }: Upload) => {
      const query = new URLSearchParams({ period, strict: String(strict), fileName: file.name });
      return api<FurnishingResult>(`/registry/furnishing/files?${query.toString()}`, {
        method: 'POST',
        body: file,
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['furnishing'] }),
  });
}

/** Where the downloadable files live (same-origin links; the session cookie goes along). */
export const templateUrl = (format: 'csv' | 'xlsx') => `/api/registry/furnishing/templates/${format}`;
export const issuesUrl = (batchId: number) => `/api/registry/furnishing/batches/${batchId}/issues.csv`;
