import { describe, it, expect } from 'vitest';
import { EngineError } from './errors.ts';
import { loanStateOn } from './loan-state.ts';
import { PenaltyMeter, validatePenaltyRule } from './penalty.ts';
import type { PenaltyRule } from './penalty.ts';
import { buildSchedule } from './schedule.ts';

// 1,200,000 flat at 1 %/month over 12 from 15 Jan 2024: 112,000 due on the 15th of each month.
const schedule = buildSchedule({ principal: 1_200_000, ratePercent: 1, ratePeriod: 'month', tenor: 12, method: 'flat', frequency: 'monthly', startDate: '2024-01-15' });

function penaltyOfFirst(rule: PenaltyRule, payments: { date: string; amount: number }[], asOf: string): number {
  return loanStateOn(schedule, payments, { asOf, penaltyRule: rule }).installments[0]?.penalty ?? -1;
}

describe('per-day penalty', () => {
  const daily: PenaltyRule = { kind: 'per_day', basis: 'percent', value: 0.1, graceDays: 0 };

  it('0.1 %/day on 112,000 paid 17 days late (15 Feb → 3 Mar): 17 × 112 = 1,904', () => {
    expect(penaltyOfFirst(daily, [{ date: '2024-03-03', amount: 200_000 }], '2024-03-10')).toBe(1904);
  });

  it('paid on the due date: no penalty; still unpaid: accrues up to asOf (5 days × 112 = 560)', () => {
    expect(penaltyOfFirst(daily, [{ date: '2024-02-15', amount: 112_000 }], '2024-03-10')).toBe(0);
    expect(penaltyOfFirst(daily, [], '2024-02-20')).toBe(560);
  });

  it('grace 3 days: 17 days late costs 14 days: 14 × 112 = 1,568; 3 days late costs nothing', () => {
    const rule: PenaltyRule = { ...daily, graceDays: 3 };
    expect(penaltyOfFirst(rule, [{ date: '2024-03-03', amount: 200_000 }], '2024-03-10')).toBe(1568);
    expect(penaltyOfFirst(rule, [{ date: '2024-02-18', amount: 200_000 }], '2024-03-10')).toBe(0);
  });

  it('a partial payment shrinks the base: 5 days on 112,000 (560) + 10 days on 56,560 (565.6) = 1,125.6 → 1,126', () => {
    // 20 Feb: 56,000 pays penalty 560, interest 12,000, principal 43,440 → 56,560 unpaid.
    const payments = [{ date: '2024-02-20', amount: 56_000 }, { date: '2024-03-01', amount: 100_000 }];
    const state = loanStateOn(schedule, payments, { asOf: '2024-03-10', penaltyRule: daily });
    expect(state.allocations[0]).toMatchObject({ penalty: 560, interest: 12_000, principal: 43_440 });
    expect(state.installments[0]).toMatchObject({ penalty: 1126, paidPenalty: 1126, paidOffDate: '2024-03-01', daysLate: 15 });
  });

  it('fixed Rp 1,000 a day: 10 days late = 10,000; capped at 5,000 per instalment', () => {
    const fixed: PenaltyRule = { kind: 'per_day', basis: 'fixed', value: 1000, graceDays: 0 };
    expect(penaltyOfFirst(fixed, [], '2024-02-25')).toBe(10_000);
    expect(penaltyOfFirst({ ...fixed, cap: 5000 }, [], '2024-02-25')).toBe(5000);
  });

  it('each overdue instalment carries its own penalty: on 25 Mar, 39 days × 112 + 10 days × 112', () => {
    const state = loanStateOn(schedule, [], { asOf: '2024-03-25', penaltyRule: daily });
    expect(state.installments.slice(0, 3).map((row) => row.penalty)).toEqual([39 * 112, 10 * 112, 0]);
    expect(state.arrears.penalty).toBe(49 * 112);
  });
});

describe('per-instalment penalty', () => {
  it('5 % once, after 7 days of grace: 8 days late = 5,600; 7 days late = 0', () => {
    const rule: PenaltyRule = { kind: 'per_installment', basis: 'percent', value: 5, graceDays: 7 };
    expect(penaltyOfFirst(rule, [{ date: '2024-02-23', amount: 200_000 }], '2024-04-01')).toBe(5600);
    expect(penaltyOfFirst(rule, [{ date: '2024-02-22', amount: 200_000 }], '2024-04-01')).toBe(0);
  });

  it('percent applies to what was unpaid when it triggered: 40,000 short on day 1 → 5 % = 2,000', () => {
    const rule: PenaltyRule = { kind: 'per_installment', basis: 'percent', value: 5, graceDays: 0 };
    const state = loanStateOn(schedule, [{ date: '2024-02-15', amount: 72_000 }], { asOf: '2024-02-28', penaltyRule: rule });
    expect(state.installments[0]?.penalty).toBe(2000);
  });

  it('fixed Rp 25,000 once per late instalment, however late', () => {
    const rule: PenaltyRule = { kind: 'per_installment', basis: 'fixed', value: 25_000, graceDays: 0 };
    expect(penaltyOfFirst(rule, [], '2024-02-16')).toBe(25_000);
    expect(penaltyOfFirst(rule, [], '2024-06-16')).toBe(25_000);
    // On 16 June the instalments of 15 Feb, Mar, Apr, May and Jun are all late: 5 × 25,000.
    expect(loanStateOn(schedule, [], { asOf: '2024-06-16', penaltyRule: rule }).arrears.penalty).toBe(5 * 25_000);
  });
});

describe('PenaltyMeter and validation', () => {
  it('rounds once on the cumulative amount, with the chosen mode', () => {
    const meter = new PenaltyMeter({ kind: 'per_day', basis: 'percent', value: 0.5, graceDays: 0 }, 'half-up');
    const accrual = meter.start();
    meter.accrue(accrual, 0, 0, 1, 100); // 0.5
    expect(meter.charged(accrual)).toBe(1);
    meter.accrue(accrual, 0, 1, 2, 100); // 1.0
    expect(meter.charged(accrual)).toBe(1);
  });

  it.each([
    [{ kind: 'per_week', basis: 'fixed', value: 1, graceDays: 0 }, 'kind'],
    [{ kind: 'per_day', basis: 'share', value: 1, graceDays: 0 }, 'basis'],
    [{ kind: 'per_day', basis: 'percent', value: -1, graceDays: 0 }, 'value'],
    [{ kind: 'per_day', basis: 'percent', value: 101, graceDays: 0 }, 'value'],
    [{ kind: 'per_day', basis: 'fixed', value: 1.5, graceDays: 0 }, 'value'],
    [{ kind: 'per_day', basis: 'fixed', value: 1, graceDays: -1 }, 'graceDays'],
    [{ kind: 'per_day', basis: 'fixed', value: 1, graceDays: 0, cap: -5 }, 'cap'],
  ])('rejects %j (field %s)', (rule, field) => {
    // Deliberately ill-typed, as a stored policy can be.
    expect(() => validatePenaltyRule(rule as PenaltyRule)).toThrow(EngineError);
    try {
      validatePenaltyRule(rule as PenaltyRule);
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_penalty_rule', field });
    }
  });
});
