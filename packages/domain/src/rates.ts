/**
 * Repayment frequencies and the conversion of a quoted rate to an exact per-period rate.
 */
import { addDays, addMonthsClamped, parseIsoDate } from './dates.ts';
import { decimalOfNumber, pow10 } from './decimal.ts';
import { EngineError } from './errors.ts';

/** How often instalments fall due. */
export type Frequency = 'daily' | 'weekly' | 'fortnightly' | 'monthly';

/** The period a quoted rate refers to: cooperatives usually quote per month. */
export type RatePeriod = 'month' | 'year';

/** Every frequency, for validation and pickers. */
export const FREQUENCIES: readonly Frequency[] = ['daily', 'weekly', 'fortnightly', 'monthly'];

/** Instalment periods in a year: 365 daily, 52 weekly, 26 fortnightly, 12 monthly. */
export const PERIODS_PER_YEAR: Readonly<Record<Frequency, number>> = {
  daily: 365,
  weekly: 52,
  fortnightly: 26,
  monthly: 12,
};

/** An exact non-negative fraction `num / den`. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

/** True when `value` names a frequency. */
export function isFrequency(value: unknown): value is Frequency {
  return typeof value === 'string' && (FREQUENCIES as readonly string[]).includes(value);
}

/**
 * The exact interest fraction per instalment period. A per-year rate is divided by the
 * periods per year; a per-month rate is multiplied by 12 first (so 1 %/month weekly is
 * 12/52 % a week, and 1 %/month monthly is exactly 1/100).
 *
 * @example periodRate(12, 'year', 'monthly') // { num: 12n, den: 1200n } = 1 %
 */
export function periodRate(ratePercent: number, ratePeriod: RatePeriod, frequency: Frequency): Ratio {
  const exact = decimalOfNumber(ratePercent);
  if (exact === undefined || exact.units < 0n) {
    throw new EngineError('invalid_terms', 'ratePercent', 'rate must be a finite, non-negative number', { value: ratePercent });
  }
  const perYearFactor = ratePeriod === 'month' ? 12n : 1n;
  return { num: exact.units * perYearFactor, den: pow10(exact.scale) * 100n * BigInt(PERIODS_PER_YEAR[frequency]) };
}

/** A ratio as a float (for formulas such as the annuity factor that are irrational anyway). */
export function ratioToNumber(ratio: Ratio): number {
  return Number(ratio.num) / Number(ratio.den);
}

/**
 * Due date of instalment `k` (1-based) for a loan disbursed on `startDate`: `k` periods
 * later. Monthly dates are computed from the start date and clamp to month end.
 *
 * @example dueDate('2024-01-31', 'monthly', 1) // '2024-02-29'
 */
export function dueDate(startDate: string, frequency: Frequency, k: number): string {
  switch (frequency) {
    case 'daily':
      return addDays(startDate, k);
    case 'weekly':
      return addDays(startDate, 7 * k);
    case 'fortnightly':
      return addDays(startDate, 14 * k);
    case 'monthly':
      return addMonthsClamped(startDate, k, parseIsoDate(startDate).day);
  }
}
