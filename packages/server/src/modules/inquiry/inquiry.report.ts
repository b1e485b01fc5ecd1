import {
  PERIODS_PER_YEAR, classify, creditScore, historyCode, historyString, monthlyInstalment, monthsBefore,
  type HistoryCode,
} from '@simpul/domain';
import type { Lang } from '../../http/messages.ts';
import type { HistoryMonth, PastInquiry, SubjectAccount } from './inquiry.repository.ts';
import type { Purpose } from './inquiry.table.ts';
import { REASON_TEXT } from './inquiry.texts.ts';
import { REGISTRY_POLICY } from '../registry/registry.policy.ts';


export type IdentityMatch = 'full' | 'partial' | 'none' | 'unknown';

export interface ReportInput {
  accounts: SubjectAccount[];
  history: HistoryMonth[];
  /** Earlier inquiries about the subject in the last 90 days, newest first. */
  inquiries: PastInquiry[];
  nameToken: string;
  birthToken: string;
  purpose: Purpose;
  cooperativeId: number | null;
  /** The newest month of the 24-month history. */
  latestPeriod: string;
  now: Date;
  income?: number | undefined;
  requestedInstalment?: number | undefined;
  lang: Lang;
}

const OPEN = new Set(['active', 'restructured']);
const DAY_MS = 86_400_000;

/**
 * full: every lender furnished this name and birth date; partial: some name or birth date
 * matches; none: nothing matches (a typo — or someone else's NIK); unknown: never furnished.
 */
export function identityMatch(accounts: SubjectAccount[], nameToken: string, birthToken: string): IdentityMatch {
  if (accounts.length === 0) return 'unknown';
  const both = accounts.filter((a) => a.nameToken === nameToken && a.birthToken === birthToken).length;
  if (both === accounts.length) return 'full';
  return accounts.some((a) => a.nameToken === nameToken || a.birthToken === birthToken) ? 'partial' : 'none';
}

/** Account references are shown with only their last four characters. */
export function maskRef(ref: string): string {
  return ref.length <= 4 ? '****' : `${'*'.repeat(Math.min(8, ref.length - 4))}${ref.slice(-4)}`;
}

function classCode(account: SubjectAccount): string | null {
  if (account.status === 'written_off') return REGISTRY_POLICY.classes.at(-1)?.code ?? null;
  if (!OPEN.has(account.status)) return null;
  return classify(account.daysPastDue, account.frequency ?? 'monthly', REGISTRY_POLICY).code;
}

/** A class's rank in the policy, worst last; -1 for none. */
const CLASS_RANK = new Map(REGISTRY_POLICY.classes.map((c, rank) => [c.code, rank]));
const rankOf = (code: string | null): number => (code === null ? -1 : (CLASS_RANK.get(code) ?? -1));

function worstOf(codes: (string | null)[]): string | null {
  let worst: { rank: number; code: string } | null = null;
  for (const code of codes) {
    const rank = rankOf(code);
    if (code !== null && rank >= 0 && (worst === null || rank > worst.rank)) worst = { rank, code };
  }
  return worst?.code ?? null;
}

function monthlyOf(a: SubjectAccount): number {
  return a.instalmentAmount === null ? 0 : monthlyInstalment(a.instalmentAmount, PERIODS_PER_YEAR[a.frequency ?? 'monthly']);
}

/** Each account's history string, newest first, and the worst class any month of it reached. */
function histories(input: ReportInput): Map<number, { text: string; worstClass: string | null }> {
  const oldest = monthsBefore(input.latestPeriod, 23);
  // Per account: its months' codes, and the worst class a month reached (kept as it goes).
  const lines = new Map<number, { codes: Map<string, HistoryCode>; worst: string | null }>();
  for (const m of input.history) {
    if (m.period < oldest || m.period > input.latestPeriod) continue;
    const code = historyCode(m.daysPastDue, m.status);
    let line = lines.get(m.accountId);
    if (!line) lines.set(m.accountId, (line = { codes: new Map(), worst: null }));
    line.codes.set(m.period, code);
    const cls = code === 'W' ? 'M' : OPEN.has(m.status) ? classify(m.daysPastDue, 'monthly', REGISTRY_POLICY).code : null;
    if (rankOf(cls) > rankOf(line.worst)) line.worst = cls;
  }
  return new Map(input.accounts.map((a) => {
    const line = lines.get(a.id);
    return [a.id, { text: historyString(line?.codes ?? new Map(), input.latestPeriod), worstClass: line?.worst ?? null }];
  }));
}

