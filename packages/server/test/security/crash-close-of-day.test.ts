import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays } from '@simpul/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeLogicalBackup } from '../../src/db/backup/logical.ts';
import { restoreLogicalBackup } from '../../src/db/backup/restore.ts';
import { openInstance } from '../../src/instance.ts';
import { createLogger } from '../../src/logging.ts';
import { verifyAuditChain } from '../../src/modules/audit/audit.repository.ts';
import { runDemo } from '../../src/modules/demo/demo.ts';
import { runCloseOfDay } from '../../src/modules/portfolio/close-of-day.ts';
import type { Services } from '../../src/http/context.ts';
import { businessDate } from '../../src/config/env.ts';
import { describeEachDialect, freshDatabase, simpulCli, testInstance, type TestInstance } from '../harness.ts';

const KILLS = [300, 900, 1500];

/** The close of day's results: loan states and snapshots, timestamps left out. */
async function loanBook(services: Services): Promise<unknown[]> {
  const loans = await sql<Record<string, unknown>>`select * from loans order by id`.execute(services.db.db);
  const snaps = await sql<Record<string, unknown>>`select * from loan_snapshots order by loan_id, as_of`.execute(services.db.db);
  const strip = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).filter(([k]) => !k.endsWith('_at')));
  return [...loans.rows.map(strip), ...snaps.rows.map(strip)];
}

async function integrityOk(services: Services): Promise<boolean> {
  if (services.db.sqlite) return services.db.sqlite.pragma('integrity_check', { simple: true }) === 'ok';
  await sql`select count(*) from loans`.execute(services.db.db); // PostgreSQL: the server recovers by WAL replay; it must answer
  return true;
}

/**
 * SIGKILL during `simpul close-of-day`, at three points, on a demo book: after each kill the
 * database passes its integrity check and the audit chain verifies; a rerun with --force
 * then leaves loans and snapshots exactly as one uninterrupted run does (on a restored copy).
 */
describeEachDialect('close of day killed midway', (dialect) => {
  let t: TestInstance;
  let tmp: string;
  let date: string;
  const drops: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    t = await testInstance(dialect);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-crash-cod-'));
    await runDemo(t.services, { seed: 11, cooperatives: 2, members: 1200 }, () => {});
    date = addDays(businessDate(t.clock.now()), 40);
  }, 300_000);
  afterAll(async () => {
    await t.close();
    for (const drop of drops) await drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function claimed(): Promise<boolean> {
    const row = await t.services.db.db.selectFrom('close_of_day_runs').select('finished_at').where('business_date', '=', date).executeTakeFirst();
    return row !== undefined && row.finished_at === null;
  }

  /** Starts the CLI run, waits until it has claimed the date, then kills it `delay` ms later. */
  async function killDuringRun(delay: number): Promise<NodeJS.Signals | null> {
    const child = spawn(process.execPath, [simpulCli(), '--db', t.target, 'close-of-day', '--date', date, '--force'], { env: t.env, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    let running = false;
    for (let i = 0; i < 600 && !running && child.exitCode === null; i++) {
      running = await claimed();
      if (!running) await new Promise((r) => setTimeout(r, 50));
    }
    setTimeout(() => child.kill('SIGKILL'), delay);
    return exited;
  }

  it(`${KILLS.length} SIGKILLs during close of day: integrity and audit chain hold each time; a rerun equals an uninterrupted run row for row`, async () => {
    const before = path.join(tmp, 'sebelum.simpul.gz');
    await writeLogicalBackup(t.services.db, before, t.clock.now());
    let killed = 0;
    for (const delay of KILLS) {
      const signal = await killDuringRun(delay);
      if (signal === 'SIGKILL') killed++;
      expect(await integrityOk(t.services)).toBe(true);
      expect((await verifyAuditChain(t.services.db.db)).ok).toBe(true);
    }
    expect(killed, 'at least two runs were killed before finishing').toBeGreaterThanOrEqual(2);
    const rerun = await runCloseOfDay(t.services, { date, force: true });
    expect(rerun.failed).toBe(0);

    const fresh = await freshDatabase(dialect);
    drops.push(fresh.drop);
    const control = await openInstance({ db: fresh.target, env: t.env, migrate: false, now: t.clock.now, logger: createLogger({ quiet: true }) });
    try {
      await restoreLogicalBackup(control.db, before);
      await runCloseOfDay(control, { date, force: true });
      const [crashed, clean] = [await loanBook(t.services), await loanBook(control)];
      console.info(`[${dialect}] close of day: ${killed} kills; ${clean.length} loan and snapshot rows compared with an uninterrupted run`);
      expect(clean.length).toBeGreaterThan(1000);
      expect(crashed).toEqual(clean);
    } finally {
      await control.db.close();
    }
  }, 600_000);
});
