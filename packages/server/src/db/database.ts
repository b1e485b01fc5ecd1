import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config/env.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

/** An open database: the Kysely handle, its dialect, and a reader for replica-served reads. */
export interface Db {
  db: Kysely<Database>;
  /** Reads that may be served by a replica (inquiries, dashboards); the primary otherwise. */
  reader: Kysely<Database>;
  dialect: Dialect;
  /** The raw SQLite connection, for online backup and pragmas; undefined on PostgreSQL. */
  sqlite?: SQLite.Database;
  /** The PostgreSQL pool, for what Kysely cannot express (COPY); undefined on SQLite. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

// PostgreSQL returns int8 and numeric as strings; our amounts are safe integers and our
// ratios are plain numbers, so read them as numbers on both dialects.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

function openSqlite(file: string): SQLite.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // Pages read through a memory map of the file (up to this build's 2 GB cap) instead of a
  // pread and a copy each: an inquiry reads ~10 random pages beyond the 16 MB page cache
  // (1,000,000 subjects is a 2 GB file), and the map is the OS page cache, shared by every
  // server worker. Writes still go through the WAL. Subject reads: −20 % CPU at 200,000 subjects.
  sqlite.pragma('mmap_size = 2147418112');
  return sqlite;
}

function pgPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.SIMPUL_PG_POOL_SIZE ?? 10) });
  // An idle client can lose its connection (server restart, admin termination); the pool
  // drops it and the next query reconnects. Without a listener the process would crash.
  pool.on('error', () => {});
  return pool;
}

/**
 * The connection as Kysely sees it, with its statements prepared once per SQL text. Kysely's
 * SQLite driver prepares every query anew (~30 µs, more than the index lookup it runs): on a
 * request path that meant the API-key or session lookup cost more than the data it read.
 * A statement still iterating (a streamed query) is never handed out twice; long SQL (bulk
 * inserts) is not kept, and the cache is bounded. SQLite re-prepares a statement itself when
 * the schema changes (migrations).
 */
function reusingStatements(sqlite: SQLite.Database): { prepare(sql: string): SQLite.Statement; close(): void } {
  const prepared = new Map<string, SQLite.Statement>();
  return {
    prepare(text: string) {
      // Kysely begins every transaction with a plain (deferred) BEGIN. With several processes
      // on one file (server workers, the CLI), a transaction that reads and then writes fails
      // with SQLITE_BUSY_SNAPSHOT if another process committed in between — busy_timeout does
      // not retry that. BEGIN IMMEDIATE takes the write lock first (waiting up to busy_timeout),
      // so what the transaction reads (the audit chain's head above all) is still current when
      // it writes. SQLite backups use the online backup API, not a transaction.
      const sql = text === 'begin' ? 'begin immediate' : text;
      const known = prepared.get(sql);
      if (known && !known.busy) return known;
      const statement = sqlite.prepare(sql);
      if (sql.length <= 4096) {
        if (prepared.size >= 500) prepared.clear();
        prepared.set(sql, statement);
      }
      return statement;
    },
    close: () => sqlite.close(),
  };
}

/** Opens the database named by the target; migrations are run separately. */
export function openDatabase(target: DatabaseTarget): Db {
  if (target.dialect === 'sqlite') {
    const sqlite = openSqlite(target.file);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: reusingStatements(sqlite) }) });
    return { db, reader: db, dialect: 'sqlite', sqlite, close: () => db.destroy() };
  }
  const pool = pgPool(target.url);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const reader = target.readUrl
    ? new Kysely<Database>({ dialect: new PostgresDialect({ pool: pgPool(target.readUrl) }) })
    : db;
  return {
    db,
    reader,
    dialect: 'postgres',
    pool,
    async close() {
      if (reader !== db) await reader.destroy();
      await db.destroy();
    },
  };
}
