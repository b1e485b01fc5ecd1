import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { dataDir, databaseTarget } from './config/env.ts';
import { loadKeys } from './config/keys.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrator.ts';
import type { Services } from './http/context.ts';
import { createLogger } from './logging.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built web app, served when present. */
export const WEB_DIST = path.resolve(here, '../../web/dist');

export const VERSION: string = (
  JSON.parse(fs.readFileSync(path.resolve(here, '../package.json'), 'utf8')) as { version: string }
).version;

export interface OpenOptions {
  /** `--db`: a SQLite path or a PostgreSQL URL. */
  db?: string;
  logger?: Logger;
  /** Apply pending migrations (servers do; `simpul migrate` reports them itself). */
  migrate?: boolean;
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
}

/** Opens an instance: its database (migrated), keys and logger, as one Services bundle. */
export async function openInstance(options: OpenOptions = {}): Promise<Services> {
  const env = options.env ?? process.env;
  const db = openDatabase(databaseTarget(options.db, env));
  try {
    if (options.migrate !== false) await migrateToLatest(db);
    return {
      db,
      keys: loadKeys(env),
      logger: options.logger ?? createLogger({ dataDir: dataDir(env), quiet: true }),
      now: options.now ?? (() => new Date()),
      version: VERSION,
      webDist: fs.existsSync(path.join(WEB_DIST, 'index.html')) ? WEB_DIST : undefined,
    };
  } catch (err) {
    await db.close();
    throw err;
  }
}
