import type { Column } from './furnishing.columns.ts';
import { daysInMonth } from './furnishing.scalars.ts';
import type { AccountStatus, Frequency } from './registry.table.ts';

/** One furnished account after validation: the only shape the registry writers accept. */
export interface FurnishedAccount {
  accountRef: string;
  nik: string;
  fullName: string;
  birthDate: string;
  product: string | null;
  openedOn: string;
  originalAmount: number;
  tenor: number | null;
  frequency: Frequency | null;
  instalmentAmount: number | null;
  outstanding: number;
  arrears: number;
  daysPastDue: number;
  status: AccountStatus;
  lastPaymentOn: string | null;
  closedOn: string | null;
  writtenOffOn: string | null;
  writtenOffAmount: number | null;
}

export interface RowIssue {
  row: number;
  column: Column | 'row';
  value: string;
  code: string;
  severity: 'error' | 'warning';
}

export type RowResult = { account: FurnishedAccount | null; issues: RowIssue[] };

export const STATUS_ALIASES: Record<string, AccountStatus> = {
  aktif: 'active', lancar: 'active', berjalan: 'active', lunas: 'settled', ditutup: 'settled',
  restrukturisasi: 'restructured', direstrukturisasi: 'restructured', hapus_buku: 'written_off',
  dihapusbukukan: 'written_off', hapus_tagih: 'forgiven', dihapustagihkan: 'forgiven',
};
export const FREQUENCY_ALIASES: Record<string, Frequency> = {
  harian: 'daily', mingguan: 'weekly', dua_mingguan: 'fortnightly', '2_mingguan': 'fortnightly', bulanan: 'monthly',
};

/** The month a file reports on, and its last day (no furnished date may be later). */
export function periodEnd(period: string): string {
  const last = daysInMonth(Number(period.slice(0, 4)), Number(period.slice(5, 7)));
  return `${period}-${String(last).padStart(2, '0')}`;
}

export function isPeriod(period: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
}

