import pg from 'pg';

/** One measured figure, as every benchmark prints it: one JSON line on stdout. */
export interface Figure {
  suite: string;
  name: string;
  value: number;
  unit: string;
  target?: string;
  targetMet?: boolean;
  database?: 'sqlite' | 'postgres';
  dataSize?: string;
  /** The same timing as a ratio to a floor measured in the same run (noise-resistant). */
  ratioToFloor?: number;
  floor?: string;
  runs?: number[];
}

export const quick = process.argv.includes('--quick');

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function emit(figure: Figure): void {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

export function progress(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

/**
 * A fresh, empty database `name` on the benchmark's PostgreSQL server (SIMPUL_BENCH_PG_URL),
 * dropped first if a previous run left it; its URL, or undefined when no server is named.
 */
export async function freshPgDatabase(name: string): Promise<string | undefined> {
  const base = process.env.SIMPUL_BENCH_PG_URL;
  if (!base) return undefined;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
