import { describe, it, expect } from 'vitest';
import { EngineError } from './errors.ts';
import { loanStateOn } from './loan-state.ts';
import { applyPayments } from './repayment.ts';
import type { AllocationComponent, Payment } from './repayment.ts';
import { buildSchedule } from './schedule.ts';

// 1,200,000 flat at 1 %/month over 12 from 15 Jan 2024: 100,000 + 12,000 = 112,000 on the 15th.
const schedule = buildSchedule({ principal: 1_200_000, ratePercent: 1, ratePeriod: 'month', tenor: 12, method: 'flat', frequency: 'monthly', startDate: '2024-01-15' });
const daily = { kind: 'per_day', basis: 'percent', value: 0.1, graceDays: 0 } as const;

describe('allocation', () => {
  it('on-time instalments: each 112,000 = 12,000 interest + 100,000 principal, nothing in arrears', () => {
    const payments: Payment[] = [{ date: '2024-02-15', amount: 112_000 }, { date: '2024-03-15', amount: 112_000 }];
    const state = loanStateOn(schedule, payments, { asOf: '2024-03-20', penaltyRule: daily });
    expect(state.allocations.map((a) => [a.interest, a.principal, a.penalty])).toEqual([[12_000, 100_000, 0], [12_000, 100_000, 0]]);
    expect(state.arrears.total).toBe(0);
    expect(state.daysPastDue).toBe(0);
    expect(state.outstandingPrincipal).toBe(1_000_000);
    expect(state.nextDueDate).toBe('2024-04-15');
  });

  it('penalty → interest → principal: 10 days late, 112,000 pays 1,120 penalty, 12,000 interest, 98,880 principal', () => {
    const state = loanStateOn(schedule, [{ date: '2024-02-25', amount: 112_000 }], { asOf: '2024-02-25', penaltyRule: daily });
    expect(state.allocations[0]).toMatchObject({ penalty: 1120, interest: 12_000, principal: 98_880 });
    expect(state.arrears).toEqual({ principal: 1120, interest: 0, penalty: 0, total: 1120 });
    expect(state.daysPastDue).toBe(10);
  });

  it('configurable order principal → interest → penalty: the same 112,000 leaves the penalty unpaid', () => {
    const order: AllocationComponent[] = ['principal', 'interest', 'penalty'];
    const state = loanStateOn(schedule, [{ date: '2024-02-25', amount: 112_000 }], { asOf: '2024-02-25', penaltyRule: daily, allocationOrder: order });
    expect(state.allocations[0]).toMatchObject({ principal: 100_000, interest: 12_000, penalty: 0 });
    expect(state.arrears).toEqual({ principal: 0, interest: 0, penalty: 1120, total: 1120 });
    // Unpaid penalty alone does not make the loan past due.
    expect(state.daysPastDue).toBe(0);
    expect(state.settled).toBe(false);
  });

  it('allocation is per instalment, oldest first: 150,000 clears instalment 1 and starts on 2', () => {
    const state = loanStateOn(schedule, [{ date: '2024-03-15', amount: 150_000 }], { asOf: '2024-03-15' });
    expect(state.installments[0]).toMatchObject({ paidInterest: 12_000, paidPrincipal: 100_000, daysLate: 29 });
    expect(state.installments[1]).toMatchObject({ paidInterest: 12_000, paidPrincipal: 26_000 });
    expect(state.oldestUnpaidDueDate).toBe('2024-03-15');
  });

  it('partial payment: 50,000 on 15 Feb = 12,000 interest + 38,000 principal; on 20 Mar arrears 62,000 + 112,000', () => {
    const state = loanStateOn(schedule, [{ date: '2024-02-15', amount: 50_000 }], { asOf: '2024-03-20' });
    // Instalment 1 still owes 62,000 principal; instalment 2 (15 Mar) owes 100,000 + 12,000.
    expect(state.arrears).toMatchObject({ principal: 162_000, interest: 12_000, total: 174_000 });
    expect(state.daysPastDue).toBe(34);
    expect(state.oldestUnpaidDueDate).toBe('2024-02-15');
    expect(state.due).toMatchObject({ principal: 200_000, interest: 24_000 });
  });

  it('early payment goes to the next instalment: 112,000 on 1 Feb pays instalment 1 before it is due', () => {
    const state = loanStateOn(schedule, [{ date: '2024-02-01', amount: 112_000 }], { asOf: '2024-02-20' });
    expect(state.installments[0]).toMatchObject({ paidOffDate: '2024-02-01', daysLate: 0 });
    expect(state.arrears.total).toBe(0);
    expect(state.nextDueDate).toBe('2024-03-15');
  });

  it('paying two instalments ahead: 224,000 on 1 Feb covers February and March', () => {
    const state = loanStateOn(schedule, [{ date: '2024-02-01', amount: 224_000 }], { asOf: '2024-03-20' });
    expect(state.daysPastDue).toBe(0);
    expect(state.nextDueDate).toBe('2024-04-15');
    expect(state.paid.total).toBe(224_000);
  });

  it('same-day payments apply in the order given; payments after asOf are ignored', () => {
    const payments: Payment[] = [{ date: '2024-02-15', amount: 12_000 }, { date: '2024-02-15', amount: 100_000 }, { date: '2024-05-01', amount: 999 }];
    const ledger = applyPayments(schedule, payments, { asOf: '2024-02-16' });
    expect(ledger.allocations.map((a) => [a.interest, a.principal])).toEqual([[12_000, 0], [0, 100_000]]);
  });
});

