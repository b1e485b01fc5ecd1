import { describe, it, expect } from 'vitest';
import { EngineError } from './errors.ts';
import { HEALTH_BAND_LABELS, healthBand, portfolioRatios } from './ratios.ts';
import type { PortfolioLoan } from './ratios.ts';

const loan = (outstanding: number, dpd: number, classCode: string, allowance: number, allowanceBooked?: number): PortfolioLoan => ({
  outstanding, dpd, classCode, nonPerforming: ['KL', 'D', 'M'].includes(classCode), allowance, ...(allowanceBooked === undefined ? {} : { allowanceBooked }),
});

// 1,000,000,000 portfolio: L 850m, DPK 50m (45 DPD), KL 40m (100 DPD), D 30m (150 DPD), M 30m (400 DPD).
const portfolio = [
  loan(850_000_000, 0, 'L', 8_500_000),
  loan(50_000_000, 45, 'DPK', 2_500_000),
  loan(40_000_000, 100, 'KL', 6_000_000),
  loan(30_000_000, 150, 'D', 15_000_000),
  loan(30_000_000, 400, 'M', 30_000_000),
];

describe('portfolio ratios (fractions of total loans)', () => {
  const ratios = portfolioRatios(portfolio);

  it('NPL gross = (40 + 30 + 30) m ÷ 1,000 m = 0.10', () => {
    expect(ratios.nplAmount).toBe(100_000_000);
    expect(ratios.nplGross).toBeCloseTo(0.1, 12);
  });

  it('NPL net = (100 m − allowance on KL, D, M 51 m) ÷ 1,000 m = 0.049', () => {
    expect(ratios.nplNet).toBeCloseTo(0.049, 12);
  });

  it('PAR30 = (50 + 40 + 30 + 30) m ÷ 1,000 m = 0.15; PAR90 = 100 m ÷ 1,000 m = 0.10', () => {
    expect(ratios.par30).toBeCloseTo(0.15, 12);
    expect(ratios.par90).toBeCloseTo(0.1, 12);
  });

  it('weighted problem loans = (50 %·40 + 75 %·30 + 100 %·30) m ÷ 1,000 m = 72.5 ÷ 1,000 = 0.0725', () => {
    expect(ratios.weightedProblemLoanRatio).toBeCloseTo(0.0725, 12);
  });

  it('allowance coverage = 62 m total allowance ÷ 100 m NPL = 0.62', () => {
    expect(ratios.allowanceRequired).toBe(62_000_000);
    expect(ratios.allowanceCoverage).toBeCloseTo(0.62, 12);
  });

  it('health band at exactly 10 % NPL is cukup sehat (boundaries belong to the better band)', () => {
    expect(ratios.healthBand).toBe('cukup_sehat');
    expect(ratios.byClass['M']).toEqual({ count: 1, outstanding: 30_000_000 });
    expect(ratios.loanCount).toBe(5);
  });

  it('booked allowance, where given, drives NPL net and coverage: booked 20 m on the Macet loan → net 0.059', () => {
    const booked = portfolioRatios([...portfolio.slice(0, 4), loan(30_000_000, 400, 'M', 30_000_000, 20_000_000)]);
    expect(booked.nplNet).toBeCloseTo(0.059, 12);
    expect(booked.allowanceBooked).toBe(52_000_000);
    expect(booked.allowanceRequired).toBe(62_000_000);
  });

  it('NPL net is floored at 0 when allowances exceed the NPL', () => {
    expect(portfolioRatios([loan(100, 200, 'M', 100, 150)]).nplNet).toBe(0);
  });

  it('an empty portfolio gives 0 for every ratio, no NaN, and no coverage', () => {
    const empty = portfolioRatios([]);
    expect(empty).toMatchObject({ nplGross: 0, nplNet: 0, par30: 0, par90: 0, weightedProblemLoanRatio: 0, totalOutstanding: 0, healthBand: 'sehat', allowanceCoverage: null });
  });

  it('rejects fractional or negative amounts with the loan index', () => {
    expect(() => portfolioRatios([loan(10.5, 0, 'L', 0)])).toThrow(EngineError);
    expect(() => portfolioRatios([loan(10, 0, 'L', 0), loan(10, 0, 'L', -1)])).toThrow(/loans\[1\]\.allowance/);
  });
});

describe('healthBand', () => {
  it.each([
    [0, 'sehat'], [0.05, 'sehat'], [0.0501, 'cukup_sehat'], [0.1, 'cukup_sehat'], [0.15, 'kurang_sehat'], [0.1501, 'tidak_sehat'],
  ] as const)('gross NPL %f → %s', (npl, band) => {
    expect(healthBand(npl)).toBe(band);
  });

  it('has Indonesian labels', () => {
    expect(HEALTH_BAND_LABELS).toEqual({ sehat: 'Sehat', cukup_sehat: 'Cukup Sehat', kurang_sehat: 'Kurang Sehat', tidak_sehat: 'Tidak Sehat' });
  });
});
