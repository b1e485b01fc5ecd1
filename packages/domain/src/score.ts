/**
 * The registry's explainable credit score and the 24-month history codes it reads.
 *
 * score = clamp(300, 800, 800 − history − stacking − burden), each penalty capped:
 *   history  (≤ 400): per account, the worst month weighed by recency —
 *                      max over months of SEVERITY[code] × 40 × weight(age), summed over accounts;
 *   stacking (≤ 200): 40 × (lenders with an open account − 1) + 25 × (lender inquiries in 30 days − 1);
 *   burden   (≤ 200): 400 × (debt-service ratio − 0.30) when the ratio is known and above 30 %.
 * Grades: A ≥ 720, B ≥ 650, C ≥ 580, D ≥ 500, E below. See docs/score.md.
 *
 * Every penalty only grows when its input gets worse, so a worse history, more stacking or a
 * higher debt burden can never raise the score (property-tested).
 */

/** One character per month of the 24-month history (see `historyCode`). */
export type HistoryCode = '0' | '1' | '2' | '3' | '4' | '5' | '6' | 'R' | 'W' | 'F' | 'C' | '-';

/** The account statuses the registry knows. */
export type RegistryStatus = 'active' | 'settled' | 'restructured' | 'written_off' | 'forgiven';

/** How bad a month is, 0 (fine or unknown) to 7 (written off / forgiven). */
export const HISTORY_SEVERITY: Readonly<Record<HistoryCode, number>> = {
  '0': 0, C: 0, '-': 0, '1': 1, '2': 2, '3': 3, R: 3, '4': 4, '5': 5, '6': 6, W: 7, F: 7,
};

const SEVERITY_BY_CHAR: ReadonlyMap<string, number> = new Map(Object.entries(HISTORY_SEVERITY));

/** Upper DPD bound of history codes 1–5 (code 6 is everything above 180). */
const DPD_BANDS: readonly [number, HistoryCode][] = [[0, '0'], [30, '1'], [60, '2'], [90, '3'], [120, '4'], [180, '5']];

/**
 * The history character of one reported month: the status speaks first (R, W, F, C),
 * otherwise the DPD band.
 *
 * @example historyCode(45, 'active') // '2'
 * @example historyCode(0, 'settled') // 'C'
 */
export function historyCode(daysPastDue: number, status: RegistryStatus): HistoryCode {
  if (status === 'restructured') return 'R';
  if (status === 'written_off') return 'W';
  if (status === 'forgiven') return 'F';
  if (status === 'settled') return 'C';
  for (const [max, code] of DPD_BANDS) if (daysPastDue <= max) return code;
  return '6';
}

