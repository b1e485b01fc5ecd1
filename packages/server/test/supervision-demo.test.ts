import { afterAll, beforeAll, expect, it } from 'vitest';
import { runDemo } from '../src/modules/demo/demo.ts';
import { districtDashboard } from '../src/modules/supervision/supervision.dashboard.ts';
import { statusProposals } from '../src/modules/supervision/supervision.proposals.ts';
import { describeEachDialect, testInstance, type TestInstance } from './harness.ts';

describeEachDialect('demo: the Dinas registry in every status (2 workspace cooperatives × 10 members + 6 more)', (dialect) => {
  let t: TestInstance;
  beforeAll(async () => {
    t = await testInstance(dialect);
    await runDemo(t.services, { seed: 5, cooperatives: 2, members: 10 });
  }, 180_000);
  afterAll(async () => t.close());

  it('2 + 6 = 8 cooperatives: 6 active, 2 inactive; the file-only furnisher with 30 % bad loans is above 5 %', async () => {
    const d = await districtDashboard(t.services);
    expect(d.counts).toMatchObject({ cooperatives: 8, active: 6, inactive: 2 });
    const byCode = new Map(d.cooperatives.map((c) => [c.code, c]));
    expect(byCode.get('BLRF02')?.nplGross).toBeGreaterThan(0.05);
    expect(byCode.get('BLRF02')?.furnishedLastMonth).toBe(true);
    expect(d.aboveLimit.map((c) => c.code)).toContain('BLRF02');
    for (const code of ['BLRI01', 'BLRI02', 'BLRN01']) expect(byCode.get(code)?.lastPeriod).toBeNull();
  });

  it('proposals: BLRR01 (RAT 3 years ago) and BLRN01 (never furnished) inactive; BLRI01 (inactive 3 years) for dissolution, BLRI02 not yet', async () => {
    const p = await statusProposals(t.services);
    const proposed = new Map(p.proposedInactive.map((x) => [x.code, x.reasons]));
    expect(proposed.get('BLRR01')).toEqual(['no_rat']);
    expect(proposed.get('BLRN01')).toEqual(['no_furnishing']);
    expect(p.dissolutionCandidates.map((x) => x.code)).toEqual(['BLRI01']);
  });
});
