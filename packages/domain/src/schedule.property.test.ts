import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { toDayNumber } from './dates.ts';
import { arbitraryTerms } from './arbitraries.test-support.ts';
import { buildSchedule } from './schedule.ts';

describe('schedule invariants (property, thousands of random loans)', () => {
  it('principal sums exactly to the loan; balances never negative, never rise, and end at 0', () => {
    fc.assert(
      fc.property(arbitraryTerms, (terms) => {
        const { installments } = buildSchedule(terms);
        expect(installments.reduce((sum, row) => sum + row.principal, 0)).toBe(terms.principal);
        let previous = terms.principal;
        const broken = installments.filter((row) => {
          const bad = row.principal < 0 || row.interest < 0 || row.balance < 0 || row.balance !== previous - row.principal;
          previous = row.balance;
          return bad;
        });
        expect(broken).toEqual([]);
        expect(installments.at(-1)?.balance).toBe(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('totals equal the sum of instalments, and each total = principal + interest (safe integers)', () => {
    fc.assert(
      fc.property(arbitraryTerms, (terms) => {
        const { installments, totals } = buildSchedule(terms);
        let principal = 0;
        let interest = 0;
        for (const row of installments) {
          principal += row.principal;
          interest += row.interest;
        }
        expect(installments.filter((row) => row.total !== row.principal + row.interest || !Number.isSafeInteger(row.total))).toEqual([]);
        expect(totals).toEqual({ principal, interest, total: principal + interest });
      }),
      { numRuns: 3000 },
    );
  });

  it('tenor rows numbered 1..n with strictly increasing due dates after the start date', () => {
    fc.assert(
      fc.property(arbitraryTerms, (terms) => {
        const { installments } = buildSchedule(terms);
        expect(installments.map((row) => row.n)).toEqual(Array.from({ length: terms.tenor }, (_, i) => i + 1));
        let previous = toDayNumber(terms.startDate);
        const unordered = installments.filter((row) => {
          const day = toDayNumber(row.dueDate);
          const bad = day <= previous;
          previous = day;
          return bad;
        });
        expect(unordered).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('grace periods: no principal in the first gracePrincipal, no interest in the first graceInterest', () => {
    fc.assert(
      fc.property(arbitraryTerms, (terms) => {
        const { installments } = buildSchedule(terms);
        for (const row of installments) {
          if (row.n <= (terms.gracePrincipal ?? 0) && row.n < terms.tenor) expect(row.principal).toBe(0);
          if (row.n <= (terms.graceInterest ?? 0)) expect(row.interest).toBe(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('with a multiple, amortising instalments before the last (with no deferred interest) are multiples of it', () => {
    fc.assert(
      fc.property(arbitraryTerms, (terms) => {
        const { installments } = buildSchedule(terms);
        const multiple = terms.multiple;
        if (multiple === undefined) return;
        // Instalment graceInterest + 1 also carries the deferred interest, so it is not rounded.
        const firstAmortising = Math.max((terms.gracePrincipal ?? 0) + 1, (terms.graceInterest ?? 0) + 2);
        for (const row of installments) {
          // Rows capped by the remaining balance are the early-repayment case.
          const capped = row.balance === 0;
          if (row.n >= firstAmortising && row.n < terms.tenor && !capped && row.principal > 0) {
            expect(row.total % multiple).toBe(0);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('zero rate means zero interest for every method', () => {
    fc.assert(
      fc.property(arbitraryTerms, (terms) => {
        expect(buildSchedule({ ...terms, ratePercent: 0 }).totals.interest).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});
