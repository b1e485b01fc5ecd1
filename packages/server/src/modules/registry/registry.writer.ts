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
  const values: (string | number | null)[] = new Array(ACCOUNT_COLUMNS.length);
  fillAccountValues(values, 0, a, ctx);
  return values;
}

/** Writes the values of one account into `values` from `at`, in ACCOUNT_COLUMNS order (a multi-row statement's parameters). */
export function fillAccountValues(values: (string | number | null)[], at: number, a: PseudonymousAccount, ctx: WriteContext): void {
  values[at] = a.subjectKey;
  values[at + 1] = ctx.cooperativeId;
  values[at + 2] = a.accountRef;
  values[at + 3] = a.nameToken;
  values[at + 4] = a.birthToken;
  values[at + 5] = a.product;
  values[at + 6] = a.openedOn;
  values[at + 7] = a.originalAmount;
  values[at + 8] = a.tenor;
  values[at + 9] = a.frequency;
  values[at + 10] = a.instalmentAmount;
  values[at + 11] = a.outstanding;
  values[at + 12] = a.arrears;
  values[at + 13] = a.daysPastDue;
  values[at + 14] = a.status;
  values[at + 15] = a.lastPaymentOn;
  values[at + 16] = a.closedOn;
  values[at + 17] = a.writtenOffOn;
  values[at + 18] = a.writtenOffAmount;
  values[at + 19] = ctx.period;
  values[at + 20] = null;
  values[at + 21] = ctx.source;
  values[at + 22] = ctx.now;
}

/** On a re-furnished account every column but its identity is replaced (never by an older month). */
export const ACCOUNT_UPDATABLE = ACCOUNT_COLUMNS.filter((c) => c !== 'cooperative_id' && c !== 'account_ref');
