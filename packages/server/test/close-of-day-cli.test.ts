import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, testInstance, type TestInstance } from './harness.ts';
import { CLAIMANT } from '../src/modules/portfolio/close-of-day.claim.ts';
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

  /**
   * Runs the CLI for `date` in steps (SIGCONT, a few ms, SIGSTOP) and looks at the claim while
   * the process is frozen: the first time it holds an unfinished claim it is SIGKILLed, so the
   * kill surely lands inside the run. Resolves whether it was killed (false: it finished first).
   */
  async function killMidRun(date: string): Promise<{ killed: boolean; pid: number }> {
    const child = spawn(process.execPath, [BIN, '--db', t.target, 'close-of-day', '--date', date], { env: t.env, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const pid = child.pid ?? 0;
    for (let i = 0; i < 3000 && child.exitCode === null && child.signalCode === null; i++) {
      await new Promise((r) => setTimeout(r, 5));
      child.kill('SIGSTOP');
      const row = await t.services.db.db.selectFrom('close_of_day_runs').select(['finished_at', 'claimed_by']).where('business_date', '=', date).executeTakeFirst();
      if (row && row.finished_at === null) {
        child.kill('SIGKILL');
        break;
      }
      child.kill('SIGCONT');
    }
    return { killed: (await exited) === 'SIGKILL', pid };
  }

  it('a close of day killed mid-run leaves its claim, which the next run takes over without --force (its pid is gone), then the date counts as done', async () => {
    await seedBook(t, 'KSPA', Array.from({ length: 300 }, (_, i) => ({ amount: 1_200_000, tenor: 12, disbursedOn: `2026-0${1 + (i % 9)}-15` })));
    let date = '2026-11-02';
    let outcome = await killMidRun(date);
    // A run quicker than the stepping (very unlikely) is retried on the next day.
    for (let day = 3; !outcome.killed && day < 6; day++) outcome = await killMidRun((date = `2026-11-0${day}`));
    expect(outcome.killed, 'the run was killed while it held its claim').toBe(true);
    const left = await t.services.db.db.selectFrom('close_of_day_runs').selectAll().where('business_date', '=', date).executeTakeFirstOrThrow();
    expect(left).toMatchObject({ finished_at: null, claimed_by: `${CLAIMANT.slice(0, CLAIMANT.lastIndexOf(':'))}:${outcome.pid}` });

    const rerun = simpul('close-of-day', '--date', date, '--json');
    expect(rerun.status, rerun.stderr).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ date, skipped: false, loans: 300, failed: 0 });
    const done = await t.services.db.db.selectFrom('close_of_day_runs').selectAll().where('business_date', '=', date).executeTakeFirstOrThrow();
    expect(done.finished_at).not.toBeNull();
    expect(done.claimed_by).not.toBe(left.claimed_by);
    expect(simpul('close-of-day', '--date', date).stdout).toContain(`Close of day ${date} already ran`);
  }, 180_000);
});
