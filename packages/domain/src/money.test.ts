import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EngineError } from './errors.ts';
import { assertMoney, divRound, formatMoney, fromMinor, isRoundingMode, roundToUnit, toMinor } from './money.ts';

describe('divRound', () => {
  it.each([
    // value, half-even, half-up, up, down
    [25n, 10n, 2n, 3n, 3n, 2n], // 2.5: tie → even 2, half-up 3
    [35n, 10n, 4n, 4n, 4n, 3n], // 3.5: tie → even 4
    [26n, 10n, 3n, 3n, 3n, 2n], // 2.6
    [24n, 10n, 2n, 2n, 3n, 2n], // 2.4
    [-25n, 10n, -2n, -3n, -3n, -2n], // -2.5: symmetric about zero
    [20n, 10n, 2n, 2n, 2n, 2n], // exact
  ])('%s/%s → half-even %s, half-up %s, up %s, down %s', (n, d, even, halfUp, up, down) => {
    expect(divRound(n, d, 'half-even')).toBe(even);
    expect(divRound(n, d, 'half-up')).toBe(halfUp);
    expect(divRound(n, d, 'up')).toBe(up);
    expect(divRound(n, d, 'down')).toBe(down);
  });

  it('refuses a zero denominator', () => {
    expect(() => divRound(1n, 0n, 'up')).toThrow(RangeError);
  });
});

describe('roundToUnit', () => {
  it('PMT 888,487.88 rounds to 888,488 rupiah (half-even) and 888,500 up to Rp 100', () => {
    expect(roundToUnit(888487.88, 'half-even')).toBe(888488);
    expect(roundToUnit(888487.88, 'up', 100)).toBe(888500);
    expect(roundToUnit(888487.88, 'down', 1000)).toBe(888000);
  });

  it('treats 2.5 as an exact tie: half-even 2, half-up 3', () => {
    expect(roundToUnit(2.5, 'half-even')).toBe(2);
    expect(roundToUnit(2.5, 'half-up')).toBe(3);
  });

  it('rejects non-finite values and non-positive units', () => {
    expect(() => roundToUnit(Number.NaN, 'up')).toThrow(EngineError);
    expect(() => roundToUnit(1, 'up', 0)).toThrow(EngineError);
  });
});

describe('toMinor / fromMinor', () => {
  it('"1500000" rupiah (0 decimals) = 1,500,000 minor units', () => {
    expect(toMinor('1500000', 0)).toBe(1_500_000);
  });

  it('"12.34" with 2 decimals = 1,234 cents; 0.1 + 0.2 style drift is refused, not hidden', () => {
    expect(toMinor('12.34', 2)).toBe(1234);
    expect(toMinor(12.34, 2)).toBe(1234);
    expect(() => toMinor(0.1 + 0.2, 2)).toThrow(EngineError);
  });

  it('more decimals than the currency has is an error unless a rounding mode is given', () => {
    expect(() => toMinor('12.345', 2)).toThrow(/more than 2 decimals/);
    expect(toMinor('12.345', 2, 'half-even')).toBe(1234);
    expect(toMinor('12.345', 2, 'half-up')).toBe(1235);
    expect(toMinor('12.340', 2)).toBe(1234);
  });

  it('rejects text that is not a number and amounts beyond the safe-integer range', () => {
    expect(() => toMinor('Rp 1.000', 0)).toThrow(EngineError);
    expect(() => toMinor('9007199254740993', 0)).toThrow(/safe-integer/);
    expect(() => toMinor('1', 9)).toThrow(/decimals/);
  });

  it('fromMinor(150050, 2) = "1500.50"; fromMinor(-5, 2) = "-0.05"; fromMinor(7, 0) = "7"', () => {
    expect(fromMinor(150050, 2)).toBe('1500.50');
    expect(fromMinor(-5, 2)).toBe('-0.05');
    expect(fromMinor(7, 0)).toBe('7');
  });

  it('round-trips every safe amount for decimals 0–4 (property)', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.integer({ min: 0, max: 4 }), (minor, decimals) => {
        expect(toMinor(fromMinor(minor, decimals), decimals)).toBe(minor);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatMoney', () => {
  it('formats rupiah the Indonesian way: Rp 1.500.000', () => {
    expect(formatMoney(1_500_000, 0)).toBe('Rp 1.500.000');
    expect(formatMoney(0, 0)).toBe('Rp 0');
    expect(formatMoney(-25_000, 0)).toBe('-Rp 25.000');
  });

  it('shows cents after a comma in id-ID and a dot in en-US', () => {
    expect(formatMoney(150050, 2)).toBe('Rp 1.500,50');
    expect(formatMoney(150050, 2, 'en-US', { symbol: '$' })).toBe('$ 1,500.50');
    expect(formatMoney(123, 0, 'id-ID', { symbol: '' })).toBe('123');
  });

  it('falls back to Intl separators for other locales', () => {
    expect(formatMoney(1_234_567, 0, 'de-DE', { symbol: '€' })).toBe('€ 1.234.567');
  });
});

describe('assertMoney', () => {
  it('accepts safe integers and rejects fractions, NaN, strings and values under the minimum', () => {
    expect(() => assertMoney(1_500_000)).not.toThrow();
    expect(() => assertMoney(1.5, 'amount')).toThrow(EngineError);
    expect(() => assertMoney(Number.NaN)).toThrow(EngineError);
    expect(() => assertMoney('100')).toThrow(EngineError);
    expect(() => assertMoney(2 ** 53)).toThrow(EngineError);
    expect(() => assertMoney(0, 'principal', { min: 1 })).toThrow(/at least 1/);
  });

  it('isRoundingMode knows the four modes', () => {
    expect(['half-even', 'half-up', 'up', 'down'].every(isRoundingMode)).toBe(true);
    expect(isRoundingMode('ceiling')).toBe(false);
  });
});
