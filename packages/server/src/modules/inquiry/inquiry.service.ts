import { createHash } from 'node:crypto';
import { canonicalNik, monthsBefore, parseNik } from '@simpul/domain';
import { businessDate } from '../../config/env.ts';
import type { Actor, Services } from '../../http/context.ts';
import { AppError, badRequest, forbidden } from '../../http/errors.ts';
import type { Lang } from '../../http/messages.ts';
import { actorLabel } from '../audit/audit.service.ts';
import { birthToken, nameToken, subjectKey } from '../registry/pseudonym.ts';
import { accountHistory, subjectAccounts, subjectInquiries, type SubjectAccount } from './inquiry.repository.ts';
import { recordInquiry } from './inquiry.recorder.ts';
import { sqliteAccountHistory, sqliteSubjectAccounts, sqliteSubjectInquiries } from './inquiry.sqlite.ts';
import { buildReport, type CreditReport } from './inquiry.report.ts';
import { PURPOSES, type Purpose, type RegistryAlertsTable } from './inquiry.table.ts';
import { RIGHTS_TEXT } from './inquiry.texts.ts';
import type { Insertable } from 'kysely';

/** What an inquirer sends; purpose and consent are checked here so every channel refuses alike. */
export interface InquiryRequest {
  nik: string;
  fullName: string;
  birthDate: string;
  purpose?: string | undefined;
  consentRef?: string | undefined;
  /** Monthly net income and the requested loan's instalment (minor units), for the debt-service ratio. */
  income?: number | undefined;
  requestedInstalment?: number | undefined;
}

/** Who asks: the acting user or system, and the cooperative the inquiry is made for. */
export interface Inquirer {
  actor: Actor | null;
  cooperativeId: number | null;
}

const DAY_MS = 86_400_000;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function isPurpose(value: string | undefined): value is Purpose {
  return PURPOSES.some((p) => p === value);
}

/** Refuses an inquiry without purpose, consent or a well-formed identity: 400, nothing read. */
export function checkRequest(req: InquiryRequest, now: Date): { purpose: Purpose; consentRef: string; nik: string } {
  if (!isPurpose(req.purpose)) throw badRequest('inquiry_purpose_required');
  const consentRef = req.consentRef?.trim() ?? '';
  if (consentRef === '') throw badRequest('inquiry_consent_required');
  const parsed = parseNik(canonicalNik(req.nik), { referenceYear: now.getUTCFullYear() });
  if (!parsed.ok) throw new AppError(400, parsed.code, {}, [{ path: 'nik', code: parsed.code }]);
  if (req.fullName.trim() === '') throw badRequest('inquiry_name_required');
  if (!DATE.test(req.birthDate)) throw new AppError(400, 'invalid_date', {}, [{ path: 'birthDate', code: 'invalid_date' }]);
  return { purpose: req.purpose, consentRef: consentRef.slice(0, 200), nik: parsed.nik };
}

/** Dinas staff may print a member's own report at the member's request, and nothing else. */
function checkInquirer(who: Inquirer, purpose: Purpose): void {
  if (who.cooperativeId === null && purpose !== 'own_request') throw forbidden();
}

/** Every UTC offset is a whole number of quarter hours, so the business date holds through one. */
const QUARTER_HOUR_MS = 900_000;
let lastMonthSeen = { quarter: -1, month: '' };

/** The month before the business date's, worked out once per quarter hour rather than per inquiry (Intl formatting, the zone read from process.env). */
function lastMonthAt(now: Date): string {
  const quarter = Math.floor(now.getTime() / QUARTER_HOUR_MS);
  if (lastMonthSeen.quarter !== quarter) lastMonthSeen = { quarter, month: monthsBefore(businessDate(now).slice(0, 7), 1) };
  return lastMonthSeen.month;
}

/** The newest month of the history: last month, or a later month already furnished. */
function latestPeriod(accounts: SubjectAccount[], now: Date): string {
  return accounts.reduce((max, a) => (a.lastPeriod > max ? a.lastPeriod : max), lastMonthAt(now));
}

/** Stacking alerts: every other cooperative with an open account hears of a new-loan inquiry. */
function inquiryAlerts(accounts: SubjectAccount[], who: Inquirer, purpose: Purpose, subject: string, at: string) {
  return (inquiryId: number): Insertable<RegistryAlertsTable>[] => {
    if (purpose !== 'new_loan') return [];
    return accounts
      .filter((a) => a.cooperativeId !== who.cooperativeId && (a.status === 'active' || a.status === 'restructured'))
      .map((a) => ({ cooperative_id: a.cooperativeId, account_id: a.id, subject_key: subject, kind: 'inquiry_elsewhere', source_cooperative_id: who.cooperativeId, dedup_key: `inquiry:${inquiryId}:${a.id}`, created_at: at }));
  };
}

