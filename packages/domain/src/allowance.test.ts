import { describe, it, expect } from 'vitest';
import { allowance, allowanceForClass, DEFAULT_COLLATERAL_DEDUCTION, eligibleCollateral } from './allowance.ts';
import { OJK_BANK } from './classification-presets.ts';
import { EngineError } from './errors.ts';

const land = { type: 'land_building_mortgage', value: 5_000_000 };

describe('allowance (PPAP)', () => {
  it('Diragukan 50 % on 10,000,000 with land 5,000,000 (80 % = 4,000,000): 50 % × 6,000,000 = 3,000,000', () => {
    expect(allowance(10_000_000, 50, [land])).toEqual({ outstanding: 10_000_000, eligibleCollateral: 4_000_000, base: 6_000_000, percent: 50, amount: 3_000_000 });
  });

  it('a vehicle counts 50 %, deposits 100 %: KL 15 % on 10,000,000 − (2,000,000 + 1,000,000) = 1,050,000', () => {
    const result = allowance(10_000_000, 15, [{ type: 'vehicle_fiducia', value: 4_000_000 }, { type: 'deposit', value: 1_000_000 }]);
    expect(result).toMatchObject({ eligibleCollateral: 3_000_000, amount: 1_050_000 });
  });

  it('collateral worth more than the loan leaves a base of 0, never negative', () => {
    expect(allowance(1_000_000, 100, [{ type: 'deposit', value: 5_000_000 }])).toMatchObject({ eligibleCollateral: 1_000_000, base: 0, amount: 0 });
  });

  it('Lancar (class 1) is a general allowance on the full outstanding: 1 % × 10,000,000 = 100,000 despite collateral', () => {
    const lancar = OJK_BANK.classes[0];
    const diragukan = OJK_BANK.classes[3];
    if (lancar === undefined || diragukan === undefined) throw new Error('preset changed');
    expect(allowanceForClass(10_000_000, lancar, [land]).amount).toBe(100_000);
    expect(allowanceForClass(10_000_000, diragukan, [land]).amount).toBe(3_000_000);
  });

  it('rounds up by default so a rounding never under-provisions: 0.5 % × 333 = 1.665 → 2', () => {
    expect(allowance(333, 0.5).amount).toBe(2);
    expect(allowance(333, 0.5, [], DEFAULT_COLLATERAL_DEDUCTION, { rounding: 'half-even' }).amount).toBe(2);
    expect(allowance(333, 0.5, [], DEFAULT_COLLATERAL_DEDUCTION, { rounding: 'down' }).amount).toBe(1);
  });

  it('unknown or ineligible collateral types count 0; custom rates override the defaults', () => {
    expect(eligibleCollateral([{ type: 'guarantee', value: 9_000_000 }, { type: 'gold_coins', value: 1 }])).toBe(0);
    expect(eligibleCollateral([land], { land_building_mortgage: 70 })).toBe(3_500_000);
    // 80 % of 999 = 799.2, rounded down so the deduction is never overstated.
    expect(eligibleCollateral([{ ...land, value: 999 }])).toBe(799);
  });

  it('rejects negative or fractional amounts and percentages above 100', () => {
    expect(() => allowance(-1, 50)).toThrow(EngineError);
    expect(() => allowance(100, 101)).toThrow(EngineError);
    expect(() => allowance(100, 50, [{ type: 'deposit', value: 1.5 }])).toThrow(/collateral\[0\]\.value/);
  });
});
