import { describe, it, expect } from 'vitest';
import { EngineError } from './errors.ts';
import { buildSchedule } from './schedule.ts';
import type { LoanTerms } from './schedule.ts';

describe('flat and effective, rupiah', () => {
  const base: LoanTerms = { principal: 1_200_000, ratePercent: 1, ratePeriod: 'month', tenor: 12, method: 'flat', frequency: 'monthly', startDate: '2024-01-15' };

  it('flat 1,200,000 at 1 %/month over 12: 100,000 + 12,000 = 112,000 each', () => {
    const schedule = buildSchedule(base);
    expect(schedule.installments.every((row) => row.principal === 100_000 && row.interest === 12_000 && row.total === 112_000)).toBe(true);
    expect(schedule.totals).toEqual({ principal: 1_200_000, interest: 144_000, total: 1_344_000 });
  });

  it('effective 1,200,000 at 1 %/month over 12: interest 12,000, 11,000, … 1,000 = 78,000', () => {
    const schedule = buildSchedule({ ...base, method: 'effective' });
    expect(schedule.installments.map((row) => row.interest)).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((k) => k * 1000));
    expect(schedule.totals.interest).toBe(78_000);
  });

  it('flat 1,000,000 at 2 %/month over 12 in multiples of Rp 1,000: 83,333.33 + 20,000 → 104,000; last 76,000 + 20,000', () => {
    const schedule = buildSchedule({ ...base, principal: 1_000_000, ratePercent: 2, multiple: 1000 });
    expect(schedule.installments.slice(0, 11).every((row) => row.principal === 84_000 && row.total === 104_000)).toBe(true);
    // 1,000,000 − 11 × 84,000 = 76,000
    expect(schedule.installments[11]).toMatchObject({ principal: 76_000, interest: 20_000, total: 96_000, balance: 0 });
  });

  it('effective in multiples of Rp 1,000: each instalment rounded up, principal takes the difference', () => {
    const schedule = buildSchedule({ ...base, method: 'effective', principal: 1_000_000, ratePercent: 1.5, multiple: 1000 });
    // Row 1: 1,000,000/12 + 15,000 = 98,333.33 → 99,000, so principal 84,000.
    expect(schedule.installments[0]).toMatchObject({ interest: 15_000, principal: 84_000, total: 99_000 });
    expect(schedule.installments.slice(0, 11).every((row) => row.total % 1000 === 0)).toBe(true);
    expect(schedule.totals.principal).toBe(1_000_000);
  });
});

describe('rounding modes at exact ties', () => {
  const tie: LoanTerms = { principal: 250, ratePercent: 1, ratePeriod: 'month', tenor: 2, method: 'flat', frequency: 'monthly', startDate: '2024-01-01' };

  it('flat interest 250 × 1 % = 2.5: half-even 2, half-up 3, up 3, down 2', () => {
    const interest = (rounding: LoanTerms['rounding']) => buildSchedule({ ...tie, rounding }).installments[0]?.interest;
    expect([interest('half-even'), interest('half-up'), interest('up'), interest('down')]).toEqual([2, 3, 3, 2]);
  });

  it('principal 10 over 4 = 2.5: half-even 2, 2, 2, last 4; half-up 3, 3, 3, last 1', () => {
    const principal = (rounding: LoanTerms['rounding']) =>
      buildSchedule({ ...tie, principal: 10, tenor: 4, ratePercent: 0, rounding }).installments.map((row) => row.principal);
    expect(principal('half-even')).toEqual([2, 2, 2, 4]);
    expect(principal('half-up')).toEqual([3, 3, 3, 1]);
  });

  it('declining interest 1,050 × 1 % = 10.5 → 10 half-even, 11 half-up; 350 × 1 % = 3.5 → 4 (the even neighbour)', () => {
    const first = (rounding: LoanTerms['rounding'], principal: number) =>
      buildSchedule({ ...tie, principal, method: 'effective', rounding }).installments[0]?.interest;
    expect(first('half-even', 1050)).toBe(10);
    expect(first('half-up', 1050)).toBe(11);
    expect(first('half-even', 350)).toBe(4);
  });
});