/** The subject's registry reads: prepared statements on embedded SQLite, Kysely (and a replica, if set) otherwise. */
function subjectReads(services: Services) {
  const conn = services.db.sqlite;
  if (conn) {
    return {
      accounts: async (key: string) => sqliteSubjectAccounts(conn, key),
      inquiries: async (key: string, since: string) => sqliteSubjectInquiries(conn, key, since),
      history: async (ids: number[], from: string) => sqliteAccountHistory(conn, ids, from),
    };
  }
  const reader = services.db.reader;
  return {
    accounts: (key: string) => subjectAccounts(reader, key),
    inquiries: (key: string, since: string) => subjectInquiries(reader, key, since),
    history: (ids: number[], from: string) => accountHistory(reader, ids, from),
  };
}

export type InquiryResponse = CreditReport & {
  inquiryId: number;
  /** Only on the member's own report: who looked, when and why, and the member's rights. */
  inquiries?: { at: string; purpose: Purpose; cooperative: { code: string; name: string } | null }[];
  rights?: string[];
};

/** An inquiry's answer: the report, and its JSON text exactly as it is answered. */
export interface InquiryAnswer {
  report: InquiryResponse;
  /**
   * `{"inquiryId":N,` and then the very bytes whose SHA-256 is the recorded response hash:
   * the report is serialised once, and what is hashed is what the inquirer receives.
   */
  json: string;
}

/** The inquiry as an object (the CLI, the PDF, callers in process); see answerInquiry. */
export async function inquire(services: Services, who: Inquirer, req: InquiryRequest, lang: Lang): Promise<InquiryResponse> {
  return (await answerInquiry(services, who, req, lang)).report;
}

/**
 * An inquiry: checks purpose and consent, reads the subject's registry lines by
 * `subject_key` (index lookups only), builds the report and score, records the inquiry in the
 * audit chain, raises stacking alerts, and only then answers.
 */
export async function answerInquiry(services: Services, who: Inquirer, req: InquiryRequest, lang: Lang): Promise<InquiryAnswer> {
  const now = services.now();
  const { purpose, consentRef, nik } = checkRequest(req, now);
  checkInquirer(who, purpose);
  const subject = subjectKey(services.keys, nik);
  const own = purpose === 'own_request';
  const reads = subjectReads(services);
  const accounts = await reads.accounts(subject);
  const since = own ? new Date(now.getTime() - 730 * DAY_MS) : new Date(now.getTime() - 90 * DAY_MS);
  const newest = latestPeriod(accounts, now);
  const [inquiries, history] = await Promise.all([
    reads.inquiries(subject, since.toISOString()),
    reads.history(accounts.map((a) => a.id), monthsBefore(newest, 23)),
  ]);
  const report = buildReport({
    accounts, history, inquiries, purpose, cooperativeId: who.cooperativeId, latestPeriod: newest, now, lang,
    nameToken: nameToken(services.keys, req.fullName), birthToken: birthToken(services.keys, req.birthDate),
    income: req.income, requestedInstalment: req.requestedInstalment,
  });
  const extra = own
    ? { inquiries: inquiries.map((i) => ({ at: i.at, purpose: i.purpose, cooperative: i.cooperativeCode && i.cooperativeName ? { code: i.cooperativeCode, name: i.cooperativeName } : null })), rights: RIGHTS_TEXT[lang] }
    : {};
  const body = { ...report, ...extra };
  // The answer after its inquiryId: hashed for the record, then sent as it is (one serialisation).
  const text = JSON.stringify(body);
  const at = now.toISOString();
  const inquiryId = await recordInquiry(services, {
    actor: who.actor,
    row: {
      subject_key: subject, cooperative_id: who.cooperativeId, user_id: who.actor?.kind === 'user' ? who.actor.userId : null, actor: actorLabel(who.actor),
      purpose, consent_ref: consentRef, identity_match: report.identityMatch, created_at: at,
      response_hash: createHash('sha256').update(text).digest('hex'),
    },
    alerts: inquiryAlerts(accounts, who, purpose, subject, at),
  });
  return { report: { inquiryId, ...body }, json: `{"inquiryId":${inquiryId},${text.slice(1)}` };
}
