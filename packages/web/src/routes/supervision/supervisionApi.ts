import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import type { Cooperative } from '../cooperatives/cooperativesApi';

export type HealthBand = 'sehat' | 'cukup_sehat' | 'kurang_sehat' | 'tidak_sehat';
export const HEALTH_BANDS: readonly HealthBand[] = ['sehat', 'cukup_sehat', 'kurang_sehat', 'tidak_sehat'];

/** Figures of a portfolio; ratios are fractions of loans outstanding, amounts in rupiah. */
export interface Figures {
  accounts: number;
  outstanding: number;
  nplAmount: number;
  nplGross: number;
  nplNet: number;
  par30: number;
  par90: number;
  allowance: number;
  allowanceCoverage: number | null;
  writtenOff: number;
  writeOffAccounts: number;
  recovered: number;
  healthBand: HealthBand | null;
}

export interface CooperativeFigures extends Figures {
  id: number;
  code: string;
  name: string;
  kecamatanCode: string | null;
  kecamatanName: string | null;
  activityStatus: 'active' | 'inactive';
  registryParticipation: boolean;
  membersCount: number | null;
  lastPeriod: string | null;
  furnishedLastMonth: boolean;
  rowsRejectedLastMonth: number;
}

export interface CauseCounts {
  cases: number;
  openCases: number;
  outstanding: number;
}

/** Problem-loan cases by cause (a case may have several): counts and the open cases' outstanding only. */
export interface CauseSummary {
  total: CauseCounts;
  unrecorded: CauseCounts;
  causes: (CauseCounts & { code: CauseCode })[];
}

export type CauseCode = 'business_failure' | 'illness_or_death' | 'disaster' | 'job_loss' | 'family_problems' | 'multiple_borrowing' | 'wilful_default' | 'weak_appraisal' | 'no_collateral_check' | 'over_lending';

export interface KecamatanFigures extends Figures {
  code: string | null;
  name: string | null;
  cooperatives: number;
  active: number;
  causes: CauseSummary;
}

export interface Dashboard {
  asOf: string;
  lastMonth: string;
  policy: { id: string; name: string };
  nplLimitPercent: number;
  /** `aboveLimit`: how many cooperatives are above the NPL limit (the table lists them). */
  counts: { cooperatives: number; active: number; inactive: number; participating: number; withLoans: number; members: number; aboveLimit: number };
  district: Figures;
  bands: Record<HealthBand | 'none', number>;
  kecamatan: KecamatanFigures[];
  causes: CauseSummary;
  compliance: { period: string; expected: number; furnished: number; rowsRejected: number; rows: number };
  /** The first page of the list above 5 %, worst first: the server has it at hand with the dashboard. */
  aboveLimitPage: TablePage;
  inquiryFlags: { cooperativeId: number; code: string; name: string; flags: ('fishing' | 'unusual_volume')[]; unfollowed: number; judgedInquiries: number; last30Days: number }[];
}

export interface TrendPoint {
  period: string;
  accounts: number;
  outstanding: number;
  nplAmount: number;
  nplGross: number;
  nplNet: number;
  par30: number;
}

export interface StatusChange {
  id: number;
  fromStatus: 'active' | 'inactive' | null;
  toStatus: 'active' | 'inactive';
  reason: string;
  effectiveOn: string;
  changedBy: string;
  changedAt: string;
}

export interface CooperativeSupervision {
  cooperative: Cooperative;
  asOf: string;
  figures: Figures;
  classes: { classCode: string; accounts: number; outstanding: number }[];
  trend: TrendPoint[];
  causes: CauseSummary;
  lastPeriod: string | null;
  furnishing: { id: number; period: string; source: string; rows: number; accepted: number; rejected: number; createdAt: string }[];
  inquiries: { month: string; purpose: string; inquiries: number }[];
  statusHistory: StatusChange[];
}

export interface Proposals {
  asOf: string;
  settings: { ratYears: number; furnishingMonths: number; dissolutionMonths: number };
  proposedInactive: { id: number; code: string; name: string; reasons: ('no_rat' | 'no_furnishing')[]; lastRatYear: number | null; lastPeriod: string | null }[];
  dissolutionCandidates: { id: number; code: string; name: string; inactiveSince: string | null; statusReason: string | null }[];
}

export const SUPERVISION_TABLES = ['cooperatives', 'above-limit', 'kecamatan', 'bands', 'trend', 'compliance', 'proposals', 'causes'] as const;
export type SupervisionTable = (typeof SUPERVISION_TABLES)[number];

export const exportUrl = (table: SupervisionTable, format: 'csv' | 'xlsx') => `/api/supervision/exports/${table}/${format}`;
export const DISTRICT_PDF_URL = '/api/supervision/district.pdf';

export function useDashboard() {
  return useQuery({ queryKey: ['supervision', 'dashboard'], queryFn: ({ signal }) => api<Dashboard>('/supervision/dashboard', { signal }) });
}

export const TABLE_SORTS = ['code', 'name', 'outstanding', 'nplGross', 'nplNet', 'par30'] as const;
export type TableSort = (typeof TABLE_SORTS)[number];

/** A page of the cooperatives table; the server filters, orders and pages (a province has 10,000). */
export interface TableQuery {
  page: number;
  sort: TableSort;
  order: 'asc' | 'desc';
  q?: string;
  kecamatan?: string;
  band?: HealthBand | 'none';
  aboveLimit?: boolean;
}

export const TABLE_PAGE_SIZE = 25;

export interface TablePage {
  total: number;
  page: number;
  pageSize: number;
  items: CooperativeFigures[];
}

/** `first`: the page for this very query already at hand (since `at`), so it is not asked again. */
export function useCooperativesTable(query: TableQuery, first?: { page: TablePage; at: number }) {
  const params = new URLSearchParams({ page: String(query.page), pageSize: String(TABLE_PAGE_SIZE), sort: query.sort, order: query.order });
  if (query.q) params.set('q', query.q);
  if (query.kecamatan) params.set('kecamatan', query.kecamatan);
  if (query.band) params.set('band', query.band);
  if (query.aboveLimit !== undefined) params.set('aboveLimit', String(query.aboveLimit));
  return useQuery({
    queryKey: ['supervision', 'cooperatives', query],
    queryFn: ({ signal }) => api<TablePage>(`/supervision/cooperatives?${params.toString()}`, { signal }),
    initialData: first?.page,
    initialDataUpdatedAt: first?.at,
    // The previous page stays on screen while the next loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useTrend() {
  return useQuery({ queryKey: ['supervision', 'trend'], queryFn: ({ signal }) => api<{ items: TrendPoint[] }>('/supervision/trend', { signal }).then((r) => r.items) });
}

export function useProposals() {
  return useQuery({ queryKey: ['supervision', 'proposals'], queryFn: ({ signal }) => api<Proposals>('/supervision/proposals', { signal }) });
}

export function useCooperativeSupervision(id: number) {
  return useQuery({ queryKey: ['supervision', 'cooperative', id], queryFn: ({ signal }) => api<CooperativeSupervision>(`/supervision/cooperatives/${id}`, { signal }) });
}
