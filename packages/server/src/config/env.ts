import path from 'node:path';

/** Where an instance keeps its database, key file and logs. */
export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.SIMPUL_DATA_DIR ?? 'data');
}

/** The database target: a PostgreSQL URL, or the SQLite file inside the data directory. */
export type DatabaseTarget =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; readUrl?: string };

/**
 * Resolves the database from `--db` (a path or a URL), then SIMPUL_DATABASE_URL,
 * then `<data dir>/simpul.sqlite`.
 */
export function databaseTarget(
  option?: string,
  env: NodeJS.ProcessEnv = process.env,
): DatabaseTarget {
  const value = option ?? env.SIMPUL_DATABASE_URL;
  if (value && /^postgres(ql)?:\/\//.test(value)) {
    const readUrl = env.SIMPUL_DATABASE_READ_URL;
    return readUrl ? { dialect: 'postgres', url: value, readUrl } : { dialect: 'postgres', url: value };
  }
  if (value) return { dialect: 'sqlite', file: path.resolve(value.replace(/^sqlite:/, '')) };
  return { dialect: 'sqlite', file: path.join(dataDir(env), 'simpul.sqlite') };
}

/** The business date's time zone: the instance's local date (Asia/Jakarta unless set). */
export function businessTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  return env.SIMPUL_TIME_ZONE ?? 'Asia/Jakarta';
}

/** Today's business date as 'YYYY-MM-DD' in the instance's time zone. */
export function businessDate(now: Date = new Date(), timeZone = businessTimeZone()): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, format);
  }
  return format.format(now);
}

/** Building an Intl formatter costs ~0.2 ms; hot paths (every inquiry) reuse one per zone. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
