import type { ColumnType, Generated, Selectable } from 'kysely';

/** Account statuses as furnished; the report derives history characters from them. */
export const ACCOUNT_STATUSES = ['active', 'settled', 'restructured', 'written_off', 'forgiven'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const FREQUENCIES = ['daily', 'weekly', 'fortnightly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const FURNISHING_SOURCES = ['file', 'api', 'workspace'] as const;
export type FurnishingSource = (typeof FURNISHING_SOURCES)[number];

type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface RegistryAccountsTable {
  id: Generated<number>;
  subject_key: string;
  cooperative_id: number;
  account_ref: string;
  /** Keyed tokens of the name and birth date this furnisher gave: identity checks without identity. */
  name_token: string;
  birth_token: string;
  product: string | null;
  opened_on: string;
  original_amount: number;
  tenor: number | null;
  frequency: Frequency | null;
  instalment_amount: number | null;
  outstanding: number;
  arrears: number;
  days_past_due: number;
  status: AccountStatus;
  last_payment_on: string | null;
  closed_on: string | null;
  written_off_on: string | null;
  written_off_amount: number | null;
  disputed: Defaulted<number>;
  /** The latest month ('YYYY-MM') this account was reported for. */
  last_period: string;
  /** Set when a later full file of its cooperative left it out: never silently closed. */
  not_reported_since: string | null;
  source: FurnishingSource;
  updated_at: string;
}

/** One row per account per reporting month: the 24-month history. */
export interface RegistryHistoryTable {
  account_id: number;
  subject_key: string;
  period: string;
  outstanding: number;
  arrears: number;
  days_past_due: number;
  status: AccountStatus;
  batch_id: number;
}

/** Snapshots replaced by a newer file for the same cooperative and period, kept for audit. */
export interface RegistryHistoryVersionsTable extends RegistryHistoryTable {
  superseded_by: number;
}

export interface RegistryBatchesTable {
  id: Generated<number>;
  cooperative_id: number;
  period: string;
  source: FurnishingSource;
  file_name: string | null;
  sha256: string | null;
  status: 'committed' | 'duplicate';
  /** 1 for a full file (accounts left out are flagged not reported), 0 for single updates. */
  full_file: number;
  rows_total: number;
  accepted: number;
  rejected: number;
  warnings: number;
  created_by: string;
  created_at: string;
}

/**
 * Row-level findings of a batch, for the downloadable error report. Identity columns keep
 * only a masked value (the first 6 digits of a NIK, a name's initial): never plain identity.
 */
export interface RegistryBatchIssuesTable {
  batch_id: number;
  row_number: number;
  severity: 'error' | 'warning';
  column_name: string;
  value: string | null;
  code: string;
}

export type RegistryAccount = Selectable<RegistryAccountsTable>;
export type RegistryBatch = Selectable<RegistryBatchesTable>;
