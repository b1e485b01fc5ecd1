/**
 * Allowance for losses on productive assets (PPAP / CKPN-style minimum) per loan.
 *
 * allowance = percent × base, where the base is
 * - the full outstanding for the best class (Lancar: a general allowance, as POJK 40/2019
 *   computes it without deducting collateral), and
 * - max(0, outstanding − eligible collateral) for every other class (a specific allowance),
 * and eligible collateral = Σ value × deduction rate of its type.
 *
 * Default deduction rates (per cent of the appraised value; DOMAIN.md §5 and POJK 40/2019's
 * scheme; cooperatives may set their own): cash collateral — blocked deposits and savings
 * pledged to the cooperative, gold held by it, government securities — 100 %; land and
 * buildings with a registered mortgage (Hak Tanggungan) 80 %; vehicles and machinery with
 * registered fiducia 50 %; anything else (unregistered land, certificates held without a
 * mortgage, personal guarantees) 0 %. An unknown type counts 0 %: conservative.
 */
import { EngineError } from './errors.ts';
import { assertMoney, divRound, toSafeNumber } from './money.ts';
import type { RoundingMode } from './money.ts';
import { decimalOfNumber, pow10 } from './decimal.ts';
import type { LoanClass } from './classification.ts';

/** A pledged asset, valued in minor units. */
export interface Collateral {
  readonly type: string;
  readonly value: number;
}

/** Deduction rate (per cent of value) by collateral type. */
export type DeductionRates = Readonly<Record<string, number>>;

/** Default deduction rates; see the module comment. */
export const DEFAULT_COLLATERAL_DEDUCTION: DeductionRates = {
  deposit: 100,
  savings: 100,
  gold: 100,
  government_securities: 100,
  land_building_mortgage: 80,
  vehicle_fiducia: 50,
  machinery_fiducia: 50,
  land_unregistered: 0,
  guarantee: 0,
  other: 0,
};

/** The allowance and how it was reached (minor units). */
export interface AllowanceResult {
  readonly outstanding: number;
  readonly eligibleCollateral: number;
  readonly base: number;
  readonly percent: number;
  readonly amount: number;
}

/** Options for `allowance`. */
export interface AllowanceOptions {
  /** Deduct collateral from the base (default true; false for Lancar). */
  readonly deductCollateral?: boolean;
  /** Rounding of the allowance (default `up`: never under-provision by a rounding). */
  readonly rounding?: RoundingMode;
}

function percentOf(amount: number, percent: number, rounding: RoundingMode, field: string): number {
  const exact = decimalOfNumber(percent);
  if (exact === undefined || exact.units < 0n || percent > 100) {
    throw new EngineError('invalid_input', field, `${field} must be a per cent from 0 to 100`, { value: percent });
  }
  return toSafeNumber(divRound(BigInt(amount) * exact.units, pow10(exact.scale) * 100n, rounding), field);
}

/**
 * Eligible collateral: Σ value × rate, each rounded down (a deduction is never overstated).
 */
export function eligibleCollateral(collateral: readonly Collateral[], rates: DeductionRates = DEFAULT_COLLATERAL_DEDUCTION): number {
  let total = 0;
  collateral.forEach((item, index) => {
    assertMoney(item.value, `collateral[${index}].value`, { min: 0 });
    total += percentOf(item.value, rates[item.type] ?? 0, 'down', `deductionRates.${item.type}`);
  });
  return total;
}

/**
 * The allowance for one loan.
 *
 * @example
 * // Diragukan (50 %), outstanding 10,000,000, land worth 5,000,000 → 80 % = 4,000,000 deducted
 * allowance(10_000_000, 50, [{ type: 'land_building_mortgage', value: 5_000_000 }]).amount // 3_000_000
 */
export function allowance(
  outstanding: number,
  classPercent: number,
  collateral: readonly Collateral[] = [],
  deductionRates: DeductionRates = DEFAULT_COLLATERAL_DEDUCTION,
  options: AllowanceOptions = {},
): AllowanceResult {
  assertMoney(outstanding, 'outstanding', { min: 0 });
  const deduct = options.deductCollateral ?? true;
  const eligible = deduct ? Math.min(outstanding, eligibleCollateral(collateral, deductionRates)) : 0;
  const base = outstanding - eligible;
  const amount = percentOf(base, classPercent, options.rounding ?? 'up', 'classPercent');
  return { outstanding, eligibleCollateral: eligible, base, percent: classPercent, amount };
}

/**
 * The allowance for a loan of class `loanClass`: class 1 (Lancar) on the full outstanding,
 * other classes net of eligible collateral.
 */
export function allowanceForClass(
  outstanding: number,
  loanClass: LoanClass,
  collateral: readonly Collateral[] = [],
  deductionRates: DeductionRates = DEFAULT_COLLATERAL_DEDUCTION,
): AllowanceResult {
  return allowance(outstanding, loanClass.allowancePercent, collateral, deductionRates, { deductCollateral: loanClass.class !== 1 });
}
