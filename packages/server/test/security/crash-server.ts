/**
 * A real `simpul serve` process for the crash tests: started on a free loopback port, driven
 * over HTTP, killed with SIGKILL at a seeded random moment, and the database it leaves
 * behind checked the way an operator would after a power cut.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { sql } from 'kysely';
import type { Services } from '../../src/http/context.ts';
import { openInstance } from '../../src/instance.ts';
import { createLogger } from '../../src/logging.ts';
import { verifyAuditChain } from '../../src/modules/audit/audit.repository.ts';
import { simpulCli } from '../harness.ts';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  exited: Promise<NodeJS.Signals | null>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `simpul serve` on the database and waits until /api/health answers. */
export async function startServerProcess(target: string, env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const port = await freePort();
  // The close-of-day timer stays off: the test decides what writes happen while it kills.
  const child = spawn(process.execPath, [simpulCli(), '--db', target, 'serve', '--port', String(port)], { env: { ...env, SIMPUL_CLOSE_OF_DAY: 'off' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`simpul serve exited ${child.exitCode}: ${stderr}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { url, child, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`simpul serve did not answer within 60 s: ${stderr}`);
}

/** Signs a user in over HTTP; returns the cookie to send back. */
export async function signInOver(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-simpul-request': '1' }, body: JSON.stringify({ username, password }) });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 200 || !cookie) throw new Error(`sign-in of ${username}: ${res.status} ${await res.text()}`);
  return cookie;
}

/** Opens the database the killed server left, runs `check` on it, closes it again. */
export async function afterCrash<T>(target: string, env: NodeJS.ProcessEnv, check: (services: Services) => Promise<T>): Promise<T> {
  const services = await openInstance({ db: target, env, migrate: false, logger: createLogger({ quiet: true }) });
  try {
    return await check(services);
  } finally {
    await services.db.close();
  }
}

/**
 * Storage-level damage, per dialect. SQLite: `integrity_check` (pages, indexes, free list)
 * and `foreign_key_check`. PostgreSQL recovers by WAL replay, so the check is that every
 * B-tree index agrees with its table (amcheck's `bt_index_check`, with heap verification)
 * and no foreign key points nowhere — what a torn write would break.
 */
export async function storageProblems(services: Services): Promise<string[]> {
  const { db, sqlite } = services.db;
  if (sqlite) {
    const problems: string[] = [];
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const orphans = sqlite.pragma('foreign_key_check') as unknown[];
    if (orphans.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(orphans.slice(0, 5))}`);
    return problems;
  }
  await sql`create extension if not exists amcheck`.execute(db);
  const indexes = await sql<{ name: string }>`
    select c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
    join pg_namespace n on n.oid = c.relnamespace where a.amname = 'btree' and n.nspname = current_schema()`.execute(db);
  const problems: string[] = [];
  for (const { name } of indexes.rows) {
    try {
      await sql`select bt_index_check(${name}::regclass, true)`.execute(db);
    } catch (error) {
      problems.push(`bt_index_check ${name}: ${(error as Error).message}`);
    }
  }
  if (indexes.rows.length < 10) problems.push(`only ${indexes.rows.length} indexes checked`);
  return problems;
}

/** Storage, plus the audit chain: what every crash check starts with. */
export async function commonProblems(services: Services): Promise<string[]> {
  const problems = await storageProblems(services);
  const chain = await verifyAuditChain(services.db.db);
  if (!chain.ok) problems.push(`audit chain broken at ${chain.brokenAt}: ${chain.reason}`);
  return problems;
}

/** When to kill: after this many acknowledged writes, and then this many milliseconds on. */
export interface KillPoint {
  afterWrites: number;
  jitterMs: number;
}

/**
 * Runs `drive` against a fresh server process and SIGKILLs it at `at`. Counting from the
 * driver's acknowledged writes (not from the clock) puts the kill inside the work on a fast
 * and on a slow database alike. `drive` gets a `stopped` test so it ends its loop once the
 * kill has happened, and `acknowledged` to call after each 2xx; a request that fails
 * because of the kill is simply not acknowledged.
 */
export async function killWhileDriving(
  target: string, env: NodeJS.ProcessEnv, at: KillPoint,
  drive: (url: string, stopped: () => boolean, acknowledged: () => void) => Promise<void>,
): Promise<{ signal: NodeJS.Signals | null }> {
  const server = await startServerProcess(target, env);
  let killed = false;
  let writes = 0;
  let due: () => void = () => {};
  const kill = new Promise<'due'>((resolve) => (due = () => setTimeout(() => resolve('due'), at.jitterMs)));
  if (at.afterWrites === 0) due();
  const driving = drive(server.url, () => killed, () => {
    if (++writes === at.afterWrites) due();
  }).then(
    () => (killed ? undefined : new Error('the driver stopped before the kill')),
    (error: unknown) => (killed ? undefined : error),
  );
  // A driver that fails (or runs out of work) before the kill ends the round at once.
  const early = await Promise.race([driving, kill]);
  killed = true;
  server.child.kill('SIGKILL');
  const signal = await server.exited;
  if (early !== 'due' && early !== undefined) throw early;
  await driving;
  return { signal };
}

/** POSTs and returns the parsed answer, or undefined when the connection died (the kill). */
export async function post(url: string, cookie: string, body: string, type = 'application/json'): Promise<{ status: number; body: Record<string, unknown> } | undefined> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { cookie, 'content-type': type, 'x-simpul-request': '1' }, body });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  } catch {
    return undefined;
  }
}
