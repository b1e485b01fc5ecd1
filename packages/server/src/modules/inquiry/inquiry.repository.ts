import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AccountStatus, Frequency } from '../registry/registry.table.ts';
import type { Purpose } from './inquiry.table.ts';

/** One of a subject's accounts as the report needs it, with its lender's name and code. */
export interface SubjectAccount {
  id: number;
  cooperativeId: number;
  cooperativeCode: string;
  cooperativeName: string;
  accountRef: string;
  nameToken: string;
  birthToken: string;
  product: string | null;
  openedOn: string;
  originalAmount: number;
  frequency: Frequency | null;
  instalmentAmount: number | null;
  outstanding: number;
  arrears: number;
  daysPastDue: number;
  status: AccountStatus;
  disputed: boolean;
  lastPeriod: string;
  notReportedSince: string | null;
}

/**
 * A subject's accounts, lines removed by a dispute left out. One index lookup by
 * `subject_key` (registry_accounts_subject), plus the lenders by primary key.
 */
export function subjectAccountsQuery(db: Kysely<Database>, subjectKey: string) {
  return db
    .selectFrom('registry_accounts as a')
    .innerJoin('cooperatives as c', 'c.id', 'a.cooperative_id')
    .select([
      'a.id', 'a.cooperative_id', 'c.code', 'c.name', 'a.account_ref', 'a.name_token', 'a.birth_token', 'a.product', 'a.opened_on',
      'a.original_amount', 'a.frequency', 'a.instalment_amount', 'a.outstanding', 'a.arrears', 'a.days_past_due', 'a.status',
      'a.disputed', 'a.last_period', 'a.not_reported_since',
    ])
    .where('a.subject_key', '=', subjectKey)
    .where('a.removed_on', 'is', null)
    .orderBy('a.id');
}

export async function subjectAccounts(db: Kysely<Database>, subjectKey: string): Promise<SubjectAccount[]> {
  const rows = await subjectAccountsQuery(db, subjectKey).execute();
  return rows.map((r) => ({
    id: r.id, cooperativeId: r.cooperative_id, cooperativeCode: r.code, cooperativeName: r.name, accountRef: r.account_ref,
    nameToken: r.name_token, birthToken: r.birth_token, product: r.product, openedOn: r.opened_on, originalAmount: r.original_amount,
    frequency: r.frequency, instalmentAmount: r.instalment_amount, outstanding: r.outstanding, arrears: r.arrears,
    daysPastDue: r.days_past_due, status: r.status, disputed: r.disputed === 1, lastPeriod: r.last_period, notReportedSince: r.not_reported_since,
  }));
}

export interface HistoryMonth {
  accountId: number;
  period: string;
  daysPastDue: number;
  status: AccountStatus;
}

/** The reported months from `fromPeriod` on: a primary-key range per account. */
export function accountHistoryQuery(db: Kysely<Database>, accountIds: number[], fromPeriod: string) {
  return db
    .selectFrom('registry_history')
    .select(['account_id', 'period', 'days_past_due', 'status'])
    .where('account_id', 'in', accountIds)
    .where('period', '>=', fromPeriod);
}

export async function accountHistory(db: Kysely<Database>, accountIds: number[], fromPeriod: string): Promise<HistoryMonth[]> {
  if (accountIds.length === 0) return [];
  const rows = await accountHistoryQuery(db, accountIds, fromPeriod).execute();
  return rows.map((r) => ({ accountId: r.account_id, period: r.period, daysPastDue: r.days_past_due, status: r.status }));
}

export interface PastInquiry {
  at: string;
  purpose: Purpose;
  cooperativeId: number | null;
  cooperativeCode: string | null;
  cooperativeName: string | null;
}

/** Inquiries about a subject since `since` (an instant), newest first: index on (subject_key, created_at). */
export function subjectInquiriesQuery(db: Kysely<Database>, subjectKey: string, since: string, limit = 1000) {
  return db
    .selectFrom('inquiries as i')
    .leftJoin('cooperatives as c', 'c.id', 'i.cooperative_id')
    .select(['i.created_at', 'i.purpose', 'i.cooperative_id', 'c.code', 'c.name'])
    .where('i.subject_key', '=', subjectKey)
    .where('i.created_at', '>=', since)
    .orderBy('i.created_at', 'desc')
    .limit(limit);
}

export async function subjectInquiries(db: Kysely<Database>, subjectKey: string, since: string, limit = 1000): Promise<PastInquiry[]> {
  const rows = await subjectInquiriesQuery(db, subjectKey, since, limit).execute();
  return rows.map((r) => ({ at: r.created_at, purpose: r.purpose, cooperativeId: r.cooperative_id, cooperativeCode: r.code, cooperativeName: r.name }));
}
