import { afterEach, beforeEach, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../src/db/migrator.ts';
import { runCloseOfDay } from '../src/modules/portfolio/close-of-day.ts';
import { enforceRetention } from '../src/modules/registry/retention.ts';
import { historyTrendGroups } from '../src/modules/supervision/supervision.aggregate.ts';
import { trend, trendPoints, trendStart } from '../src/modules/supervision/supervision.trend.ts';
import { describeEachDialect, seedCooperative, testInstance, type TestInstance } from './harness.ts';
import { seedBook } from './portfolio-fixtures.ts';
import { account, furnish, removeByDispute } from './supervision-fixtures.ts';

/** 1,200,000 over 12 months at 1 % flat, paid July and August only: late from September. */
const LATE_LOAN = { amount: 1_200_000, tenor: 12, disbursedOn: '2026-06-15', payments: [['2026-07-15', 112_000], ['2026-08-15', 112_000]] as [string, number][] };
const LAST_MONTH = '2026-12';

describeEachDialect('the monthly summary behind the trend equals a scan of registry_history', (dialect) => {
  let t: TestInstance;
  let a: number;
  let b: number;
  beforeEach(async () => {
    t = await testInstance(dialect);
    a = (await seedCooperative(t, 'KSPA')).id;
    b = (await seedCooperative(t, 'KSPB')).id;
  });
  afterEach(async () => t.close());

  /** The trend from the summary against the trend from a direct scan: district and every cooperative. */
  async function expectSummaryAgrees(): Promise<void> {
    const db = t.services.db.db;
    const from = trendStart(LAST_MONTH);
    const ids = (await db.selectFrom('cooperatives').select('id').execute()).map((c) => c.id);
    for (const id of [undefined, ...ids]) {
      expect(await trend(db, LAST_MONTH, id), `cooperative ${id ?? 'district'}`).toEqual(trendPoints(await historyTrendGroups(db, from, id), from));
    }
  }
  const point = async (period: string, id?: number) => (await trend(t.services.db.db, LAST_MONTH, id)).find((p) => p.period === period);

  it('after file imports, a corrected past month (full file and a single update), the workspace feed, a dispute removal and retention', async () => {
    await furnish(t, a, '2026-08', [account('A1', 10_000_000, 0), account('A2', 5_000_000, 100), account('A9', 7_000_000, 200, { opened_on: '2019-01-15' })]);
    await furnish(t, a, '2026-09', [account('A1', 9_000_000, 0), account('A2', 5_000_000, 130)]);
    await furnish(t, b, '2026-09', [account('B1', 20_000_000, 0), account('B2', 4_000_000, 40)]);
    await furnish(t, b, '2026-10', [account('B1', 19_000_000, 0), account('B2', 4_000_000, 70)]);
    await expectSummaryAgrees();
    expect(await point('2026-09')).toMatchObject({ outstanding: 38_000_000, nplAmount: 5_000_000 });

    // KSPA corrects September with a new full file: A2 was current after all, A3 was missing.
    await furnish(t, a, '2026-09', [account('A1', 9_000_000, 0), account('A2', 5_000_000, 0), account('A3', 2_000_000, 95)]);
    // KSPB corrects one line of September (a single update, kept as a version): B2 was 100 days late.
    const single = await furnish(t, b, '2026-09', [account('B2', 4_000_000, 100)], false);
    expect(single.accepted).toBe(1);
    expect(await t.services.db.db.selectFrom('registry_history_versions').select('superseded_by').execute()).toHaveLength(2 + 1);
    await expectSummaryAgrees();
    // September: 9,000,000 + 5,000,000 + 2,000,000 + 20,000,000 + 4,000,000; NPL A3 2,000,000 + B2 4,000,000.
    expect(await point('2026-09')).toMatchObject({ outstanding: 40_000_000, nplAmount: 6_000_000 });

    // The workspace feed: close of day furnishes KSPW's late loan for November, then December.
    const { coop: w } = await seedBook(t, 'KSPW', [LATE_LOAN]);
    await runCloseOfDay(t.services, { date: '2026-11-02' });
    await expectSummaryAgrees();
    expect(await point('2026-11', w.id)).toMatchObject({ accounts: 1, outstanding: 1_000_000 });
    await runCloseOfDay(t.services, { date: '2026-12-20' });
    await expectSummaryAgrees();
    expect(await point('2026-12', w.id)).toMatchObject({ accounts: 1, outstanding: 1_000_000, nplAmount: 1_000_000 });

    // A dispute resolved "removed" takes B2 out of every month.
    expect((await removeByDispute(t, 'B2')).status).toBe(200);
    await expectSummaryAgrees();
    expect(await point('2026-10', b)).toMatchObject({ accounts: 1, outstanding: 19_000_000, nplAmount: 0 });

    // A9, written off in 2021 (furnished so in October), expires under 5-year retention: its August line goes.
    await furnish(t, a, '2026-10', [account('A1', 8_000_000, 0), account('A9', 0, 0, { opened_on: '2019-01-15', status: 'written_off', written_off_on: '2021-06-30', written_off_amount: '7000000' })], false);
    expect(await point('2026-08', a)).toMatchObject({ accounts: 3, outstanding: 22_000_000 });
    expect(await enforceRetention(t.services, '2026-11-02', 5)).toBe(1);
    await expectSummaryAgrees();
    expect(await point('2026-08', a)).toMatchObject({ accounts: 2, outstanding: 15_000_000 });
  });

  it('migration 0012 back-fills the summary from the history already stored', async () => {
    await furnish(t, a, '2026-09', [account('A1', 9_000_000, 0), account('A2', 5_000_000, 130)]);
    await furnish(t, b, '2026-10', [account('B1', 19_000_000, 0), account('B2', 4_000_000, 70)]);
    await seedBook(t, 'KSPW', [LATE_LOAN]);
    await runCloseOfDay(t.services, { date: '2026-11-02' });
    const before = await t.services.db.db.selectFrom('supervision_monthly_summary').selectAll().orderBy('cooperative_id').orderBy('period').orderBy('band').execute();
    expect(before.length).toBeGreaterThanOrEqual(5);
    await migrateTo(t.services.db, '0011-loan-basis');
    await migrateToLatest(t.services.db);
    const after = await t.services.db.db.selectFrom('supervision_monthly_summary').selectAll().orderBy('cooperative_id').orderBy('period').orderBy('band').execute();
    expect(after).toEqual(before);
    await expectSummaryAgrees();
  });
});
