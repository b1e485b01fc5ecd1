import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { FurnishedAccount } from './furnishing.validate.ts';
import type { FurnishingSource } from './registry.table.ts';

/** A validated account with its identity replaced by keyed tokens: what the registry stores. */
export type PseudonymousAccount = Omit<FurnishedAccount, 'nik' | 'fullName' | 'birthDate'> & {
  subjectKey: string;
  nameToken: string;
  birthToken: string;
};

export interface WriteContext {
  cooperativeId: number;
  period: string;
  batchId: number;
  source: FurnishingSource;
  now: string;
  /** A full file replaces the period's snapshot; a single update replaces one row (kept as a version). */
  fullFile: boolean;
}

/**
 * One open registry transaction. `db` runs typed queries inside it (batch rows, audit);
 * `writeAccounts` is the dialect's bulk path for the hot loop.
 */
export interface RegistryTransaction {
  db: Kysely<Database>;
  writeAccounts(accounts: PseudonymousAccount[], ctx: WriteContext): Promise<void>;
  /**
   * Runs `load` (a batch's writeAccounts calls) as a bulk load of about `expectedRows`
   * accounts. Where the dialect can, index maintenance the load would do row by row is
   * done once after it instead (queries inside `load` still answer right, only slower).
   */
  bulkLoad<T>(expectedRows: number, load: () => Promise<T>): Promise<T>;
}

/** Columns of registry_accounts written from a furnished account, in one fixed order. */
export const ACCOUNT_COLUMNS = [
  'subject_key', 'cooperative_id', 'account_ref', 'name_token', 'birth_token', 'product', 'opened_on', 'original_amount', 'tenor', 'frequency',
  'instalment_amount', 'outstanding', 'arrears', 'days_past_due', 'status', 'last_payment_on', 'closed_on',
  'written_off_on', 'written_off_amount', 'last_period', 'not_reported_since', 'source', 'updated_at',
] as const;

/** The values of one account in ACCOUNT_COLUMNS order. */
export function accountValues(a: PseudonymousAccount, ctx: WriteContext): (string | number | null)[] {
  return [
    a.subjectKey, ctx.cooperativeId, a.accountRef, a.nameToken, a.birthToken, a.product, a.openedOn, a.originalAmount, a.tenor, a.frequency,
    a.instalmentAmount, a.outstanding, a.arrears, a.daysPastDue, a.status, a.lastPaymentOn, a.closedOn,
    a.writtenOffOn, a.writtenOffAmount, ctx.period, null, ctx.source, ctx.now,
  ];
}

/** On a re-furnished account every column but its identity is replaced (never by an older month). */
export const ACCOUNT_UPDATABLE = ACCOUNT_COLUMNS.filter((c) => c !== 'cooperative_id' && c !== 'account_ref');
