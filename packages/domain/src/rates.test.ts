import { describe, it, expect } from 'vitest';
import { EngineError } from './errors.ts';
import { dueDate, isFrequency, periodRate, PERIODS_PER_YEAR, ratioToNumber } from './rates.ts';

describe('periodRate', () => {
  it('12 %/year monthly = 12/1200 = 1 % a month', () => {
    expect(ratioToNumber(periodRate(12, 'year', 'monthly'))).toBe(0.01);
  });

  it('1 %/month monthly = exactly 1/100; weekly = 12/5200 ≈ 0.2308 % a week', () => {
    const monthly = periodRate(1, 'month', 'monthly');
    expect(monthly.num * 100n).toBe(monthly.den);
    expect(ratioToNumber(periodRate(1, 'month', 'weekly'))).toBeCloseTo(12 / 5200, 15);
  });

  it('36.5 %/year daily = 0.1 % a day; 26 %/year fortnightly = 1 % a fortnight', () => {
    expect(ratioToNumber(periodRate(36.5, 'year', 'daily'))).toBeCloseTo(0.001, 15);
    expect(ratioToNumber(periodRate(26, 'year', 'fortnightly'))).toBeCloseTo(0.01, 15);
  });

  it('keeps decimal rates exact: 9.4822 %/year = 94822 / (10^4·100·12)', () => {
    expect(periodRate(9.4822, 'year', 'monthly')).toEqual({ num: 94822n, den: 12_000_000n });
  });

  it('rejects negative and non-finite rates', () => {
    expect(() => periodRate(-1, 'month', 'monthly')).toThrow(EngineError);
    expect(() => periodRate(Number.NaN, 'month', 'monthly')).toThrow(EngineError);
  });

  it('periods per year: 365, 52, 26, 12', () => {
    expect(PERIODS_PER_YEAR).toEqual({ daily: 365, weekly: 52, fortnightly: 26, monthly: 12 });
    expect(isFrequency('weekly')).toBe(true);
    expect(isFrequency('yearly')).toBe(false);
  });
});

describe('dueDate', () => {
  it('first instalment one period after disbursement', () => {
    expect(dueDate('2024-01-31', 'daily', 1)).toBe('2024-02-01');
    expect(dueDate('2024-01-31', 'weekly', 1)).toBe('2024-02-07');
    expect(dueDate('2024-01-31', 'fortnightly', 2)).toBe('2024-02-28');
    expect(dueDate('2024-01-31', 'monthly', 1)).toBe('2024-02-29');
    expect(dueDate('2024-01-31', 'monthly', 2)).toBe('2024-03-31');
  });
});
