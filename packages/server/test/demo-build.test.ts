import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { databaseTarget } from '../src/config/env.ts';
import type { Services } from '../src/http/context.ts';
import { openInstance } from '../src/instance.ts';
import { createLogger } from '../src/logging.ts';
import { buildThenSwap, postgresBuildNames, sqliteBuildFile } from '../src/modules/demo/demo.build.ts';
import { addDemoStep, DEMO_STEPS, runDemo } from '../src/modules/demo/demo.ts';
import { describeEachDialect, freshDatabase, simpulCli } from './harness.ts';

/** One cooperative of ten members: every step of the demo runs (the registry's too), in a second or two. */
const TINY = { seed: 5, cooperatives: 1, members: 10 };
/** For the kill: long enough after its first writes that the kill lands inside the demo. */
const SMALL = { seed: 5, cooperatives: 2, members: 20 };

/**
 * The demo is built in a copy of the database and swapped in only when it finished: a demo
 * that fails, or is killed, midway leaves the instance as it was and no copy behind (a killed
 * one's copy is removed by the next demo), and a rerun loads the district.
 */
describeEachDialect('demo built in a copy, swapped in whole', (dialect) => {
  let target: string;
  let drop: () => Promise<void>;
  let env: NodeJS.ProcessEnv;
  const open = (db: string) => openInstance({ db, env, logger: createLogger({ quiet: true }) });

  beforeAll(async () => {
    ({ target, drop } = await freshDatabase(dialect));
    env = { ...process.env, SIMPUL_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-demo-build-')), SIMPUL_KEY: randomBytes(32).toString('base64'), SIMPUL_DATABASE_URL: target };
  });
  afterAll(async () => {
    await drop();
    fs.rmSync(env.SIMPUL_DATA_DIR ?? '', { recursive: true, force: true });
  });

  /** What the demo adds, counted in the database the instance uses. */
  async function counts(services?: Services) {
    const s = services ?? (await open(target));
    try {
      const n = async (table: 'cooperatives' | 'members' | 'loans' | 'users' | 'registry_history' | 'registry_accounts' | 'audit_log') =>
        Number((await s.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      return { cooperatives: await n('cooperatives'), members: await n('members'), loans: await n('loans'), users: await n('users'), history: await n('registry_history'), accounts: await n('registry_accounts'), audit: await n('audit_log') };
    } finally {
      if (!services) await s.db.close();
    }
  }

  /** Copies a demo left behind: the build file(s) beside the SQLite database, or the build databases. */
  async function leftovers(): Promise<string[]> {
    if (dialect === 'sqlite') {
      const file = path.resolve(target);
      return fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith(path.basename(sqliteBuildFile(file))));
    }
    const { build, old } = postgresBuildNames(target);
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    try {
      return (await admin.query<{ datname: string }>('select datname from pg_database where datname = any($1)', [[build, old]])).rows.map((r) => r.datname);
    } finally {
      await admin.end();
    }
  }

  it('a demo that fails after the registry writes leaves the instance as it was and no copy; a rerun loads it', async () => {
    const empty = await counts();
    expect(empty.cooperatives).toBe(0);
    let seenInBuild: Awaited<ReturnType<typeof counts>> | undefined;
    // A real demo step, added through the extension point, that fails once the district, the
    // books, the users and the registry history are written (on SQLite the registry's by its own connection).
    addDemoStep({ name: 'fails', run: async (ctx) => {
      seenInBuild = await counts(ctx.services);
      throw new Error('demo step failed');
    } }, 'close-of-day');
    try {
      await expect(buildThenSwap(databaseTarget(target, env), open, (s) => runDemo(s, TINY))).rejects.toThrow('demo step failed');
    } finally {
      DEMO_STEPS.splice(DEMO_STEPS.findIndex((s) => s.name === 'fails'), 1);
    }
    expect(seenInBuild?.history, 'the build held registry history when it failed').toBeGreaterThan(0);
    expect(seenInBuild?.members).toBeGreaterThan(0);
    expect(await counts()).toEqual(empty);
    expect(await leftovers()).toEqual([]);

    const ctx = await buildThenSwap(databaseTarget(target, env), open, (s) => runDemo(s, TINY));
    const loaded = await counts();
    expect(loaded.cooperatives).toBeGreaterThanOrEqual(TINY.cooperatives);
    expect(loaded.members).toBe(ctx.totals.members);
    expect(loaded.history).toBeGreaterThan(0);
    expect(await leftovers()).toEqual([]);
    // Loaded once: a second demo is refused inside its copy and changes nothing.
    await expect(buildThenSwap(databaseTarget(target, env), open, (s) => runDemo(s, TINY))).rejects.toThrow(/already loaded/);
    expect(await counts()).toEqual(loaded);
    expect(await leftovers()).toEqual([]);
  }, 120_000);

  it('`simpul demo` killed midway leaves the instance as it was; the next demo removes the copy and loads the district', async () => {
    // A fresh database for this case, so the previous case's district does not answer "already loaded".
    const fresh = await freshDatabase(dialect);
    const envHere = { ...env, SIMPUL_DATABASE_URL: fresh.target };
    const previous = { target, env };
    target = fresh.target;
    env = envHere;
    try {
      const before = await counts();
      const args = ['demo', '--seed', String(SMALL.seed), '--cooperatives', String(SMALL.cooperatives), '--members', String(SMALL.members)];
      const child = spawn(process.execPath, [simpulCli(), ...args], { env, stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      // Kill once the demo has begun writing into the copy (its cooperatives are there): before the books.
      for (let i = 0; i < 1200 && child.exitCode === null; i++) {
        if ((await leftovers()).length > 0 && (await buildCooperatives()) > 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      child.kill('SIGKILL');
      expect(await exited, 'killed, not finished').toBe('SIGKILL');
      expect(await counts()).toEqual(before);

      expect(await leftovers(), 'the killed demo’s copy is still there').not.toEqual([]);

      const rerun = await buildThenSwap(databaseTarget(target, env), open, (s) => runDemo(s, SMALL));
      expect((await counts()).members).toBe(rerun.totals.members);
      expect(await leftovers()).toEqual([]);
    } finally {
      ({ target, env } = previous);
      await fresh.drop();
    }
  }, 180_000);

  it('a first `simpul start` killed while it loads the demo leaves no user behind, so the next start is a first start again', async () => {
    const fresh = await freshDatabase(dialect);
    const previous = { target, env };
    target = fresh.target;
    env = { ...env, SIMPUL_DATABASE_URL: fresh.target };
    try {
      const child = spawn(process.execPath, [simpulCli(), 'start', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
      let stdout = '';
      child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      for (let i = 0; i < 1200 && child.exitCode === null; i++) {
        if ((await leftovers()).length > 0 && (await buildCooperatives()) > 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      child.kill('SIGKILL');
      expect(await exited, 'killed, not finished').toBe('SIGKILL');
      expect(stdout).toContain('loading the demo district');
      expect(stdout, 'killed before it served').not.toContain('berjalan');
      // The admin was created in the copy: the instance has no user, so `start` will create one (and print its password) again.
      expect(await counts()).toMatchObject({ users: 0, cooperatives: 0, members: 0 });
    } finally {
      ({ target, env } = previous);
      await fresh.drop();
    }
  }, 120_000);

  /** Cooperatives in the demo's copy so far (0 when there is no copy yet, or it is still being copied). */
  async function buildCooperatives(): Promise<number> {
    let db = sqliteBuildFile(path.resolve(target));
    if (dialect === 'postgres') {
      const url = new URL(target);
      url.pathname = `/${postgresBuildNames(target).build}`;
      db = url.toString();
    }
    if (dialect === 'sqlite' && !fs.existsSync(db)) return 0;
    try {
      const s = await openInstance({ db, env, migrate: false, logger: createLogger({ quiet: true }) });
      try {
        return Number((await s.db.db.selectFrom('cooperatives').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      } finally {
        await s.db.close();
      }
    } catch {
      return 0; // not there yet, or still being copied
    }
  }
});
