import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, inject } from 'vitest';
import type { Dialect } from '../src/db/database.ts';
import { createApp } from '../src/http/app.ts';
import type { Services } from '../src/http/context.ts';
import { openInstance } from '../src/instance.ts';
import { createLogger } from '../src/logging.ts';
import { addCooperative } from '../src/modules/cooperatives/cooperatives.service.ts';
import { createUser } from '../src/modules/identity/identity.service.ts';
import type { Role } from '../src/modules/identity/identity.table.ts';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

/** Runs the same cases on every dialect: `[sqlite] …` and `[postgres] …`. */
export function describeEachDialect(title: string, body: (dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) describe(`[${dialect}] ${title}`, () => body(dialect));
}

/**
 * The `simpul` CLI for child processes — `spawn(process.execPath, [simpulCli(), ...args])` —
 * compiled once per run by the global setup (cli-bundle.ts) from the same sources as bin/simpul.js.
 */
export function simpulCli(): string {
  return inject('simpulCli');
}

/** A clock tests can move forward. */
export class TestClock {
  constructor(private ms = Date.parse('2026-11-02T03:00:00Z')) {}
  now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface TestInstance {
  dialect: Dialect;
  services: Services;
  clock: TestClock;
  /** A database location `openInstance` / the CLI accept (`--db`). */
  target: string;
  env: NodeJS.ProcessEnv;
  request(path: string, init?: RequestInit & { cookie?: string; json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

/** Creates an empty database (a file, or a fresh PostgreSQL database) and returns its target. */
export async function freshDatabase(dialect: Dialect): Promise<{ target: string; drop(): Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-test-'));
    return { target: path.join(dir, 'simpul.sqlite'), drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const adminUrl = inject('pgAdminUrl');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    target: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A migrated, empty instance on the given dialect with its own key and a movable clock. */
export async function testInstance(dialect: Dialect, clock = new TestClock()): Promise<TestInstance> {
  const { target, drop } = await freshDatabase(dialect);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-data-'));
  const env = { ...process.env, SIMPUL_DATA_DIR: dataDir, SIMPUL_KEY: randomBytes(32).toString('base64') };
  const services = await openInstance({ db: target, env, now: clock.now, logger: createLogger({ quiet: true }) });
  const app = createApp(services);
  return {
    dialect,
    services,
    clock,
    target,
    env,
    request: async (p, init = {}) => {
      const headers = new Headers(init.headers);
      if (init.cookie) headers.set('cookie', init.cookie);
      if (init.json !== undefined) headers.set('content-type', 'application/json');
      if (!headers.has('x-simpul-request')) headers.set('x-simpul-request', '1');
      const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
      return app.request(p, { ...init, headers, body });
    },
    close: async () => {
      await services.db.close();
      await drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const PASSWORD = 'kata-sandi-uji-123';

/** Factories for the records most tests need. */
export async function seedCooperative(t: TestInstance, code: string) {
  return addCooperative(t.services, null, { code, name: `Koperasi ${code}` });
}

export async function seedUser(t: TestInstance, username: string, role: Role, cooperativeId: number | null = null) {
  return createUser(t.services, null, { username, fullName: `User ${username}`, role, cooperativeId, password: PASSWORD });
}

/** Signs in through the API and returns the session cookie to send back. */
export async function signInCookie(t: TestInstance, username: string, password = PASSWORD): Promise<string> {
  const res = await t.request('/api/auth/sign-in', { method: 'POST', json: { username, password } });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

/** A response body as loosely-typed JSON, for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function json(res: Response): Promise<any> {
  return res.json();
}
