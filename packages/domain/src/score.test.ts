import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { creditScore, historyCode, historyString, monthlyInstalment, monthsBefore, severityOf, type HistoryCode, type ScoreInput } from './score.ts';

describe('history codes', () => {
  it.each([
    [0, 'active', '0'], [1, 'active', '1'], [30, 'active', '1'], [31, 'active', '2'], [60, 'active', '2'], [61, 'active', '3'],
    [90, 'active', '3'], [91, 'active', '4'], [120, 'active', '4'], [121, 'active', '5'], [180, 'active', '5'], [181, 'active', '6'],
    [10, 'restructured', 'R'], [400, 'written_off', 'W'], [0, 'forgiven', 'F'], [0, 'settled', 'C'],
  ] as const)('DPD %i, %s → %s', (dpd, status, code) => {
    expect(historyCode(dpd, status)).toBe(code);
  });

  it('months before 2026-02: 1 → 2026-01, 2 → 2025-12, 14 → 2024-12', () => {
    expect([1, 2, 14].map((b) => monthsBefore('2026-02', b))).toEqual(['2026-01', '2025-12', '2024-12']);
  });

  it('newest first, "-" for months not reported: Oct 0, Sep missing, Aug 2 → "0-2-"', () => {
    expect(historyString(new Map<string, HistoryCode>([['2026-10', '0'], ['2026-08', '2']]), '2026-10', 4)).toBe('0-2-');
    expect(historyString(new Map(), '2026-10')).toBe('-'.repeat(24));
  });
});

describe('credit score: hand-computed', () => {
  it('a clean single loan: 800 − 0 − 0 − 0 = 800, grade A, no reasons', () => {
    const s = creditScore({ histories: ['000000'], openLenders: 1, recentInquiries: 1, debtServiceRatio: 0.2 });
    expect(s).toEqual({ value: 800, grade: 'A', penalties: { history: 0, stacking: 0, burden: 0 }, reasons: [] });
  });

  it('two lenders, one 31–60 DPD this month: 800 − 2×40 − 40×(2−1) = 680, grade B', () => {
    const s = creditScore({ histories: ['2000', '0000'], openLenders: 2, recentInquiries: 1, debtServiceRatio: null });
    expect(s.penalties).toEqual({ history: 80, stacking: 40, burden: 0 });
    expect(s.value).toBe(680);
    expect(s.grade).toBe('B');
    expect(s.reasons.map((r) => r.code)).toEqual(['recent_delinquency', 'many_lenders']);
  });

  it('recency: a "3" at month 8 weighs 3×40×0.75 = 90, at month 15 3×40×0.5 = 60', () => {
    expect(creditScore({ histories: ['00000000' + '3'], openLenders: 1, recentInquiries: 1, debtServiceRatio: null }).value).toBe(710);
    expect(creditScore({ histories: ['0'.repeat(15) + '3'], openLenders: 1, recentInquiries: 1, debtServiceRatio: null }).value).toBe(740);
  });

  it('write-off and stacking: 800 − 7×40 − (40×2 + 25×2) = 390, grade E; DSR 0.55 adds 400×0.25 = 100 → 300 (floor)', () => {
    const base: ScoreInput = { histories: ['W00', '000', '000'], openLenders: 3, recentInquiries: 3, debtServiceRatio: null };
    const s = creditScore(base);
    expect(s.penalties).toEqual({ history: 280, stacking: 130, burden: 0 });
    expect(s.value).toBe(390);
    expect(s.grade).toBe('E');
    expect(s.reasons.map((r) => r.code)).toEqual(['write_off', 'many_lenders', 'recent_inquiries']);
    expect(creditScore({ ...base, debtServiceRatio: 0.55 }).value).toBe(300);
  });

  it('no accounts at all: 800 and the information reason no_history', () => {
    const s = creditScore({ histories: [], openLenders: 0, recentInquiries: 1, debtServiceRatio: null });
    expect(s.value).toBe(800);
    expect(s.reasons).toEqual([{ code: 'no_history', points: 0 }]);
  });

  it('weekly 250,000 is 250,000 × 52 ÷ 12 = 1,083,333 a month', () => {
    expect(monthlyInstalment(250_000, 52)).toBe(1_083_333);
  });
});

const CODES: HistoryCode[] = ['0', '1', '2', '3', '4', '5', '6', 'R', 'W', 'F', 'C', '-'];
const history = fc.array(fc.constantFrom(...CODES), { minLength: 1, maxLength: 24 }).map((a) => a.join(''));
const input: fc.Arbitrary<ScoreInput> = fc.record({
  histories: fc.array(history, { maxLength: 6 }),
  openLenders: fc.integer({ min: 0, max: 8 }),
  recentInquiries: fc.integer({ min: 0, max: 10 }),
  debtServiceRatio: fc.option(fc.double({ min: 0, max: 3, noNaN: true }), { nil: null }),
});

describe('credit score: properties', () => {
  it('a worse month in any history never raises the score', () => {
    fc.assert(fc.property(input, fc.nat(), fc.nat(23), fc.constantFrom(...CODES), (s, which, age, replacement) => {
      fc.pre(s.histories.length > 0);
      const i = which % s.histories.length;
      const h = (s.histories[i] ?? '').padEnd(age + 1, '0');
      fc.pre(severityOf(replacement) >= severityOf(h[age] ?? '-'));
      const before = s.histories.map((x, j) => (j === i ? h : x));
      const after = s.histories.map((x, j) => (j === i ? h.slice(0, age) + replacement + h.slice(age + 1) : x));
      expect(creditScore({ ...s, histories: after }).value).toBeLessThanOrEqual(creditScore({ ...s, histories: before }).value);
    }));
  });

  it('more lenders or more inquiries never raise the score', () => {
    fc.assert(fc.property(input, fc.nat(5), fc.nat(5), (s, moreLenders, moreInquiries) => {
      const worse = { ...s, openLenders: s.openLenders + moreLenders, recentInquiries: s.recentInquiries + moreInquiries };
      expect(creditScore(worse).value).toBeLessThanOrEqual(creditScore(s).value);
    }));
  });

  it('a higher debt-service ratio never raises the score', () => {
    fc.assert(fc.property(input, fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), (s, a, b) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      expect(creditScore({ ...s, debtServiceRatio: high }).value).toBeLessThanOrEqual(creditScore({ ...s, debtServiceRatio: low }).value);
    }));
  });

  it('the score stays in 300–800, the grade follows it, at most four reasons', () => {
    fc.assert(fc.property(input, (s) => {
      const r = creditScore(s);
      expect(r.value).toBeGreaterThanOrEqual(300);
      expect(r.value).toBeLessThanOrEqual(800);
      expect(r.reasons.length).toBeLessThanOrEqual(4);
      expect(r.grade).toBe(r.value >= 720 ? 'A' : r.value >= 650 ? 'B' : r.value >= 580 ? 'C' : r.value >= 500 ? 'D' : 'E');
    }));
  });
});
