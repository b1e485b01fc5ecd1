import fs from 'node:fs';
import pg from 'pg';
import type { DatabaseTarget } from '../../config/env.ts';
import type { Services } from '../../http/context.ts';

/**
 * Loading the demo all at once or not at all. The demo writes through several connections
 * (on SQLite the registry writes use their own), so no single transaction can hold it: a demo
 * that failed or was killed midway used to leave a half-seeded district that a rerun refused
 * ("already loaded"). Instead the demo is built in a copy of the instance's database, and the
 * copy replaces the database only once the demo has finished: SQLite renames the copied file
 * over the database file, PostgreSQL renames the two databases in one transaction. A copy
 * left by a killed demo is removed by the next one.
 */

/** Opens and migrates an instance on a database location: a SQLite file or a PostgreSQL URL. */
export type OpenAt = (db: string) => Promise<Services>;

export class DemoBuildError extends Error {}

/** Runs `work` on a copy of the target's database and puts the copy in place when it succeeds. */
export async function buildThenSwap<T>(target: DatabaseTarget, open: OpenAt, work: (services: Services) => Promise<T>): Promise<T> {
  return target.dialect === 'sqlite' ? sqliteBuild(target.file, open, work) : postgresBuild(target.url, open, work);
}

/** Where a demo is built beside a SQLite database file. */
export function sqliteBuildFile(file: string): string {
  return `${file}.demo-build`;
}

function removeSqliteFile(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Size and modification time: a database written by anyone while the demo was built differs. */
function stamp(file: string): string {
  const s = fs.statSync(file);
  return `${s.size}:${s.mtimeMs}`;
}

async function sqliteBuild<T>(file: string, open: OpenAt, work: (services: Services) => Promise<T>): Promise<T> {
  const build = sqliteBuildFile(file);
  removeSqliteFile(build);
  const live = await open(file); // creates and migrates the database when it is new, so the copy has the schema
  try {
    await live.db.sqlite?.backup(build);
  } finally {
    await live.db.close();
  }
  const before = stamp(file);
  try {
    const services = await open(build);
    let result: T;
    try {
      result = await work(services);
    } finally {
      await services.db.close();
    }
    // A WAL file means another process has the database open (a running server): its writes
    // since the copy would be lost, so the demo is not put in place.
    if (fs.existsSync(`${file}-wal`) || stamp(file) !== before) {
      throw new DemoBuildError(`${file} was opened or changed while the demo was built (is a server running on it?); nothing was loaded`);
    }
    fs.renameSync(build, file);
    return result;
  } finally {
    removeSqliteFile(build);
  }
}

/** PostgreSQL database names for the build and for the database it replaces. */
export function postgresBuildNames(url: string): { name: string; build: string; old: string } {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new DemoBuildError('The PostgreSQL URL names no database');
  // Identifiers are at most 63 bytes; the suffixes must survive truncation.
  const base = name.slice(0, 50);
  return { name, build: `${base}_demo_build`, old: `${base}_demo_old` };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Runs statements on the server's maintenance database (a database cannot rename itself). */
async function maintenance<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  let lastError: unknown;
  for (const db of ['postgres', 'template1']) {
    const client = new pg.Client({ connectionString: withDatabase(url, db) });
    try {
      await client.connect();
    } catch (error) {
      lastError = error;
      continue;
    }
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  }
  throw lastError;
}

/** "is being accessed by other users": a server (or psql) is connected to the database. */
function explain(error: unknown, name: string): Error {
  const code = (error as { code?: string }).code;
  if (code === '55006') return new DemoBuildError(`Database ${name} is in use by another connection (is a server running on it?); nothing was loaded`);
  if (code === '42501') return new DemoBuildError(`The demo is built in a copy of database ${name}, which needs the CREATEDB privilege; nothing was loaded`);
  return error instanceof Error ? error : new Error(String(error));
}

async function postgresBuild<T>(url: string, open: OpenAt, work: (services: Services) => Promise<T>): Promise<T> {
  const { name, build, old } = postgresBuildNames(url);
  const live = await open(url); // migrates the database, so the copy has the schema
  await live.db.close();
  await maintenance(url, async (c) => {
    await c.query(`drop database if exists ${quote(build)} with (force)`);
    await c.query(`drop database if exists ${quote(old)} with (force)`);
    await c.query(`create database ${quote(build)} template ${quote(name)}`);
  }).catch((error: unknown) => {
    throw explain(error, name);
  });
  try {
    const services = await open(withDatabase(url, build));
    let result: T;
    try {
      result = await work(services);
    } finally {
      await services.db.close();
    }
    await maintenance(url, async (c) => {
      await c.query('begin');
      try {
        await c.query(`alter database ${quote(name)} rename to ${quote(old)}`);
        await c.query(`alter database ${quote(build)} rename to ${quote(name)}`);
        await c.query('commit');
      } catch (error) {
        await c.query('rollback');
        throw explain(error, name);
      }
      await c.query(`drop database ${quote(old)} with (force)`);
    });
    return result;
  } catch (error) {
    await maintenance(url, (c) => c.query(`drop database if exists ${quote(build)} with (force)`)).catch(() => {});
    throw error;
  }
}
