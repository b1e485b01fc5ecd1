import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/audit.repository.ts';
import { describeEachDialect, testInstance, type TestInstance } from './harness.ts';

const WRITER = path.resolve(import.meta.dirname, 'fixtures/chain-writer.ts');
const ROUNDS = 60;

/** Runs the chain writer in its own process; resolves when it has written every round. */
function writer(t: TestInstance, tag: string, goFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, t.target, tag, String(ROUNDS), goFile, '2'], { env: t.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${tag} exited ${code}: ${err}`))));
  });
}

/** Which writer made an entry: the inquiry's consent reference or the test entry's details. */
function writerOf(details: string): string {
  const d = JSON.parse(details) as { consentRef?: string; writer?: string };
  return d.writer ?? d.consentRef?.split('-')[0] ?? '?';
}

// Server workers (simpul serve --workers N) are separate processes appending to one chain:
// on SQLite each write transaction begins IMMEDIATE, on PostgreSQL an advisory lock is held
// from the read of the chain's head to commit. Two processes, started together, each append
// 60 rounds of 4 inquiries (group recorder) and 1 plain audit entry (Kysely transaction).
describeEachDialect('audit chain across processes', (dialect) => {
  let t: TestInstance;
  let dir: string;
  beforeEach(async () => {
    t = await testInstance(dialect);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-chain-'));
  });
  afterEach(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('two processes appending at once keep one unbroken chain with every entry (2 × 60 × (4 + 1) = 600)', async () => {
    const go = path.join(dir, 'go');
    const done = Promise.all([writer(t, 'a', go), writer(t, 'b', go)]);
    await new Promise((r) => setTimeout(r, 1500)); // both processes open the database meanwhile
    fs.writeFileSync(go, '');
    await done;

    expect(await verifyAuditChain(t.services.db.db)).toEqual({ ok: true, entries: 600 });
    const inquiries = await t.services.db.db.selectFrom('inquiries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(inquiries.n)).toBe(480);
    const entries = await t.services.db.db.selectFrom('audit_log').select(['action', 'details']).orderBy('id').execute();
    expect(entries.filter((e) => e.action === 'registry.inquiry')).toHaveLength(480);
    const by = entries.map((e) => writerOf(e.details));
    expect(by.filter((w) => w === 'a')).toHaveLength(300);
    expect(by.filter((w) => w === 'b')).toHaveLength(300);
    // The appends really ran side by side: writers one after the other would hand the chain over
    // once; A…B…A needs them to overlap. The writers meet halfway, because SQLite's lock is not
    // fair (a waiting process sleeps with growing backoff while the holder takes it again), and
    // one writer could otherwise finish all its rounds before the other's first append.
    const handovers = by.filter((w, i) => i > 0 && w !== by[i - 1]).length;
    expect(handovers).toBeGreaterThanOrEqual(2);
  }, 120_000); // two Node processes start (tsx compiles them): slow on a loaded machine
});
