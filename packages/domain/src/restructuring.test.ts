import { describe, it, expect } from 'vitest';
import { EngineError } from './errors.ts';
import { loanStateOn } from './loan-state.ts';
import type { PenaltyRule } from './penalty.ts';
import type { Payment } from './repayment.ts';
import { restructure } from './restructuring.ts';
import { buildSchedule } from './schedule.ts';

// 1,200,000 flat at 1 %/month over 12 from 15 Jan 2024 (112,000 a month), 0.1 %/day penalty.
const schedule = buildSchedule({ principal: 1_200_000, ratePercent: 1, ratePeriod: 'month', tenor: 12, method: 'flat', frequency: 'monthly', startDate: '2024-01-15' });
const penaltyRule: PenaltyRule = { kind: 'per_day', basis: 'percent', value: 0.1, graceDays: 0 };
const paidTwo: Payment[] = [{ date: '2024-02-15', amount: 112_000 }, { date: '2024-03-15', amount: 112_000 }];
// On 1 Jul: April, May and June unpaid (77, 47 and 16 days): penalty (77 + 47 + 16) × 112 = 15,680.
const overdue = loanStateOn(schedule, paidTwo, { asOf: '2024-07-01', penaltyRule });

describe('restructuring an overdue loan with unpaid penalties', () => {
  it('the starting point: DPD 77, arrears 300,000 principal + 36,000 interest + 15,680 penalty', () => {
    expect(overdue).toMatchObject({ daysPastDue: 77, outstandingPrincipal: 1_000_000 });
    expect(overdue.arrears).toEqual({ principal: 300_000, interest: 36_000, penalty: 15_680, total: 351_680 });
  });

  it('mix: 24 months at 0.75 % effective, penalties waived, interest arrears capitalised → principal 1,036,000', () => {
    const result = restructure(schedule, overdue, {
      tenor: 24, ratePercent: 0.75, method: 'effective', waive: { penalty: 'all' }, capitalise: { interest: true },
    });
    expect(result.kinds).toEqual(['rescheduling', 'reconditioning', 'restructuring']);
    expect(result.waived).toEqual({ interest: 0, penalty: 15_680, principal: 0, total: 15_680 });
    expect(result.capitalised).toEqual({ interest: 36_000, penalty: 0, principal: 0, total: 36_000 });
    expect(result.dueAtSigning.total).toBe(0);
    expect(result.terms).toMatchObject({ principal: 1_036_000, tenor: 24, startDate: '2024-07-01', ratePercent: 0.75, method: 'effective' });
    expect(result.schedule.installments[0]).toMatchObject({ dueDate: '2024-08-01', interest: 7770 }); // 1,036,000 × 0.75 %
    // Old: 10 unpaid instalments × 112,000 + 15,680 penalty = 1,135,680.
    expect(result.comparison.remainingUnderOldTerms).toBe(1_135_680);
    expect(result.comparison.totalUnderNewTerms).toBe(result.schedule.totals.total);
    expect(result.comparison.difference).toBe(result.schedule.totals.total - 1_135_680);
  });

  it('rescheduling only: 18 months, arrears of interest and penalty (51,680) due at signing, principal 1,000,000', () => {
    const result = restructure(schedule, overdue, { tenor: 18 });
    expect(result.kinds).toEqual(['rescheduling']);
    expect(result.dueAtSigning).toEqual({ interest: 36_000, penalty: 15_680, principal: 0, total: 51_680 });
    expect(result.schedule.totals.principal).toBe(1_000_000);
    // Flat 1 % on the new principal: 18 × 10,000 interest.
    expect(result.schedule.totals.interest).toBe(180_000);
    expect(result.comparison.totalUnderNewTerms).toBe(51_680 + 1_180_000);
  });

  it('reconditioning: waive 20,000 of interest arrears and 200,000 of principal; capitalise the penalty, with grace', () => {
    const result = restructure(schedule, overdue, {
      waive: { interest: 20_000, principal: 200_000 }, capitalise: { penalty: true }, gracePrincipal: 2, graceInterest: 1,
    });
    expect(result.waived).toMatchObject({ interest: 20_000, principal: 200_000 });
    expect(result.dueAtSigning).toMatchObject({ interest: 16_000, penalty: 0 });
    expect(result.terms.principal).toBe(1_000_000 - 200_000 + 15_680);
    // Default tenor: the 10 instalments not yet paid.
    expect(result.terms.tenor).toBe(10);
    expect(result.kinds).toEqual(['rescheduling', 'reconditioning', 'restructuring']);
    expect(result.schedule.installments[0]).toMatchObject({ principal: 0, interest: 0 });
  });

  it('rejects waivers beyond what is owed, forgiving everything, settled loans and empty plans', () => {
    expect(() => restructure(schedule, overdue, { waive: { penalty: 15_681 } })).toThrow(EngineError);
    expect(() => restructure(schedule, overdue, { waive: { principal: 'all' } })).toThrow(/forgiveness/);
    const settled = loanStateOn(schedule, [{ date: '2024-02-01', amount: 2_000_000 }], { asOf: '2024-03-01' });
    expect(() => restructure(schedule, settled, { tenor: 6 })).toThrow(/settled/);
    // Current loan on a due date: rebuilding the 10 remaining instalments changes nothing.
    const current = loanStateOn(schedule, paidTwo, { asOf: '2024-03-15' });
    expect(() => restructure(schedule, current, {})).toThrow(/changes nothing/);
  });
});