describe('edge cases', () => {
  const base: LoanTerms = { principal: 3_000_000, ratePercent: 2, ratePeriod: 'month', tenor: 3, method: 'annuity', frequency: 'monthly', startDate: '2024-01-31' };

  it('monthly from 31 January 2024 (leap year): 29 Feb, 31 Mar, 30 Apr', () => {
    expect(buildSchedule(base).installments.map((row) => row.dueDate)).toEqual(['2024-02-29', '2024-03-31', '2024-04-30']);
    expect(buildSchedule({ ...base, startDate: '2023-01-31' }).installments.map((row) => row.dueDate)).toEqual(['2023-02-28', '2023-03-31', '2023-04-30']);
  });

  it('weekly, fortnightly and daily due dates step 7, 14 and 1 days across month ends', () => {
    const dates = (frequency: LoanTerms['frequency']) => buildSchedule({ ...base, frequency }).installments.map((row) => row.dueDate);
    expect(dates('weekly')).toEqual(['2024-02-07', '2024-02-14', '2024-02-21']);
    expect(dates('fortnightly')).toEqual(['2024-02-14', '2024-02-28', '2024-03-13']);
    expect(dates('daily')).toEqual(['2024-02-01', '2024-02-02', '2024-02-03']);
  });

  it('tenor 1: one instalment of principal + one period of interest (3,000,000 + 60,000) for every method', () => {
    for (const method of ['flat', 'effective', 'annuity'] as const) {
      expect(buildSchedule({ ...base, tenor: 1, method }).installments).toEqual([
        { n: 1, dueDate: '2024-02-29', principal: 3_000_000, interest: 60_000, total: 3_060_000, balance: 0 },
      ]);
    }
  });

  it('zero rate: no interest, annuity = flat = 3,000,000 / 3 = 1,000,000', () => {
    for (const method of ['flat', 'effective', 'annuity'] as const) {
      const schedule = buildSchedule({ ...base, ratePercent: 0, method });
      expect(schedule.installments.map((row) => row.total)).toEqual([1_000_000, 1_000_000, 1_000_000]);
    }
  });

  it('huge amount: 1,000,000,000,000,000 minor units over 12 months stays exact', () => {
    const schedule = buildSchedule({ ...base, principal: 1e15, ratePercent: 1, tenor: 12 });
    expect(schedule.totals.principal).toBe(1e15);
    expect(Number.isSafeInteger(schedule.totals.total)).toBe(true);
  });

  it('refuses terms whose interest would leave the safe-integer range', () => {
    expect(() => buildSchedule({ ...base, principal: Number.MAX_SAFE_INTEGER - 1, ratePercent: 10, tenor: 12 })).toThrow(/safe-integer/);
  });

  it('decimals 2: 1,000.00 at 1.25 %/month flat over 3 = 333.33 + 12.50, last 333.34 + 12.50', () => {
    const schedule = buildSchedule({ ...base, principal: 100_000, ratePercent: 1.25, method: 'flat', decimals: 2 });
    expect(schedule.installments.map((row) => [row.principal, row.interest])).toEqual([[33_333, 1_250], [33_333, 1_250], [33_334, 1_250]]);
    expect(schedule.terms.decimals).toBe(2);
  });

  it('a multiple larger than the instalment repays early; later instalments carry no principal', () => {
    const schedule = buildSchedule({ ...base, ratePercent: 0, method: 'flat', multiple: 2_000_000 });
    expect(schedule.installments.map((row) => row.principal)).toEqual([2_000_000, 1_000_000, 0]);
  });
});

describe('validation', () => {
  const base: LoanTerms = { principal: 1_000_000, ratePercent: 1, ratePeriod: 'month', tenor: 12, method: 'flat', frequency: 'monthly', startDate: '2024-01-01' };

  it.each([
    ['principal', { principal: 0 }],
    ['principal', { principal: 1.5 }],
    ['ratePercent', { ratePercent: -1 }],
    ['ratePercent', { ratePercent: Number.NaN }],
    ['tenor', { tenor: 0 }],
    ['tenor', { tenor: 2.5 }],
    ['method', { method: 'balloon' }],
    ['frequency', { frequency: 'yearly' }],
    ['ratePeriod', { ratePeriod: 'week' }],
    ['startDate', { startDate: '2024-02-30' }],
    ['gracePrincipal', { gracePrincipal: 12 }],
    ['graceInterest', { graceInterest: -1 }],
    ['multiple', { multiple: 0 }],
    ['rounding', { rounding: 'banker' }],
    ['decimals', { decimals: 9 }],
  ])('rejects a bad %s with EngineError(invalid_terms)', (field, patch) => {
    // Deliberately ill-typed, as a JSON body or a CSV row can be.
    const terms = { ...base, ...patch } as LoanTerms;
    expect(() => buildSchedule(terms)).toThrow(EngineError);
    try {
      buildSchedule(terms);
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_terms', field });
    }
  });
});
