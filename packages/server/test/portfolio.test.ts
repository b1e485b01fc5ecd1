import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, json, seedCooperative, seedUser, signInCookie, testInstance, type TestInstance } from './harness.ts';
import { seedBook } from './portfolio-fixtures.ts';

type State = [outstanding: number, dpd: number, classCode: string, allowance: number];

/**
 * Four loans of one product (OJK bank classes), as close of day left them on 2 Nov:
 * 10,000,000 Lancar (1 % = 100,000), 5,000,000 DPK 45 days (5 % = 250,000),
 * 3,000,000 Kurang Lancar 100 days (15 % = 450,000), 2,000,000 Macet 200 days (100 %).
 */
const NOW: State[] = [[10_000_000, 0, 'L', 100_000], [5_000_000, 45, 'DPK', 250_000], [3_000_000, 100, 'KL', 450_000], [2_000_000, 200, 'M', 2_000_000]];
const WEEK_AGO: State[] = [[10_000_000, 0, 'L', 100_000], [5_000_000, 0, 'L', 50_000], [3_000_000, 90, 'DPK', 150_000], [2_000_000, 193, 'M', 2_000_000]];
const SEPTEMBER: State[] = [[11_000_000, 0, 'L', 110_000], [6_000_000, 0, 'L', 60_000], [3_500_000, 0, 'L', 35_000], [2_500_000, 0, 'L', 25_000]];
const OCTOBER: State[] = [[10_500_000, 0, 'L', 105_000], [5_500_000, 0, 'L', 55_000], [3_200_000, 61, 'DPK', 160_000], [2_200_000, 101, 'KL', 330_000]];

async function fixture(t: TestInstance) {
  const book = await seedBook(t, 'KSPA', NOW.map(() => ({ amount: 12_000_000, tenor: 24, disbursedOn: '2026-01-10' })));
  const db = t.services.db.db;
  for (const [i, [outstanding, dpd, classCode, allowance]] of NOW.entries()) {
    await db.updateTable('loans').set({ state_as_of: '2026-11-02', outstanding_principal: outstanding, days_past_due: dpd, class_code: classCode, allowance }).where('id', '=', book.loanIds[i] ?? 0).execute();
  }
  for (const [asOf, states] of [['2026-09-30', SEPTEMBER], ['2026-10-26', WEEK_AGO], ['2026-10-31', OCTOBER], ['2026-11-02', NOW]] as const) {
    await db.insertInto('loan_snapshots').values(states.map(([outstanding, dpd, classCode, allowance], i) => ({
      loan_id: book.loanIds[i] ?? 0, cooperative_id: book.coop.id, as_of: asOf, outstanding_principal: outstanding, arrears: 0, days_past_due: dpd, class_code: classCode, allowance, status: 'active' as const,
    }))).execute();
  }
  return book;
}

describeEachDialect('portfolio dashboard', (dialect) => {
  let t: TestInstance;
  beforeEach(async () => {
    t = await testInstance(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  it('NPL gross (3,000,000 + 2,000,000) ÷ 20,000,000 = 25 %, net (5,000,000 − 2,450,000) ÷ 20,000,000 = 12.75 %, PAR30 50 %, PAR90 25 %: tidak sehat', async () => {
    const { coop } = await fixture(t);
    await seedUser(t, 'pengurus-a', 'pengurus', coop.id);
    const body = await json(await t.request('/api/portfolio', { cookie: await signInCookie(t, 'pengurus-a') }));
    expect(body.asOf).toBe('2026-11-02');
    expect(body.nplLimit).toBe(0.05);
    expect(body.ratios).toMatchObject({
      loanCount: 4, totalOutstanding: 20_000_000, nplAmount: 5_000_000, nplGross: 0.25, nplNet: 0.1275, par30: 0.5, par90: 0.25,
      allowanceRequired: 100_000 + 250_000 + 450_000 + 2_000_000, healthBand: 'tidak_sehat',
    });
    expect(body.ratios.weightedProblemLoanRatio).toBeCloseTo((0.5 * 3_000_000 + 2_000_000) / 20_000_000, 12);
    expect(body.byClass.map((c: { classCode: string; count: number; outstanding: number }) => [c.classCode, c.count, c.outstanding])).toEqual([
      ['L', 1, 10_000_000], ['DPK', 1, 5_000_000], ['KL', 1, 3_000_000], ['M', 1, 2_000_000],
    ]);
    expect(body.byProduct).toEqual([{ productId: expect.any(Number), code: 'UMUM', name: 'Pinjaman Umum', count: 4, outstanding: 20_000_000, nplAmount: 5_000_000, nplGross: 0.25 }]);
  });

  it('trend from month-ends: September 0 ÷ 23,000,000 = 0 %, October 2,200,000 ÷ 21,400,000 ≈ 10.28 %, November 25 %', async () => {
    const { coop } = await fixture(t);
    await seedUser(t, 'pengawas-a', 'pengawas', coop.id);
    const body = await json(await t.request('/api/portfolio', { cookie: await signInCookie(t, 'pengawas-a') }));
    expect(body.trend.map((p: { month: string; asOf: string; totalOutstanding: number }) => [p.month, p.asOf, p.totalOutstanding])).toEqual([
      ['2026-09', '2026-09-30', 23_000_000], ['2026-10', '2026-10-31', 21_400_000], ['2026-11', '2026-11-02', 20_000_000],
    ]);
    expect(body.trend.map((p: { nplGross: number }) => p.nplGross)).toEqual([0, 2_200_000 / 21_400_000, 0.25]);
    expect(body.trend[1].par30).toBeCloseTo((3_200_000 + 2_200_000) / 21_400_000, 12);
  });

  it('moved to a worse class since 26 Oct: KSPA-L3 DPK → KL (100 days) and KSPA-L2 L → DPK (45 days); KSPA-L4 stayed Macet', async () => {
    const { coop } = await fixture(t);
    await seedUser(t, 'petugas-a', 'petugas', coop.id);
    const body = await json(await t.request('/api/portfolio', { cookie: await signInCookie(t, 'petugas-a') }));
    expect(body.worsenedSince).toBe('2026-10-26');
    expect(body.worsened.map((w: { loanNo: string; fromClass: string; toClass: string; daysPastDue: number }) => [w.loanNo, w.fromClass, w.toClass, w.daysPastDue])).toEqual([
      ['KSPA-L3', 'DPK', 'KL', 100], ['KSPA-L2', 'L', 'DPK', 45],
    ]);
  });

  it("Dinas roles get 403, a signed-out caller 401, and another cooperative's pengurus sees only its own empty book", async () => {
    await fixture(t);
    const other = await seedCooperative(t, 'KSPB');
    await seedUser(t, 'analis', 'dinas_analyst');
    await seedUser(t, 'admin', 'platform_admin');
    await seedUser(t, 'pengurus-b', 'pengurus', other.id);
    expect((await t.request('/api/portfolio', { cookie: await signInCookie(t, 'analis') })).status).toBe(403);
    expect((await t.request('/api/portfolio', { cookie: await signInCookie(t, 'admin') })).status).toBe(403);
    expect((await t.request('/api/portfolio')).status).toBe(401);
    const body = await json(await t.request('/api/portfolio', { cookie: await signInCookie(t, 'pengurus-b') }));
    expect(body.ratios).toMatchObject({ loanCount: 0, totalOutstanding: 0, nplGross: 0, healthBand: 'sehat' });
    expect(body.worsened).toEqual([]);
    expect(body.trend).toEqual([]);
  });
});
