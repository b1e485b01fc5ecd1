/**
 * Effective rate of a schedule: the internal rate of return of its cash flows.
 *
 * Convention: the disbursement is at period 0 and instalment n at period n (regular
 * periods, as the schedule's due dates are), the periodic IRR i solves
 *   principal = Σ total_n / (1 + i)^n,
 * and it is compounded to a month, (1+i)^(ppy/12) − 1, and to a year, (1+i)^ppy − 1, where
 * ppy is the periods per year of the frequency (12, 26, 52 or 365).
 */
import { EngineError } from './errors.ts';
import { assertMoney } from './money.ts';
import { PERIODS_PER_YEAR } from './rates.ts';
import type { Schedule } from './schedule.ts';

/** Effective rates in per cent: per instalment period, per month and per year (compounded). */
export interface EffectiveRates {
  readonly perPeriod: number;
  readonly perMonth: number;
  readonly perYear: number;
}

interface Flow {
  readonly period: number;
  readonly amount: number;
}

function netPresentValue(flows: readonly Flow[], principal: number, rate: number): number {
  let value = -principal;
  for (const flow of flows) value += flow.amount * Math.pow(1 + rate, -flow.period);
  return value;
}

function slope(flows: readonly Flow[], rate: number): number {
  let value = 0;
  for (const flow of flows) value -= flow.period * flow.amount * Math.pow(1 + rate, -flow.period - 1);
  return value;
}

/** Upper bound where the NPV is negative (the NPV falls as the rate rises). */
function upperBracket(flows: readonly Flow[], principal: number): number {
  let high = 1;
  while (netPresentValue(flows, principal, high) > 0) {
    high *= 2;
    if (high > 1e9) throw new EngineError('no_convergence', 'schedule', 'effective rate did not converge');
  }
  return high;
}

/** Newton steps kept inside a shrinking bisection bracket, so it always converges. */
function solveRate(flows: readonly Flow[], principal: number): number {
  let low = -0.999999;
  let high = upperBracket(flows, principal);
  let rate = 0.01;
  for (let iteration = 0; iteration < 200; iteration++) {
    const value = netPresentValue(flows, principal, rate);
    if (Math.abs(value) < 1e-9 * principal) return rate;
    if (value > 0) low = rate;
    else high = rate;
    const newton = rate - value / slope(flows, rate);
    rate = newton > low && newton < high ? newton : (low + high) / 2;
    if (high - low < 1e-15) return rate;
  }
  return rate;
}

/**
 * The schedule's effective rates. Pass the amount actually disbursed as `principal`
 * (e.g. net of an upfront fee) to include that fee in the rate.
 *
 * @example
 * // 1 %/month flat over 12 months ≈ 1.788 %/month ≈ 23.70 %/year effective
 * effectiveRates(buildSchedule({ principal: 1_200_000, ratePercent: 1, ratePeriod: 'month',
 *   tenor: 12, method: 'flat', frequency: 'monthly', startDate: '2024-01-01' }));
 */
export function effectiveRates(schedule: Schedule, principal: number = schedule.terms.principal): EffectiveRates {
  assertMoney(principal, 'principal', { min: 1 });
  const flows = schedule.installments.filter((row) => row.total !== 0).map((row) => ({ period: row.n, amount: row.total }));
  const repaid = flows.reduce((sum, flow) => sum + flow.amount, 0);
  // Exactly the principal back means exactly 0 %, not a solver's 1e-10.
  const periodic = repaid === principal ? 0 : flows.length === 0 ? -1 : solveRate(flows, principal);
  const perYear = PERIODS_PER_YEAR[schedule.terms.frequency];
  return {
    perPeriod: periodic * 100,
    perMonth: (Math.pow(1 + periodic, perYear / 12) - 1) * 100,
    perYear: (Math.pow(1 + periodic, perYear) - 1) * 100,
  };
}

/** The effective annual rate in per cent (compounded; see `effectiveRates`). */
export function effectiveAnnualRate(schedule: Schedule, principal?: number): number {
  return effectiveRates(schedule, principal).perYear;
}
