/**
 * Late penalties (denda). A penalty belongs to one instalment and depends on how long and
 * how much of it was overdue, so it follows from the repayment timing:
 *
 * - `per_day`: every day the instalment is overdue beyond `graceDays`, either `value` per
 *   cent of the unpaid instalment amount (principal + interest) that day, or a fixed
 *   `value` minor units;
 * - `per_installment`: once, on the first day after `graceDays`, `value` per cent of the
 *   unpaid instalment amount then, or a fixed `value`;
 * - `cap`: the most one instalment can be charged, in minor units (cooperative policies
 *   state a ceiling per angsuran; a per-cent cap can be turned into minor units by the
 *   caller from the instalment total).
 *
 * Days count after the grace: paid 3 days late with `graceDays: 2` costs 1 day. Rounding
 * happens once, on each instalment's cumulative penalty.
 */
import { decimalOfNumber, pow10 } from './decimal.ts';
import { EngineError } from './errors.ts';
import { divRound, toSafeNumber } from './money.ts';
import type { RoundingMode } from './money.ts';

/** Percentage of the overdue instalment amount, or a fixed amount in minor units. */
export type PenaltyBasis = 'percent' | 'fixed';

/** A cooperative's penalty policy. */
export type PenaltyRule =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'per_day' | 'per_installment';
      readonly basis: PenaltyBasis;
      readonly value: number;
      readonly graceDays: number;
      readonly cap?: number;
    };

/** No penalties. */
export const NO_PENALTY: PenaltyRule = { kind: 'none' };

/** Running penalty of one instalment; `units` is day·amount (or days, or the trigger amount). */
export interface PenaltyAccrual {
  units: bigint;
  triggered: boolean;
  /** The last charge computed and the units it was computed for (allocation asks often). */
  chargedUnits: bigint;
  charged: number;
}

function fail(field: string, message: string, value: unknown): never {
  throw new EngineError('invalid_penalty_rule', field, message, { value });
}

/** Throws `EngineError('invalid_penalty_rule')` unless the rule is well formed. */
export function validatePenaltyRule(rule: PenaltyRule): void {
  if (rule.kind === 'none') return;
  if (rule.kind !== 'per_day' && rule.kind !== 'per_installment') fail('kind', 'unknown penalty kind', rule);
  if (rule.basis !== 'percent' && rule.basis !== 'fixed') fail('basis', 'basis must be percent or fixed', rule.basis);
  const valid = rule.basis === 'fixed' ? Number.isSafeInteger(rule.value) : Number.isFinite(rule.value) && rule.value <= 100;
  if (!valid || rule.value < 0) fail('value', 'value must be a non-negative per cent (≤ 100) or minor units', rule.value);
  if (!Number.isInteger(rule.graceDays) || rule.graceDays < 0) fail('graceDays', 'graceDays must be a non-negative integer', rule.graceDays);
  if (rule.cap !== undefined && (!Number.isSafeInteger(rule.cap) || rule.cap < 0)) fail('cap', 'cap must be non-negative minor units', rule.cap);
}

/** Computes penalties for one rule; one meter serves every instalment of a loan. */
export class PenaltyMeter {
  private readonly rule: PenaltyRule;
  private readonly rounding: RoundingMode;
  private readonly num: bigint;
  private readonly den: bigint;

  constructor(rule: PenaltyRule, rounding: RoundingMode = 'half-even') {
    validatePenaltyRule(rule);
    this.rule = rule;
    this.rounding = rounding;
    const exact = rule.kind !== 'none' && rule.basis === 'percent' ? decimalOfNumber(rule.value) : undefined;
    this.num = exact?.units ?? 1n;
    this.den = exact === undefined ? 1n : pow10(exact.scale) * 100n;
  }

  /** A fresh accrual for an instalment. */
  start(): PenaltyAccrual {
    return { units: 0n, triggered: false, chargedUnits: 0n, charged: 0 };
  }

  /**
   * Accrues the days in (`fromDay`, `toDay`] during which `unpaid` (principal + interest)
   * of an instalment due on `dueDay` stayed unpaid.
   */
  accrue(accrual: PenaltyAccrual, dueDay: number, fromDay: number, toDay: number, unpaid: number): void {
    const rule = this.rule;
    if (rule.kind === 'none' || unpaid <= 0) return;
    const lateFrom = dueDay + rule.graceDays;
    if (rule.kind === 'per_installment') {
      // Charged once, on the first day after the grace, on what was unpaid then.
      const trigger = lateFrom + 1;
      if (!accrual.triggered && fromDay < trigger && trigger <= toDay) {
        accrual.triggered = true;
        accrual.units = rule.basis === 'percent' ? BigInt(unpaid) : 1n;
      }
      return;
    }
    const days = toDay - Math.max(fromDay, lateFrom);
    if (days <= 0) return;
    accrual.units += rule.basis === 'percent' ? BigInt(days) * BigInt(unpaid) : BigInt(days);
  }

  /** The penalty charged so far for an accrual, rounded once and capped. */
  charged(accrual: PenaltyAccrual): number {
    if (accrual.units === accrual.chargedUnits) return accrual.charged;
    accrual.chargedUnits = accrual.units;
    accrual.charged = this.compute(accrual.units);
    return accrual.charged;
  }

  private compute(units: bigint): number {
    const rule = this.rule;
    if (rule.kind === 'none' || units === 0n) return 0;
    const amount =
      rule.basis === 'percent'
        ? divRound(units * this.num, this.den, this.rounding)
        : units * BigInt(rule.value);
    const capped = rule.cap !== undefined && amount > BigInt(rule.cap) ? BigInt(rule.cap) : amount;
    return toSafeNumber(capped, 'penalty');
  }
}
