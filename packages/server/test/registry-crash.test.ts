import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeSyntheticCsv } from '../src/modules/registry/synthetic.ts';
import { describeEachDialect, freshDatabase, simpulCli } from './harness.ts';

/**
 * Kills `simpul import` with SIGKILL in the middle of a batch and checks that the registry
 * is exactly as before the batch, the audit chain verifies, and a rerun stores it whole.
 */
describeEachDialect('registry import killed midway', (dialect) => {
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  let dir: string;
  const simpul = (...args: string[]) => spawnSync(process.execPath, [simpulCli(), ...args], { env, encoding: 'utf8', timeout: 120_000 });

  beforeAll(async () => {
    const fresh = await freshDatabase(dialect);
    drop = fresh.drop;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-crash-'));
    env = { ...process.env, SIMPUL_DATA_DIR: dir, SIMPUL_DATABASE_URL: fresh.target };
    expect(simpul('init').status).toBe(0);
    expect(simpul('cooperative', 'add', '--code', 'KSPA', '--name', 'Koperasi A').status).toBe(0);
    writeSyntheticCsv(path.join(dir, 'small.csv'), 50, '2026-09', 7);
    writeSyntheticCsv(path.join(dir, 'big.csv'), 150_000, '2026-10', 8);
  });
  afterAll(async () => {
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function registryState() {
    const { openInstance } = await import('../src/instance.ts');
    const { createLogger } = await import('../src/logging.ts');
    const { verifyAuditChain } = await import('../src/modules/audit/audit.repository.ts');
    const services = await openInstance({ db: env.SIMPUL_DATABASE_URL, env, logger: createLogger({ quiet: true }) });
    try {
      const db = services.db.db;
      const n = async (t: 'registry_accounts' | 'registry_history' | 'registry_batches' | 'audit_log') =>
        Number((await db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      // What `simpul audit verify` checks, without starting a process for it after every kill.
      const chainIntact = (await verifyAuditChain(db)).ok;
      return { accounts: await n('registry_accounts'), history: await n('registry_history'), batches: await n('registry_batches'), audit: await n('audit_log'), chainIntact };
    } finally {
      await services.db.close();
    }
  }

  /**
   * Milliseconds a whole import of big.csv takes on this machine now, from process start to exit,
   * into a scratch database of the same dialect: the kills land at fractions of it, so they stay
   * midway however fast imports become or however loaded the machine is.
   */
  async function wholeImportMs(): Promise<number> {
    const scratch = await freshDatabase(dialect);
    const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-crash-scratch-'));
    const scratchEnv = { ...process.env, SIMPUL_DATA_DIR: scratchDir, SIMPUL_DATABASE_URL: scratch.target };
    const run = (...args: string[]) => spawnSync(process.execPath, [simpulCli(), ...args], { env: scratchEnv, encoding: 'utf8', timeout: 120_000 });
    try {
      expect(run('init').status).toBe(0);
      expect(run('cooperative', 'add', '--code', 'KSPA', '--name', 'Koperasi A').status).toBe(0);
      const started = performance.now();
      expect(run('import', path.join(dir, 'big.csv'), '--cooperative', 'KSPA', '--period', '2026-10').status).toBe(0);
      return performance.now() - started;
    } finally {
      await scratch.drop();
      fs.rmSync(scratchDir, { recursive: true, force: true });
    }
  }

  it('leaves the registry as before the batch after SIGKILL, 3 times, then imports whole', async () => {
    const whole = await wholeImportMs();
    expect(simpul('import', path.join(dir, 'small.csv'), '--cooperative', 'KSPA', '--period', '2026-09').status).toBe(0);
    const before = await registryState();
    expect(before.accounts).toBe(50);
    expect(before.chainIntact).toBe(true);
    for (const delay of [0.3, 0.45, 0.6].map((share) => share * whole)) {
      const child = spawn(process.execPath, [simpulCli(), 'import', path.join(dir, 'big.csv'), '--cooperative', 'KSPA', '--period', '2026-10'], { env, stdio: 'ignore' });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      setTimeout(() => child.kill('SIGKILL'), delay);
      expect(await exited).toBe('SIGKILL'); // killed, not finished: the test means something
      expect(await registryState()).toEqual(before); // chainIntact included
    }
    const done = simpul('import', path.join(dir, 'big.csv'), '--cooperative', 'KSPA', '--period', '2026-10', '--json');
    expect(done.status, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ accepted: 150_000, rejected: 0 });
    // the big file re-furnishes the small file's 50 account refs (ACC00000000…): 150,000 accounts in all
    expect((await registryState()).accounts).toBe(150_000);
  }, 240_000); // five imports of 150,000 rows by a child process: minutes on a loaded 2-core machine
});
