/**
 * Capacity to pay: the largest instalment a member can carry, and the tenors that fit it.
 *
 * Rule (monthly amounts, minor units):
 *   by debt-service ratio  = floor(income × maxDebtServiceRatio) − other instalments
 *   by disposable income   = income − living expenses − other instalments
 *   largest instalment     = max(0, min(both))
 * i.e. all debt service stays within 30 % of net income (the default ratio; 35 % is also
 * common — pass it), and the new instalment must be covered by what is left after living
 * costs and the debts the registry shows elsewhere.
 */
import { decimalOfNumber, pow10 } from './decimal.ts';
import { EngineError } from './errors.ts';
import { assertMoney, divRound } from './money.ts';
import { PERIODS_PER_YEAR } from './rates.ts';
import type { Frequency } from './rates.ts';
import { buildSchedule } from './schedule.ts';
import type { LoanTerms } from './schedule.ts';

/** A member's monthly household finances (minor units). */
export interface CapacityInput {
  readonly income: number;
  readonly expenses: number;
  readonly otherInstallments: number;
  /** Share of net income all debt service may take, as a fraction (default 0.30). */
  readonly maxDebtServiceRatio?: number;
  /** Express the result per instalment period of this frequency (default monthly). */
  readonly frequency?: Frequency;
}

/** The capacity figures; `maxInstallment` is per period of the requested frequency. */
export interface Capacity {
  readonly disposableIncome: number;
  readonly byDebtServiceRatio: number;
  readonly byDisposableIncome: number;
  readonly monthlyMaxInstallment: number;
  readonly maxInstallment: number;
  readonly binding: 'debt_service_ratio' | 'disposable_income';
}

function fractionOf(amount: number, fraction: number): number {
  const exact = decimalOfNumber(fraction);
  if (exact === undefined || fraction < 0 || fraction > 1) {
    throw new EngineError('invalid_input', 'maxDebtServiceRatio', 'maxDebtServiceRatio must be a fraction from 0 to 1', { value: fraction });
  }
  return Number(divRound(BigInt(amount) * exact.units, pow10(exact.scale), 'down'));
}

/**
 * The largest affordable instalment.
 *
 * @example
 * // 5,000,000 income, 3,000,000 expenses, 500,000 elsewhere: min(1,500,000 − 500,000, 1,500,000)
 * capacityToPay({ income: 5_000_000, expenses: 3_000_000, otherInstallments: 500_000 }).maxInstallment // 1_000_000
 */
export function capacityToPay(input: CapacityInput): Capacity {
  assertMoney(input.income, 'income', { min: 0 });
  assertMoney(input.expenses, 'expenses', { min: 0 });
  assertMoney(input.otherInstallments, 'otherInstallments', { min: 0 });
  const disposableIncome = input.income - input.expenses - input.otherInstallments;
  const byDebtServiceRatio = fractionOf(input.income, input.maxDebtServiceRatio ?? 0.3) - input.otherInstallments;
  const monthly = Math.max(0, Math.min(byDebtServiceRatio, disposableIncome));
  const periodsPerYear = PERIODS_PER_YEAR[input.frequency ?? 'monthly'];
  return {
    disposableIncome,
    byDebtServiceRatio,
    byDisposableIncome: disposableIncome,
    monthlyMaxInstallment: monthly,
    // Twelve months of capacity spread over the year's periods, rounded down.
    maxInstallment: Math.floor((monthly * 12) / periodsPerYear),
    binding: byDebtServiceRatio <= disposableIncome ? 'debt_service_ratio' : 'disposable_income',
  };
}

/** A tenor whose largest instalment fits. */
export interface TenorOption {
  readonly tenor: number;
  readonly largestInstallment: number;
  readonly totalInterest: number;
  readonly total: number;
}

const DEFAULT_MAX_TENOR: Readonly<Record<Frequency, number>> = { monthly: 60, fortnightly: 130, weekly: 260, daily: 365 };

/**
 * Every tenor from 1 to `maxTenor` whose largest instalment is at most `maxInstallment`,
 * shortest (cheapest) first.
 *
 * @example tenorsThatFit({ principal: 6_000_000, ratePercent: 1.5, ratePeriod: 'month', method: 'flat',
 *   frequency: 'monthly', startDate: '2024-01-01' }, 700_000)[0]?.tenor // 10
 */
export function tenorsThatFit(terms: Omit<LoanTerms, 'tenor'>, maxInstallment: number, maxTenor?: number): TenorOption[] {
  assertMoney(maxInstallment, 'maxInstallment', { min: 0 });
  const limit = maxTenor ?? DEFAULT_MAX_TENOR[terms.frequency];
  const grace = Math.max(terms.gracePrincipal ?? 0, terms.graceInterest ?? 0);
  const options: TenorOption[] = [];
  for (let tenor = grace + 1; tenor <= limit; tenor++) {
    const schedule = buildSchedule({ ...terms, tenor });
    const largestInstallment = Math.max(...schedule.installments.map((row) => row.total));
    if (largestInstallment <= maxInstallment) {
      options.push({ tenor, largestInstallment, totalInterest: schedule.totals.interest, total: schedule.totals.total });
    }
  }
  return options;
}
