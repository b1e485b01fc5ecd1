import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { arbitraryPenaltyRule, arbitraryTerms } from './arbitraries.test-support.ts';
import { classify } from './classification.ts';
import { COOPERATIVE_4, OJK_BANK } from './classification-presets.ts';
import { addDays } from './dates.ts';
import { loanStateOn } from './loan-state.ts';
import type { Payment } from './repayment.ts';
import { buildSchedule } from './schedule.ts';

// Short loans keep thousands of runs fast; the schedule properties cover long tenors.
const terms = arbitraryTerms.map((t) => ({ ...t, tenor: Math.min(t.tenor, 24), gracePrincipal: 0, graceInterest: 0 }));

describe('loan state invariants (property)', () => {
  it('while nothing is paid, DPD, arrears and class never decrease as asOf advances', () => {
    fc.assert(
      fc.property(terms, arbitraryPenaltyRule, fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 2, maxLength: 8 }), (t, rule, steps) => {
        const schedule = buildSchedule(t);
        let asOf = t.startDate;
        let previous = loanStateOn(schedule, [], { asOf, penaltyRule: rule });
        for (const step of steps) {
          asOf = addDays(asOf, step);
          const state = loanStateOn(schedule, [], { asOf, penaltyRule: rule });
          expect(state.daysPastDue).toBeGreaterThanOrEqual(previous.daysPastDue);
          expect(state.arrears.total).toBeGreaterThanOrEqual(previous.arrears.total);
          for (const policy of [OJK_BANK, COOPERATIVE_4]) {
            expect(classify(state.daysPastDue, t.frequency, policy).class).toBeGreaterThanOrEqual(classify(previous.daysPastDue, t.frequency, policy).class);
          }
          previous = state;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('paying the payoff amount leaves nothing due, then or later', () => {
    fc.assert(
      fc.property(terms, arbitraryPenaltyRule, fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 400 }), (t, rule, day, later) => {
        const schedule = buildSchedule(t);
        const date = addDays(t.startDate, day);
        const before = loanStateOn(schedule, [], { asOf: date, penaltyRule: rule });
        fc.pre(before.payoffAmount > 0);
        const payments: Payment[] = [{ date, amount: before.payoffAmount }];
        for (const asOf of [date, addDays(date, later)]) {
          const after = loanStateOn(schedule, payments, { asOf, penaltyRule: rule });
          expect(after).toMatchObject({ settled: true, payoffAmount: 0, outstandingPrincipal: 0, daysPastDue: 0, credit: 0 });
          expect(after.arrears.total).toBe(0);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('every rupiah paid is accounted for: Σ payments = paid principal + interest + penalty + credit', () => {
    const payment = fc.record({ day: fc.integer({ min: 0, max: 800 }), amount: fc.integer({ min: 1, max: 2_000_000 }) });
    fc.assert(
      fc.property(terms, arbitraryPenaltyRule, fc.array(payment, { maxLength: 12 }), fc.integer({ min: 0, max: 900 }), (t, rule, raw, asOfDay) => {
        const schedule = buildSchedule(t);
        const payments = raw.map((p) => ({ date: addDays(t.startDate, p.day), amount: p.amount }));
        const state = loanStateOn(schedule, payments, { asOf: addDays(t.startDate, asOfDay), penaltyRule: rule });
        const received = raw.filter((p) => p.day <= asOfDay).reduce((sum, p) => sum + p.amount, 0);
        expect(state.paid.total + state.credit).toBe(received);
        expect(state.outstandingPrincipal).toBeGreaterThanOrEqual(0);
        expect(state.arrears.principal).toBeGreaterThanOrEqual(0);
        expect(state.arrears.interest).toBeGreaterThanOrEqual(0);
        expect(state.arrears.penalty).toBeGreaterThanOrEqual(0);
        expect(state.paid.principal).toBeLessThanOrEqual(t.principal);
        expect(state.payoffAmount).toBe(state.outstandingPrincipal + state.arrears.interest + state.arrears.penalty);
      }),
      { numRuns: 1500 },
    );
  });

  it('paying every instalment on its due date: never past due, no penalty, settled at the end', () => {
    fc.assert(
      fc.property(terms, arbitraryPenaltyRule, (t, rule) => {
        const schedule = buildSchedule(t);
        const payments = schedule.installments.filter((row) => row.total > 0).map((row) => ({ date: row.dueDate, amount: row.total }));
        const last = schedule.installments.at(-1)?.dueDate ?? t.startDate;
        const state = loanStateOn(schedule, payments, { asOf: addDays(last, 30), penaltyRule: rule });
        expect(state).toMatchObject({ settled: true, daysPastDue: 0 });
        expect(state.paid.penalty).toBe(0);
        // Only a degenerate schedule whose rounding repaid all principal before the last
        // instalment has flat interest left to waive once the principal is repaid.
        if ((schedule.installments.at(-1)?.principal ?? 0) > 0) expect(state.interestWaived).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
});