describe('payoff and over-payment', () => {
  it('payoff on 1 Apr with one instalment 17 days late: 1,100,000 principal + 12,000 due interest + 1,904 penalty', () => {
    const state = loanStateOn(schedule, [{ date: '2024-02-15', amount: 112_000 }], { asOf: '2024-04-01', penaltyRule: daily });
    expect(state.payoffAmount).toBe(1_100_000 + 12_000 + 1904);
  });

  it('paying the payoff settles the loan, waives 10 × 12,000 of future interest and keeps 5 as credit', () => {
    const first: Payment = { date: '2024-02-15', amount: 112_000 };
    const payoff: Payment = { date: '2024-04-01', amount: 1_113_904 + 5 };
    const state = loanStateOn(schedule, [first, payoff], { asOf: '2024-05-01', penaltyRule: daily });
    expect(state).toMatchObject({ settled: true, settledOn: '2024-04-01', payoffAmount: 0, outstandingPrincipal: 0, credit: 5, interestWaived: 120_000, daysPastDue: 0 });
    expect(state.allocations[1]).toMatchObject({ payoff: true, penalty: 1904, interest: 12_000, principal: 1_100_000, credit: 5 });
    expect(state.arrears.total).toBe(0);
    expect(state.nextDueDate).toBeNull();
  });

  it('with waiveFutureInterestOnPayoff false the payoff adds the remaining 10 × 12,000 interest', () => {
    const options = { asOf: '2024-04-01', waiveFutureInterestOnPayoff: false } as const;
    const state = loanStateOn(schedule, [{ date: '2024-03-15', amount: 224_000 }], options);
    expect(state.payoffAmount).toBe(1_000_000 + 120_000);
    const paid = loanStateOn(schedule, [{ date: '2024-03-15', amount: 224_000 }, { date: '2024-04-01', amount: 1_120_000 }], options);
    expect(paid).toMatchObject({ settled: true, interestWaived: 0, credit: 0 });
  });

  it('over-payment after settlement is all credit', () => {
    const payments: Payment[] = [{ date: '2024-02-01', amount: 1_200_000 }, { date: '2024-03-01', amount: 7000 }];
    const state = loanStateOn(schedule, payments, { asOf: '2024-03-01' });
    expect(state.credit).toBe(7000);
    expect(state.allocations[1]).toMatchObject({ credit: 7000, payoff: false });
    expect(state.paid.total + state.credit).toBe(1_207_000);
  });

  it('regular payments to the end settle the loan on the last payment date', () => {
    const payments = schedule.installments.map((row) => ({ date: row.dueDate, amount: row.total }));
    const state = loanStateOn(schedule, payments, { asOf: '2025-06-01', penaltyRule: daily });
    expect(state).toMatchObject({ settled: true, settledOn: '2025-01-15', interestWaived: 0, credit: 0 });
    expect(state.paid).toEqual({ principal: 1_200_000, interest: 144_000, penalty: 0, total: 1_344_000 });
  });
});

describe('validation', () => {
  it('rejects a payment before disbursement', () => {
    expect(() => applyPayments(schedule, [{ date: '2024-01-14', amount: 1 }], { asOf: '2024-02-01' })).toThrow(EngineError);
    try {
      applyPayments(schedule, [{ date: '2024-02-01', amount: 1 }, { date: '2024-01-01', amount: 1 }], { asOf: '2024-02-01' });
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_payment', field: 'payments[1].date' });
    }
  });

  it('rejects zero, fractional and unsafe amounts, bad dates and a bad allocation order', () => {
    const asOf = { asOf: '2024-03-01' };
    expect(() => applyPayments(schedule, [{ date: '2024-02-01', amount: 0 }], asOf)).toThrow(/payments\[0\]\.amount/);
    expect(() => applyPayments(schedule, [{ date: '2024-02-01', amount: 10.5 }], asOf)).toThrow(EngineError);
    expect(() => applyPayments(schedule, [{ date: '2024-02-30', amount: 10 }], asOf)).toThrow(EngineError);
    expect(() => applyPayments(schedule, [], { asOf: 'yesterday' })).toThrow(EngineError);
    expect(() => applyPayments(schedule, [], { asOf: '2024-03-01', allocationOrder: ['interest', 'interest', 'principal'] })).toThrow(/allocationOrder/);
  });

  it('before disbursement nothing is due', () => {
    const state = loanStateOn(schedule, [], { asOf: '2024-01-01' });
    expect(state).toMatchObject({ daysPastDue: 0, outstandingPrincipal: 1_200_000, nextDueDate: '2024-02-15' });
    expect(state.due.total).toBe(0);
  });
});
