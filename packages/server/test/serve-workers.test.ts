import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/audit.repository.ts';
import { freePort } from './embedded-pg.ts';
import { describeEachDialect, testInstance, type TestInstance } from './harness.ts';
import { SRI, seedWorld } from './inquiry-fixture.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/simpul.js');

/** The server's worker processes (children of the primary), from /proc. */
function childrenOf(pid: number): number[] {
  return fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e)).filter((e) => {
    try {
      return Number(fs.readFileSync(`/proc/${e}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === pid;
    } catch {
      return false;
    }
  }).map(Number);
}

async function listening(url: string, server: ChildProcess): Promise<void> {
  for (let i = 0; i < 600 && server.exitCode === null; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not start');
}

// `simpul serve --workers 2`: two processes share the port; inquiries answered by both are
// all on record, in one unbroken audit chain; SIGTERM stops the workers and the primary.
describeEachDialect('simpul serve --workers 2', (dialect) => {
  let t: TestInstance;
  let server: ChildProcess | undefined;
  beforeEach(async () => {
    t = await testInstance(dialect);
  });
  afterEach(async () => {
    if (server && server.exitCode === null) server.kill('SIGKILL');
    await t.close();
  });

  it('answers 40 inquiries from both workers, each on record in one chain, and stops on SIGTERM', async () => {
    const world = await seedWorld(t);
    const port = await freePort();
    const env = { ...t.env, SIMPUL_LOG_LEVEL: 'info', SIMPUL_CLOSE_OF_DAY: 'off', SIMPUL_INQUIRIES_PER_MINUTE: '1000' };
    const child = spawn(process.execPath, [BIN, '--db', t.target, 'serve', '--port', String(port), '--workers', '2'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    server = child;
    let log = '';
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    const url = `http://127.0.0.1:${port}`;
    await listening(url, child);
    // The primary says so once every worker listens.
    for (let i = 0; i < 600 && !log.includes('Simpul is listening'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(childrenOf(child.pid ?? 0)).toHaveLength(2);

    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => fetch(`${url}/api/registry/inquiries`, {
      method: 'POST',
      headers: { authorization: `Bearer ${world.keys.b}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...SRI, purpose: 'new_loan', consentRef: `W-${i}` }),
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as { inquiryId: number; accounts: unknown[] } }))));
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
    expect(answers.every((a) => a.body.accounts.length === 2)).toBe(true);
    expect(new Set(answers.map((a) => a.body.inquiryId)).size).toBe(40);

    // Each worker logs the requests it answered with its own pid.
    const pids = new Set(log.split('\n').filter((l) => l.includes('"path":"/api/registry/inquiries"')).map((l) => (JSON.parse(l) as { pid: number }).pid));
    expect(pids.size).toBe(2);

    const rows = await t.services.db.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'registry.inquiry').execute();
    expect(rows.map((r) => Number(r.subject_id)).sort((a, b) => a - b)).toEqual(answers.map((a) => a.body.inquiryId).sort((a, b) => a - b));
    expect(await verifyAuditChain(t.services.db.db)).toMatchObject({ ok: true });

    const workers = childrenOf(child.pid ?? 0);
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
    expect(workers.filter((pid) => fs.existsSync(`/proc/${pid}`))).toEqual([]);
  }, 120_000);
});