function within(inquiries: PastInquiry[], now: Date, days: number): PastInquiry[] {
  const since = new Date(now.getTime() - days * DAY_MS).toISOString();
  return inquiries.filter((i) => i.at >= since && i.purpose !== 'own_request' && i.purpose !== 'dispute');
}

/** Distinct cooperatives that asked for a new loan in 30 days, the present inquiry included. */
function recentLoanInquirers(input: ReportInput): number {
  const coops = new Set(within(input.inquiries, input.now, 30).filter((i) => i.purpose === 'new_loan').map((i) => i.cooperativeId));
  if (input.purpose === 'new_loan') coops.add(input.cooperativeId);
  return coops.size;
}

/** The credit report's figures (everything but the inquiry id). */
export function buildReport(input: ReportInput) {
  const lines = histories(input);
  const open = input.accounts.filter((a) => OPEN.has(a.status));
  const monthly = open.reduce((sum, a) => sum + monthlyOf(a), 0);
  const hasHistory = (a: SubjectAccount, ch: string) => (lines.get(a.id)?.text ?? '').includes(ch);
  const debtService = input.income !== undefined && input.income > 0
    ? { income: input.income, existingMonthly: monthly, requestedInstalment: input.requestedInstalment ?? 0, ratio: Math.round(((monthly + (input.requestedInstalment ?? 0)) / input.income) * 10_000) / 10_000 }
    : null;
  const score = creditScore({
    histories: input.accounts.map((a) => lines.get(a.id)?.text ?? ''),
    openLenders: new Set(open.map((a) => a.cooperativeId)).size,
    recentInquiries: recentLoanInquirers(input),
    debtServiceRatio: debtService?.ratio ?? null,
  });
  return {
    purpose: input.purpose,
    generatedAt: input.now.toISOString(),
    identityMatch: identityMatch(input.accounts, input.nameToken, input.birthToken),
    classificationPolicy: REGISTRY_POLICY.id,
    summary: {
      activeAccounts: open.length,
      totalOutstanding: open.reduce((sum, a) => sum + a.outstanding, 0),
      monthlyInstalments: monthly,
      worstClassNow: worstOf(input.accounts.map(classCode)),
      worstClass24Months: worstOf([...input.accounts.map(classCode), ...[...lines.values()].map((l) => l.worstClass)]),
      restructuredAccounts: input.accounts.filter((a) => a.status === 'restructured' || hasHistory(a, 'R')).length,
      writtenOffAccounts: input.accounts.filter((a) => a.status === 'written_off' || hasHistory(a, 'W')).length,
      forgivenAccounts: input.accounts.filter((a) => a.status === 'forgiven' || hasHistory(a, 'F')).length,
      disputedEntries: input.accounts.filter((a) => a.disputed).length,
      inquiriesLast30Days: within(input.inquiries, input.now, 30).length,
      inquiriesLast90Days: within(input.inquiries, input.now, 90).length,
    },
    accounts: input.accounts.map((a) => ({
      accountId: a.id,
      cooperative: { code: a.cooperativeCode, name: a.cooperativeName },
      accountRef: maskRef(a.accountRef),
      product: a.product,
      openedOn: a.openedOn,
      originalAmount: a.originalAmount,
      outstanding: a.outstanding,
      arrears: a.arrears,
      daysPastDue: a.daysPastDue,
      class: classCode(a),
      status: a.status,
      lastPeriod: a.lastPeriod,
      notReportedSince: a.notReportedSince,
      disputed: a.disputed,
      history: lines.get(a.id)?.text ?? '-'.repeat(24),
    })),
    score: {
      value: score.value,
      grade: score.grade,
      reasons: score.reasons.map((r) => ({ code: r.code, points: r.points, message: REASON_TEXT[r.code][input.lang] })),
    },
    debtService,
  };
}

export type CreditReport = ReturnType<typeof buildReport>;
