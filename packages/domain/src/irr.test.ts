import { describe, it, expect } from 'vitest';
import { effectiveAnnualRate, effectiveRates } from './irr.ts';
import { buildSchedule } from './schedule.ts';
import type { LoanTerms } from './schedule.ts';

const flat: LoanTerms = { principal: 1_200_000, ratePercent: 1, ratePeriod: 'month', tenor: 12, method: 'flat', frequency: 'monthly', startDate: '2024-01-01' };

describe('effective rate (IRR, compounded)', () => {
  it('1 %/month flat over 12: 112,000 × a(12, i) = 1,200,000 → i ≈ 1.788 %/month ≈ 23.70 %/year', () => {
    const rates = effectiveRates(buildSchedule(flat));
    expect(rates.perPeriod).toBeCloseTo(1.7881, 4);
    expect(rates.perMonth).toBeCloseTo(1.7881, 4);
    // (1.017881)^12 − 1 = 0.23698
    expect(rates.perYear).toBeCloseTo(23.698, 3);
  });

  it('an annuity is its own effective rate: 1 %/month annuity ≈ 1 %/month ≈ 12.68 %/year (1.01^12 − 1)', () => {
    const rates = effectiveRates(buildSchedule({ ...flat, method: 'annuity', principal: 10_000_000 }));
    expect(rates.perMonth).toBeCloseTo(1, 4);
    expect(rates.perYear).toBeCloseTo((1.01 ** 12 - 1) * 100, 3);
  });

  it('declining (effective) method: equal principal at 1 %/month is also ≈ 1 %/month', () => {
    expect(effectiveRates(buildSchedule({ ...flat, method: 'effective' })).perMonth).toBeCloseTo(1, 6);
  });

  it('zero rate → exactly 0 %', () => {
    expect(effectiveRates(buildSchedule({ ...flat, ratePercent: 0 }))).toEqual({ perPeriod: 0, perMonth: 0, perYear: 0 });
  });

  it('weekly 0.25 %/week flat over 52: per-month figure compounds 52/12 weeks', () => {
    const rates = effectiveRates(buildSchedule({ ...flat, frequency: 'weekly', ratePeriod: 'year', ratePercent: 13, tenor: 52 }));
    expect(rates.perMonth).toBeCloseTo(((1 + rates.perPeriod / 100) ** (52 / 12) - 1) * 100, 10);
    expect(rates.perYear).toBeCloseTo(((1 + rates.perPeriod / 100) ** 52 - 1) * 100, 10);
  });

  it('a 2 % upfront fee (net disbursed 1,176,000) raises the effective rate', () => {
    const schedule = buildSchedule(flat);
    expect(effectiveAnnualRate(schedule, 1_176_000)).toBeGreaterThan(effectiveAnnualRate(schedule) + 3);
  });

  it('grace periods count as periods: interest-only first 3 months keeps 1 %/month annuity ≈ 1 %', () => {
    const schedule = buildSchedule({ ...flat, method: 'annuity', gracePrincipal: 3 });
    expect(effectiveRates(schedule).perMonth).toBeCloseTo(1, 3);
  });

  it('rejects a non-positive disbursed amount', () => {
    expect(() => effectiveAnnualRate(buildSchedule(flat), 0)).toThrow(/principal/);
  });
});
