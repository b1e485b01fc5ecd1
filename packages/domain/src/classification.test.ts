import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { classify, findClassByCode, validatePolicy } from './classification.ts';
import type { ClassificationPolicy } from './classification.ts';
import { BPR, CLASSIFICATION_PRESETS, COOPERATIVE_4, cooperativePolicy, DEFAULT_COOPERATIVE_BANDS, OJK_BANK } from './classification-presets.ts';
import { EngineError } from './errors.ts';
import { FREQUENCIES } from './rates.ts';

const code = (dpd: number, policy: ClassificationPolicy, frequency: 'daily' | 'weekly' | 'fortnightly' | 'monthly' = 'monthly') =>
  classify(dpd, frequency, policy).code;

describe('OJK bank preset (POJK 40/2019)', () => {
  it.each([
    [0, 'L'], [1, 'DPK'], [90, 'DPK'], [91, 'KL'], [120, 'KL'], [121, 'D'], [180, 'D'], [181, 'M'], [5000, 'M'],
  ])('DPD %i → %s', (dpd, expected) => {
    expect(code(dpd, OJK_BANK)).toBe(expected);
  });

  it('bank DPD bands do not depend on the instalment frequency', () => {
    for (const frequency of FREQUENCIES) expect(classify(100, frequency, OJK_BANK).code).toBe('KL');
  });

  it('allowances 1 / 5 / 15 / 50 / 100 %; BPR 0.5 / 3 / 10 / 50 / 100 %; KL, D, M are non-performing', () => {
    expect(OJK_BANK.classes.map((c) => c.allowancePercent)).toEqual([1, 5, 15, 50, 100]);
    expect(BPR.classes.map((c) => c.allowancePercent)).toEqual([0.5, 3, 10, 50, 100]);
    expect(OJK_BANK.classes.filter((c) => c.nonPerforming).map((c) => c.code)).toEqual(['KL', 'D', 'M']);
    expect(code(121, BPR)).toBe('D');
  });
});

describe('cooperative preset (configurable, unconfirmed bands)', () => {
  it('monthly: Lancar 0–30, Kurang Lancar 31–90, Diragukan 91–180, Macet > 180 — four classes, no DPK', () => {
    expect([0, 30, 31, 90, 91, 180, 181].map((dpd) => code(dpd, COOPERATIVE_4))).toEqual(['L', 'L', 'KL', 'KL', 'D', 'D', 'M']);
    expect(COOPERATIVE_4.classes.map((c) => c.code)).toEqual(['L', 'KL', 'D', 'M']);
  });

  it('weekly: Lancar to 7 days, KL to 30, D to 90; daily: Lancar to 3 days', () => {
    expect([7, 8, 30, 31, 90, 91].map((dpd) => code(dpd, COOPERATIVE_4, 'weekly'))).toEqual(['L', 'KL', 'KL', 'D', 'D', 'M']);
    expect([3, 4].map((dpd) => code(dpd, COOPERATIVE_4, 'daily'))).toEqual(['L', 'KL']);
    expect([14, 15, 60, 61, 120, 121].map((dpd) => code(dpd, COOPERATIVE_4, 'fortnightly'))).toEqual(['L', 'KL', 'KL', 'D', 'D', 'M']);
  });

  it('cooperativePolicy builds a policy with other bands, e.g. strict Lancar = 0 days', () => {
    const strict = cooperativePolicy({ ...DEFAULT_COOPERATIVE_BANDS, lancar: { monthly: 0 } }, 'strict');
    expect(code(1, strict)).toBe('KL');
    expect(code(1, strict, 'daily')).toBe('KL');
    expect(strict.id).toBe('strict');
  });

  it('presets are listed by id and all validate', () => {
    expect(Object.keys(CLASSIFICATION_PRESETS)).toEqual(['ojk_bank', 'bpr', 'cooperative_4']);
    for (const policy of Object.values(CLASSIFICATION_PRESETS)) expect(() => validatePolicy(policy)).not.toThrow();
    expect(findClassByCode(OJK_BANK, 'D')?.name).toBe('Diragukan');
    expect(findClassByCode(OJK_BANK, 'X')).toBeUndefined();
  });
});