/** 'YYYY-MM' of the month `back` months before `period`. */
export function monthsBefore(period: string, back: number): string {
  const index = Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1 - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The 24-month history string, newest first, ending at `latest`: one code per month, '-'
 * where the account was not reported.
 *
 * @example historyString(new Map([['2026-10', '0'], ['2026-08', '2']]), '2026-10', 4) // '0-2-'
 */
export function historyString(codes: ReadonlyMap<string, HistoryCode>, latest: string, months = 24): string {
  let out = '';
  for (let back = 0; back < months; back++) out += codes.get(monthsBefore(latest, back)) ?? '-';
  return out;
}

/** What the score reads; amounts are not needed, only their ratio. */
export interface ScoreInput {
  /** Each account's history string, newest first (up to 24 characters). */
  readonly histories: readonly string[];
  /** Distinct cooperatives with an open (active or restructured) account. */
  readonly openLenders: number;
  /** Inquiries for a loan by any cooperative in the last 30 days, this one included. */
  readonly recentInquiries: number;
  /** (existing monthly instalments + the requested one) ÷ monthly income; null when unknown. */
  readonly debtServiceRatio: number | null;
}

export type ScoreReasonCode =
  | 'write_off' | 'serious_delinquency' | 'recent_delinquency' | 'past_delinquency' | 'restructured'
  | 'many_lenders' | 'recent_inquiries' | 'high_debt_burden' | 'no_history';

export interface ScoreReason {
  readonly code: ScoreReasonCode;
  /** Points this reason took off (0 for information only). */
  readonly points: number;
}

export type Grade = 'A' | 'B' | 'C' | 'D' | 'E';

export interface Score {
  readonly value: number;
  readonly grade: Grade;
  readonly penalties: { readonly history: number; readonly stacking: number; readonly burden: number };
  /** Up to four, largest first. */
  readonly reasons: readonly ScoreReason[];
}

export const SCORE_MAX = 800;
export const SCORE_MIN = 300;
const GRADES: readonly [number, Grade][] = [[720, 'A'], [650, 'B'], [580, 'C'], [500, 'D']];

/** Recent months weigh more: the last 6 fully, 7–12 by three quarters, 13–24 by half. */
function recencyWeight(age: number): number {
  return age < 6 ? 1 : age < 12 ? 0.75 : 0.5;
}

/** An account's worst month, weighed by recency, with the month's code and age. */
function worstMonth(history: string): { points: number; code: string; age: number } {
  let worst = { points: 0, code: '0', age: 0 };
  for (let age = 0; age < Math.min(history.length, 24); age++) {
    const code = history[age] ?? '-';
    const points = severityOf(code) * 40 * recencyWeight(age);
    if (points > worst.points) worst = { points, code, age };
  }
  return worst;
}

/** Severity of a history character; anything unknown counts as not reported. */
export function severityOf(code: string): number {
  return SEVERITY_BY_CHAR.get(code) ?? 0;
}

function historyReason(code: string, age: number): ScoreReasonCode {
  if (code === 'W' || code === 'F') return 'write_off';
  if (code === 'R') return 'restructured';
  if (severityOf(code) >= 4) return 'serious_delinquency';
  return age < 6 ? 'recent_delinquency' : 'past_delinquency';
}

function historyPenalty(histories: readonly string[]): { points: number; reasons: Map<ScoreReasonCode, number> } {
  let points = 0;
  const reasons = new Map<ScoreReasonCode, number>();
  for (const history of histories) {
    const worst = worstMonth(history);
    if (worst.points === 0) continue;
    points += worst.points;
    const reason = historyReason(worst.code, worst.age);
    reasons.set(reason, (reasons.get(reason) ?? 0) + worst.points);
  }
  return { points: Math.min(400, Math.round(points)), reasons };
}

/**
 * The score of a credit report.
 *
 * @example creditScore({ histories: ['000000'], openLenders: 1, recentInquiries: 1, debtServiceRatio: 0.25 }).value // 800
 */
export function creditScore(input: ScoreInput): Score {
  const history = historyPenalty(input.histories);
  const lenders = 40 * Math.max(0, input.openLenders - 1);
  const inquiries = 25 * Math.max(0, input.recentInquiries - 1);
  const stacking = Math.min(200, lenders + inquiries);
  const dsr = input.debtServiceRatio;
  const burden = dsr === null || !(dsr > 0.3) ? 0 : Math.min(200, Math.round((dsr - 0.3) * 400));
  const value = Math.max(SCORE_MIN, SCORE_MAX - history.points - stacking - burden);
  const candidates: ScoreReason[] = [...history.reasons].map(([code, points]) => ({ code, points: Math.round(points) }));
  if (lenders > 0) candidates.push({ code: 'many_lenders', points: lenders });
  if (inquiries > 0) candidates.push({ code: 'recent_inquiries', points: inquiries });
  if (burden > 0) candidates.push({ code: 'high_debt_burden', points: burden });
  candidates.sort((a, b) => b.points - a.points);
  if (input.histories.length === 0) candidates.push({ code: 'no_history', points: 0 });
  const grade = GRADES.find(([min]) => value >= min)?.[1] ?? 'E';
  return { value, grade, penalties: { history: history.points, stacking, burden }, reasons: candidates.slice(0, 4) };
}

/** Monthly equivalent of an instalment: weekly × 52 ÷ 12 and so on, rounded half up. */
export function monthlyInstalment(amount: number, periodsPerYear: number): number {
  return Math.round((amount * periodsPerYear) / 12);
}
