/**
 * Furnishing import, end to end (parse, validate, pseudonymise, store accounts and history,
 * in one transaction) with `simpul import` as a real child process, on SQLite and — when
 * SIMPUL_BENCH_PG_URL names a server — PostgreSQL. Beside each: the raw prepared-insert speed
 * of the same database in the same run, and the import's peak memory.
 *
 *   npx tsx bench/furnishing.bench.ts [--quick]
 *
 * Targets (issue 5): ≥ 100,000 rows/s on SQLite, ≥ 30,000 on PostgreSQL, peak memory < 512 MB.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { writeSyntheticCsv } from '../packages/server/src/modules/registry/synthetic.ts';
import { emit, median, progress, sized } from './lib.ts';

const ROWS = sized(1_000_000, 20_000);
const RUNS = sized(3, 1);
const BIN = path.resolve(import.meta.dirname, '../packages/server/bin/simpul.js');
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Wall time, CPU time (user + system, from /usr/bin/time) and peak memory of one `simpul` run. */
function run(args: string[], env: NodeJS.ProcessEnv): { ms: number; cpuS: number | undefined; maxRssMb: number | undefined; stdout: string } {
  const started = performance.now();
  const cmd = TIME ? TIME : process.execPath;
  const argv = TIME ? ['-f', 'maxrss=%M cpu=%U+%S', process.execPath, BIN, ...args] : [BIN, ...args];
  const r = spawnSync(cmd, argv, { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`simpul ${args.join(' ')} failed: ${r.stderr}`);
  const rss = /maxrss=(\d+)/.exec(r.stderr)?.[1];
  const cpu = /cpu=([\d.]+)\+([\d.]+)/.exec(r.stderr);
  return { ms, cpuS: cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined, maxRssMb: rss ? Number(rss) / 1024 : undefined, stdout: r.stdout };
}

async function freshTarget(database: 'sqlite' | 'postgres', dir: string, i: number): Promise<string> {
  if (database === 'sqlite') return path.join(dir, `import-${i}.sqlite`);
  const admin = new pg.Client({ connectionString: process.env.SIMPUL_BENCH_PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists bench_import_${i} with (force)`);
  await admin.query(`create database bench_import_${i}`);
  await admin.end();
  const url = new URL(process.env.SIMPUL_BENCH_PG_URL ?? '');
  url.pathname = `/bench_import_${i}`;
  return url.toString();
}

/** The floor: rows/s of a bare prepared insert of the same width, in one transaction. */
async function rawInsertRate(database: 'sqlite' | 'postgres', target: string): Promise<number> {
  const n = ROWS;
  const cols = Array.from({ length: 12 }, (_, i) => `c${i}`);
  if (database === 'sqlite') {
    const db = new SQLite(target);
    db.pragma('journal_mode = WAL');
    db.exec(`create table raw_floor (id integer primary key, k text, ${cols.map((c) => `${c} integer`).join(', ')})`);
    const insert = db.prepare(`insert into raw_floor (k, ${cols.join(', ')}) values (?, ${cols.map(() => '?').join(', ')})`);
    const started = performance.now();
    db.transaction(() => {
      for (let i = 0; i < n; i++) insert.run(`k${i}`, ...cols.map((_, j) => i + j));
    })();
    const ms = performance.now() - started;
    db.close();
    return n / (ms / 1000);
  }
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  await client.query(`create table raw_floor (id bigserial primary key, k text, ${cols.map((c) => `${c} bigint`).join(', ')})`);
  const started = performance.now();
  await client.query('begin');
  for (let i = 0; i < n; i += 5000) {
    const m = Math.min(5000, n - i);
    const keys = Array.from({ length: m }, (_, j) => `k${i + j}`);
    const arrays = cols.map((_, c) => Array.from({ length: m }, (_, j) => i + j + c));
    await client.query(`insert into raw_floor (k, ${cols.join(', ')}) select * from unnest($1::text[], ${cols.map((_, c) => `$${c + 2}::bigint[]`).join(', ')})`, [keys, ...arrays]);
  }
  await client.query('commit');
  const ms = performance.now() - started;
  await client.end();
  return n / (ms / 1000);
}

async function bench(database: 'sqlite' | 'postgres', file: string, dir: string): Promise<void> {
  const rates: number[] = [];
  // On a shared machine wall time mostly measures the neighbours; rows per CPU second does not.
  const cpuRates: number[] = [];
  const rss: number[] = [];
  let floor = 0;
  for (let i = 0; i < RUNS; i++) {
    const target = await freshTarget(database, dir, i);
    const env = { ...process.env, SIMPUL_DATA_DIR: path.join(dir, `data-${database}-${i}`), SIMPUL_DATABASE_URL: target, SIMPUL_LOG_LEVEL: 'warn' };
    run(['init'], env);
    run(['cooperative', 'add', '--code', 'BENCH', '--name', 'Bench'], env);
    progress(`${database}: importing ${ROWS.toLocaleString('en')} rows (run ${i + 1}/${RUNS})`);
    const r = run(['import', file, '--cooperative', 'BENCH', '--period', '2026-10', '--json'], env);
    const result = JSON.parse(r.stdout) as { accepted: number };
    if (result.accepted !== ROWS) throw new Error(`expected ${ROWS} accepted, got ${result.accepted}`);
    rates.push(ROWS / (r.ms / 1000));
    if (r.cpuS) cpuRates.push(ROWS / r.cpuS);
    if (r.maxRssMb !== undefined) rss.push(r.maxRssMb);
    if (i === 0) floor = await rawInsertRate(database, database === 'sqlite' ? path.join(dir, 'floor.sqlite') : target);
  }
  const rate = median(rates);
  const target = database === 'sqlite' ? 100_000 : 30_000;
  const dataSize = `${ROWS.toLocaleString('en')} rows`;
  emit({ suite: 'furnishing', name: 'import_rows_per_second', value: Math.round(rate), unit: 'rows/s', target: `≥ ${target.toLocaleString('en')}`, targetMet: rate >= target, database, dataSize, runs: rates.map(Math.round), ratioToFloor: Number((rate / floor).toFixed(3)), floor: `raw prepared insert ${Math.round(floor).toLocaleString('en')} rows/s` });
  if (cpuRates.length) emit({ suite: 'furnishing', name: 'import_rows_per_cpu_second', value: Math.round(median(cpuRates)), unit: 'rows/s', database, dataSize, runs: cpuRates.map(Math.round) });
  emit({ suite: 'furnishing', name: 'raw_insert_rows_per_second', value: Math.round(floor), unit: 'rows/s', database, dataSize });
  if (rss.length) emit({ suite: 'furnishing', name: 'import_peak_memory', value: Math.round(median(rss)), unit: 'MB', target: '< 512', targetMet: median(rss) < 512, database, dataSize });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-bench-import-'));
try {
  const file = path.join(dir, 'furnishing.csv');
  progress(`generating ${ROWS.toLocaleString('en')} rows`);
  writeSyntheticCsv(file, ROWS, '2026-10', 2026);
  await bench('sqlite', file, dir);
  if (process.env.SIMPUL_BENCH_PG_URL) await bench('postgres', file, dir);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