describe('overrides', () => {
  it('a loan in court is Macet whatever its DPD', () => {
    expect(classify(0, 'monthly', OJK_BANK, { inCourt: true }).code).toBe('M');
    expect(classify(0, 'weekly', COOPERATIVE_4, { inCourt: true }).code).toBe('M');
  });

  it('restructured, capped at class 3 until 3 on-time instalments: DPD 0 stays KL with 2, becomes L with 3', () => {
    const cap = (onTime: number) => classify(0, 'monthly', OJK_BANK, { restructured: { capClass: 3, onTimeInstallmentsSince: onTime, required: 3 } }).code;
    expect(cap(2)).toBe('KL');
    expect(cap(3)).toBe('L');
  });

  it('the cap never improves a class: restructured DPD 200 is still M', () => {
    expect(classify(200, 'monthly', OJK_BANK, { restructured: { capClass: 3, onTimeInstallmentsSince: 0, required: 3 } }).code).toBe('M');
  });

  it('an unknown capClass is a policy error', () => {
    expect(() => classify(0, 'monthly', OJK_BANK, { restructured: { capClass: 9, onTimeInstallmentsSince: 0, required: 1 } })).toThrow(EngineError);
  });
});

describe('monotone in DPD (property)', () => {
  const bands = fc
    .uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 3, maxLength: 3 })
    .map((values) => [...values].sort((a, b) => a - b));
  const policies = fc.oneof(
    fc.constantFrom(OJK_BANK, BPR, COOPERATIVE_4),
    fc.tuple(bands, bands).map(([monthly, weekly]) =>
      cooperativePolicy({
        lancar: { monthly: monthly[0] ?? 0, weekly: weekly[0] ?? 0 },
        kurangLancar: { monthly: monthly[1] ?? 1, weekly: weekly[1] ?? 1 },
        diragukan: { monthly: monthly[2] ?? 2, weekly: weekly[2] ?? 2 },
      }),
    ),
  );

  it('more days past due never gives a better class, for every frequency and policy', () => {
    fc.assert(
      fc.property(policies, fc.constantFrom(...FREQUENCIES), fc.nat(2000), fc.nat(2000), (policy, frequency, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(classify(low, frequency, policy).class).toBeLessThanOrEqual(classify(high, frequency, policy).class);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('validation and speed', () => {
  it.each([
    ['no classes', { id: 'x', name: 'x', classes: [] }],
    ['bounded worst class', { id: 'x', name: 'x', classes: [{ class: 1, code: 'L', name: 'L', nonPerforming: false, allowancePercent: 1, maxDpd: { monthly: 0 } }] }],
    ['falling thresholds', cooperativePolicy({ lancar: { monthly: 30 }, kurangLancar: { monthly: 20 }, diragukan: { monthly: 90 } })],
    ['allowance over 100 %', { ...OJK_BANK, classes: OJK_BANK.classes.map((c) => ({ ...c, allowancePercent: 150 })) }],
    ['class numbers not rising', { ...OJK_BANK, classes: OJK_BANK.classes.map((c) => ({ ...c, class: 1 })) }],
  ])('rejects a policy with %s', (_label, policy) => {
    expect(() => validatePolicy(policy)).toThrow(EngineError);
  });

  it('rejects a negative or NaN DPD', () => {
    expect(() => classify(-1, 'monthly', OJK_BANK)).toThrow(EngineError);
    expect(() => classify(Number.NaN, 'monthly', OJK_BANK)).toThrow(EngineError);
  });

  it('classifies 1,000,000 loan states in well under 2 s', () => {
    const frequencies = FREQUENCIES;
    const started = performance.now();
    let macet = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const result = classify(i % 400, frequencies[i & 3] ?? 'monthly', i % 2 === 0 ? OJK_BANK : COOPERATIVE_4);
      if (result.code === 'M') macet++;
    }
    expect(performance.now() - started).toBeLessThan(2000);
    expect(macet).toBeGreaterThan(0);
  });
});
