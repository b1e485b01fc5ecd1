/**
 * fast-check generators shared by the property tests (test-only; not exported by index.ts).
 */
import fc from 'fast-check';
import { fromDayNumber, toDayNumber } from './dates.ts';
import type { PenaltyRule } from './penalty.ts';
import type { LoanTerms } from './schedule.ts';

/** Random valid terms across every method, frequency, grace, multiple, rounding and decimals. */
export const arbitraryTerms: fc.Arbitrary<LoanTerms> = fc
  .record({
    principal: fc.integer({ min: 1, max: 1_000_000_000_000 }),
    rateBasisPoints: fc.integer({ min: 0, max: 1500 }),
    ratePeriod: fc.constantFrom('month' as const, 'year' as const),
    tenor: fc.integer({ min: 1, max: 120 }),
    method: fc.constantFrom('flat' as const, 'effective' as const, 'annuity' as const),
    frequency: fc.constantFrom('daily' as const, 'weekly' as const, 'fortnightly' as const, 'monthly' as const),
    startDay: fc.integer({ min: toDayNumber('2000-01-01'), max: toDayNumber('2040-12-31') }),
    graceShare: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
    decimals: fc.integer({ min: 0, max: 4 }),
    rounding: fc.constantFrom('half-even' as const, 'half-up' as const, 'up' as const, 'down' as const),
    multipleRounding: fc.constantFrom('half-even' as const, 'half-up' as const, 'up' as const, 'down' as const),
    multiple: fc.option(fc.constantFrom(1, 10, 100, 500, 1000, 5000, 100_000), { nil: undefined }),
  })
  .map((r) => {
    const maxGrace = r.tenor - 1;
    const multiple = r.multiple !== undefined && r.multiple <= r.principal ? r.multiple : undefined;
    return {
      principal: r.principal,
      ratePercent: r.rateBasisPoints / 100,
      ratePeriod: r.ratePeriod,
      tenor: r.tenor,
      method: r.method,
      frequency: r.frequency,
      startDate: fromDayNumber(r.startDay),
      gracePrincipal: Math.floor(r.graceShare[0] * maxGrace),
      graceInterest: Math.floor(r.graceShare[1] * maxGrace),
      decimals: r.decimals,
      rounding: r.rounding,
      multipleRounding: r.multipleRounding,
      ...(multiple === undefined ? {} : { multiple }),
    };
  });


/** Random penalty rules of every kind. */
export const arbitraryPenaltyRule: fc.Arbitrary<PenaltyRule> = fc.oneof(
  fc.constant({ kind: 'none' } as const),
  fc.record({
    kind: fc.constantFrom('per_day' as const, 'per_installment' as const),
    basis: fc.constant('percent' as const),
    value: fc.integer({ min: 0, max: 500 }).map((bp) => bp / 100),
    graceDays: fc.integer({ min: 0, max: 10 }),
    cap: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constantFrom('per_day' as const, 'per_installment' as const),
    basis: fc.constant('fixed' as const),
    value: fc.integer({ min: 0, max: 50_000 }),
    graceDays: fc.integer({ min: 0, max: 10 }),
    cap: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
  }),
);
