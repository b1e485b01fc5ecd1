/**
 * Loan terms in, instalment schedule out. See `schedule-methods.ts` for the arithmetic of
 * each interest method and docs/loan-engine.md for the formulas.
 */
import { isIsoDate } from './dates.ts';
import { EngineError } from './errors.ts';
import { isRoundingMode } from './money.ts';
import type { RoundingMode } from './money.ts';
import { isFrequency, periodRate } from './rates.ts';
import type { Frequency, RatePeriod } from './rates.ts';
import { buildInstallments } from './schedule-methods.ts';

/**
 * - `flat` (bunga tetap): interest every period on the original principal;
 * - `effective` (efektif / menurun): equal principal, interest on the declining balance;
 * - `annuity` (anuitas): equal instalments, interest on the declining balance.
 */
export type InterestMethod = 'flat' | 'effective' | 'annuity';

/** Every interest method, for validation and pickers. */
export const INTEREST_METHODS: readonly InterestMethod[] = ['flat', 'effective', 'annuity'];

/** What a loan agreement says. Amounts in minor units, rate in per cent per `ratePeriod`. */
export interface LoanTerms {
  readonly principal: number;
  readonly ratePercent: number;
  readonly ratePeriod: RatePeriod;
  /** Number of instalments. */
  readonly tenor: number;
  readonly method: InterestMethod;
  readonly frequency: Frequency;
  /** Disbursement date; the first instalment falls due one period later. */
  readonly startDate: string;
  /** First k instalments pay interest only (no principal). */
  readonly gracePrincipal?: number;
  /** First k instalments pay no interest; the deferred interest is due with instalment k+1. */
  readonly graceInterest?: number;
  /** Currency decimals (rupiah 0). Amounts are already minor units; recorded for display. */
  readonly decimals?: number;
  /** Rounding of every interest and principal amount (default `half-even`). */
  readonly rounding?: RoundingMode;
  /** Round instalments to a multiple of this many minor units; the last one absorbs the rest. */
  readonly multiple?: number;
  /** How instalments are rounded to `multiple` (default `up`, as cooperatives do). */
  readonly multipleRounding?: RoundingMode;
}

/** Terms after validation, with every default filled in. */
export interface NormalizedTerms extends Required<Omit<LoanTerms, 'multiple'>> {
  readonly multiple: number | null;
}

/** One instalment. `balance` is the principal still owed after it is paid. */
export interface Installment {
  readonly n: number;
  readonly dueDate: string;
  readonly principal: number;
  readonly interest: number;
  readonly total: number;
  readonly balance: number;
}

/** Sums over all instalments. */
export interface ScheduleTotals {
  readonly principal: number;
  readonly interest: number;
  readonly total: number;
}

/** A repayment schedule with the terms that produced it. */
export interface Schedule {
  readonly terms: NormalizedTerms;
  readonly installments: readonly Installment[];
  readonly totals: ScheduleTotals;
}

const MAX_TENOR = 3660;
const MAX_RATE_PERCENT = 1000;

function fail(field: string, message: string, value: unknown): never {
  throw new EngineError('invalid_terms', field, message, { value });
}

function checkInteger(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(field, `${field} must be an integer from ${min} to ${max}`, value);
  }
  return value;
}

function checkEnums(terms: LoanTerms): void {
  if (terms.ratePeriod !== 'month' && terms.ratePeriod !== 'year') fail('ratePeriod', 'ratePeriod must be month or year', terms.ratePeriod);
  if (!INTEREST_METHODS.includes(terms.method)) fail('method', 'method must be flat, effective or annuity', terms.method);
  if (!isFrequency(terms.frequency)) fail('frequency', 'frequency must be daily, weekly, fortnightly or monthly', terms.frequency);
  if (!isIsoDate(terms.startDate)) fail('startDate', 'startDate must be a calendar date YYYY-MM-DD', terms.startDate);
  for (const field of ['rounding', 'multipleRounding'] as const) {
    const mode = terms[field];
    if (mode !== undefined && !isRoundingMode(mode)) fail(field, `${field} must be a rounding mode`, mode);
  }
}

/**
 * Validates terms and fills defaults; throws `EngineError('invalid_terms')` naming the field.
 */
export function normalizeTerms(terms: LoanTerms): NormalizedTerms {
  const principal = checkInteger('principal', terms.principal, 1, Number.MAX_SAFE_INTEGER);
  const rate = terms.ratePercent;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > MAX_RATE_PERCENT) {
    fail('ratePercent', `ratePercent must be a number from 0 to ${MAX_RATE_PERCENT}`, rate);
  }
  const tenor = checkInteger('tenor', terms.tenor, 1, MAX_TENOR);
  checkEnums(terms);
  const multiple = terms.multiple === undefined ? null : checkInteger('multiple', terms.multiple, 1, principal);
  return {
    principal,
    ratePercent: rate,
    ratePeriod: terms.ratePeriod,
    tenor,
    method: terms.method,
    frequency: terms.frequency,
    startDate: terms.startDate,
    gracePrincipal: checkInteger('gracePrincipal', terms.gracePrincipal ?? 0, 0, tenor - 1),
    graceInterest: checkInteger('graceInterest', terms.graceInterest ?? 0, 0, tenor - 1),
    decimals: checkInteger('decimals', terms.decimals ?? 0, 0, 8),
    rounding: terms.rounding ?? 'half-even',
    multiple,
    multipleRounding: terms.multipleRounding ?? 'up',
  };
}

function checkInterestFits(terms: NormalizedTerms): void {
  // Balance never exceeds the principal, so tenor × principal × rate bounds all interest.
  const rate = periodRate(terms.ratePercent, terms.ratePeriod, terms.frequency);
  const bound = (BigInt(terms.principal) * rate.num * BigInt(terms.tenor)) / rate.den + BigInt(terms.principal) * 2n;
  if (bound > BigInt(Number.MAX_SAFE_INTEGER)) {
    fail('principal', 'principal × rate × tenor exceeds the safe-integer range of minor units', terms.principal);
  }
}

/**
 * Builds the instalment schedule. Principal always sums exactly to the loan amount, the
 * last instalment absorbing rounding; balances never go negative.
 *
 * @example
 * buildSchedule({ principal: 1_200_000, ratePercent: 1, ratePeriod: 'month', tenor: 12,
 *   method: 'flat', frequency: 'monthly', startDate: '2024-01-15' });
 * // 12 × { principal: 100_000, interest: 12_000, total: 112_000 }
 */
export function buildSchedule(terms: LoanTerms): Schedule {
  const normalized = normalizeTerms(terms);
  checkInterestFits(normalized);
  const installments = buildInstallments(normalized);
  let principal = 0;
  let interest = 0;
  for (const row of installments) {
    principal += row.principal;
    interest += row.interest;
  }
  return { terms: normalized, installments, totals: { principal, interest, total: principal + interest } };
}
