import { describe, it, expect } from 'vitest';
import { capacityToPay, tenorsThatFit } from './capacity.ts';
import { EngineError } from './errors.ts';

describe('capacityToPay', () => {
  it('income 5,000,000, expenses 3,000,000, other debts 500,000: min(30 % × 5 m − 0.5 m, 1.5 m) = 1,000,000', () => {
    expect(capacityToPay({ income: 5_000_000, expenses: 3_000_000, otherInstallments: 500_000 })).toEqual({
      disposableIncome: 1_500_000,
      byDebtServiceRatio: 1_000_000,
      byDisposableIncome: 1_500_000,
      monthlyMaxInstallment: 1_000_000,
      maxInstallment: 1_000_000,
      binding: 'debt_service_ratio',
    });
  });

  it('high living costs bind: 5 m − 4.2 m = 800,000 < 1,500,000', () => {
    expect(capacityToPay({ income: 5_000_000, expenses: 4_200_000, otherInstallments: 0 })).toMatchObject({ maxInstallment: 800_000, binding: 'disposable_income' });
  });

  it('already over-indebted elsewhere (2,000,000 of other instalments): capacity 0', () => {
    expect(capacityToPay({ income: 5_000_000, expenses: 1_000_000, otherInstallments: 2_000_000 }).maxInstallment).toBe(0);
  });

  it('35 % ratio: 1,750,000 − 500,000 = 1,250,000; weekly: 1,000,000 × 12 / 52 = 230,769', () => {
    expect(capacityToPay({ income: 5_000_000, expenses: 0, otherInstallments: 500_000, maxDebtServiceRatio: 0.35 }).maxInstallment).toBe(1_250_000);
    expect(capacityToPay({ income: 5_000_000, expenses: 3_000_000, otherInstallments: 500_000, frequency: 'weekly' }).maxInstallment).toBe(230_769);
  });

  it('rejects negative amounts and ratios outside 0–1', () => {
    expect(() => capacityToPay({ income: -1, expenses: 0, otherInstallments: 0 })).toThrow(EngineError);
    expect(() => capacityToPay({ income: 1, expenses: 0, otherInstallments: 0, maxDebtServiceRatio: 1.5 })).toThrow(EngineError);
  });
});

describe('tenorsThatFit', () => {
  const terms = { principal: 6_000_000, ratePercent: 1.5, ratePeriod: 'month', method: 'flat', frequency: 'monthly', startDate: '2024-01-01' } as const;

  it('flat 6,000,000 at 1.5 %: 6 m/n + 90,000 ≤ 700,000 first at n = 10 (600,000 + 90,000 = 690,000)', () => {
    const options = tenorsThatFit(terms, 700_000, 24);
    expect(options[0]).toEqual({ tenor: 10, largestInstallment: 690_000, totalInterest: 900_000, total: 6_900_000 });
    expect(options.map((o) => o.tenor)).toEqual(Array.from({ length: 15 }, (_, i) => i + 10));
  });

  it('nothing fits when the instalment cannot even cover the interest', () => {
    expect(tenorsThatFit(terms, 90_000, 60)).toEqual([]);
  });

  it('respects grace: no tenor shorter than the grace + 1, and the deferred-interest instalment counts', () => {
    const options = tenorsThatFit({ ...terms, method: 'annuity', graceInterest: 3 }, 2_000_000, 12);
    expect(options.every((o) => o.tenor >= 4)).toBe(true);
    expect(options.every((o) => o.largestInstallment <= 2_000_000)).toBe(true);
  });
});
