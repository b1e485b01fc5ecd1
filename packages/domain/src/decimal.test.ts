import { describe, it, expect } from 'vitest';
import { decimalOfNumber, parseDecimal, pow10 } from './decimal.ts';

describe('parseDecimal', () => {
  it.each([
    ['1500000', 1500000n, 0],
    ['12.34', 1234n, 2],
    ['-0.05', -5n, 2],
    ['+.5', 5n, 1],
    ['1e-7', 1n, 7],
    ['1.23e+3', 1230n, 0],
    ['  7.0 ', 70n, 1],
  ])('%s = %s / 10^%s exactly', (text, units, scale) => {
    expect(parseDecimal(text)).toEqual({ units, scale });
  });

  it.each(['', '.', 'abc', '1,5', '1.2.3', '--1', 'Infinity'])('rejects %j', (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });
});

describe('decimalOfNumber', () => {
  it('reads 0.1 as exactly 1/10, not its binary approximation', () => {
    expect(decimalOfNumber(0.1)).toEqual({ units: 1n, scale: 1 });
  });

  it('rejects NaN and infinities', () => {
    expect(decimalOfNumber(Number.NaN)).toBeUndefined();
    expect(decimalOfNumber(Infinity)).toBeUndefined();
  });

  it('pow10(3) = 1000', () => {
    expect(pow10(3)).toBe(1000n);
  });
});
