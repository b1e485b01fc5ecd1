import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, testInstance, type TestInstance } from './harness.ts';
import { seedBook } from './portfolio-fixtures.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/simpul.js');

describeEachDialect('simpul close-of-day and simpul demo on the command line', (dialect) => {
  let t: TestInstance;
  beforeEach(async () => {
    t = await testInstance(dialect);
  });
  afterEach(async () => {
    await t.close();
  });
  const simpul = (...args: string[]) => spawnSync(process.execPath, [BIN, '--db', t.target, ...args], { env: t.env, encoding: 'utf8', timeout: 60_000 });

  it('closes 2 Nov for 2 active loans (--json), then says the date already ran; a bad date or count exits 2 and changes nothing', async () => {
    await seedBook(t, 'KSPA', [{ amount: 1_200_000, tenor: 12, disbursedOn: '2026-06-15' }, { amount: 600_000, tenor: 6, disbursedOn: '2026-10-01' }]);
    const bad = simpul('close-of-day', '--date', '2026-13-01');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--date: "2026-13-01" must be a calendar date YYYY-MM-DD');
    expect(await t.services.db.db.selectFrom('close_of_day_runs').selectAll().execute()).toEqual([]);
    const run = simpul('close-of-day', '--date', '2026-11-02', '--json');
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ date: '2026-11-02', skipped: false, loans: 2, changed: 2, furnished: 2, rejected: 0, failed: 0 });
    const again = simpul('close-of-day', '--date', '2026-11-02');
    expect(again.stdout).toContain('Close of day 2026-11-02 already ran');
    const members = simpul('demo', '--members', '0');
    expect(members.status).toBe(2);
    expect(members.stderr).toContain('--members: "0" must be a whole number from 1 to 100000');
  }, 180_000);
});
