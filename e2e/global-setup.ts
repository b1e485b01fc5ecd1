import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ACCOUNTS, COOPERATIVE, type Account, type AccountName } from './accounts.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'packages/server/bin/simpul.js');
const WEB = path.join(ROOT, 'packages/web');
const DIST_INDEX = path.join(WEB, 'dist/index.html');

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    accounts: Record<AccountName, Account>;
  }
}

/**
 * Builds the web app if stale, creates a fresh instance in a temp directory with one account
 * per role, and serves it on a free port for the browser journeys.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  buildWebIfStale();
  const dataDir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'simpul-e2e-'));
  // Embedded SQLite in the temp directory, whatever the developer's shell points at.
  const env: NodeJS.ProcessEnv = { ...process.env, SIMPUL_DATA_DIR: dataDir };
  delete env.SIMPUL_DATABASE_URL;
  delete env.SIMPUL_DATABASE_READ_URL;
  const accounts = seed(env);

  const port = await freePort();
  const server = spawn(process.execPath, [CLI, 'serve', '--port', String(port)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  server.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const baseURL = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseURL, server);
  } catch (error) {
    server.kill('SIGTERM');
    throw new Error(`simpul serve did not start: ${String(error)}\n${output.join('')}`);
  }

  project.provide('baseURL', baseURL);
  project.provide('accounts', accounts);

  return async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
    await fs.promises.rm(dataDir, { recursive: true, force: true });
  };
}

/** Runs the CLI; returns its standard output. */
function simpul(env: NodeJS.ProcessEnv, ...args: string[]): string {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `simpul ${args[0]} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

/** The instance's accounts, with the temporary passwords the CLI generated. */
function seed(env: NodeJS.ProcessEnv): Record<AccountName, Account> {
  const { admin } = ACCOUNTS;
  simpul(env, 'init', '--admin-username', admin.username, '--admin-password', admin.password);
  simpul(env, 'cooperative', 'add', '--code', COOPERATIVE.code, '--name', COOPERATIVE.name);
  const seeded = { ...ACCOUNTS };
  for (const [name, account] of Object.entries(ACCOUNTS) as [AccountName, Account][]) {
    if (account.role === 'platform_admin') continue; // created by init
    const args = ['user', 'add', '--username', account.username, '--full-name', account.fullName];
    args.push('--role', account.role);
    if (!account.temporary) args.push('--password', account.password);
    if (account.cooperative) args.push('--cooperative', account.cooperative);
    const output = simpul(env, ...args);
    if (account.temporary) {
      const password = /Password \(shown once\): (\S+)/.exec(output)?.[1];
      if (!password) throw new Error(`no generated password in: ${output}`);
      seeded[name] = { ...account, password };
    }
  }
  return seeded;
}

/** Newest modification time below a directory (or of a file), in ms. */
function newestMtime(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

/** Builds the web app when a source is newer than dist (also used by bench/web.bench.ts). */
export function buildWebIfStale(): void {
  const built = fs.statSync(DIST_INDEX, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = [
    path.join(WEB, 'src'),
    path.join(WEB, 'index.html'),
    path.join(WEB, 'vite.config.ts'),
    path.join(WEB, 'public'),
    path.join(ROOT, 'packages/domain/src'),
  ];
  if (built > Math.max(...sources.map(newestMtime))) return;
  // vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const result = spawnSync('npm', ['run', 'build', '-w', '@simpul/web'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`web build failed:\n${result.stdout}\n${result.stderr}`);
}

export async function freePort(): Promise<number> {
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function waitForHealth(baseURL: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`exited with ${server.exitCode}`);
    try {
      const response = await fetch(`${baseURL}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('no answer from /api/health within 30 s');
}
