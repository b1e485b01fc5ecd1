/**
 * The scale data generator (modules/registry/synthetic.scale.ts, synthetic.load.ts): how fast
 * it draws registry accounts — each with its subject's pseudonyms (HMAC of the NIK) and up to
 * 24 months of history — and how fast it writes them, ready to query (indexes rebuilt,
 * batches, the trend's monthly summary), into SQLite and PostgreSQL.
 *
 *   npx tsx bench/scale.bench.ts [--quick]     (quick: 10,000 accounts; else the province preset, 1,000,000)
 *
 * Target (issue 9): more than 200,000 accounts per second. Writing is bounded by the
 * database's own insert speed — an account is one row plus ~10 history rows — so beside each
 * write rate stands its ratio to a floor measured in the same run: the bare bulk path of the
 * same database (SQLite: prepared 100-row inserts; PostgreSQL: COPY) writing history-sized
 * rows into a plain table, in rows per second (rows = accounts + history months). Drawing
 * stands beside a bare loop making as many account and month objects.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { deriveKeys } from '../packages/server/src/config/keys.ts';
import { openInstance } from '../packages/server/src/instance.ts';
import { createLogger } from '../packages/server/src/logging.ts';
import { loadScaleRegistry } from '../packages/server/src/modules/registry/synthetic.load.ts';
import { SCALE_PRESETS, scaleAccounts, type ScaleOptions } from '../packages/server/src/modules/registry/synthetic.scale.ts';
import { cpuMs, emit, floorOf, freshPgDatabase, median, pgServerCpu, progress, quick } from './lib.ts';

const OPTIONS: ScaleOptions = { ...(quick ? { cooperatives: 50, accounts: 10_000 } : SCALE_PRESETS.province), seed: 9, period: '2026-10' };
const RUNS = 3;
const TARGET = 200_000;
const target = `> ${TARGET.toLocaleString('en')} accounts/s`;
const dataSize = `${OPTIONS.cooperatives.toLocaleString('en')} cooperatives, ${OPTIONS.accounts.toLocaleString('en')} accounts`;

/** The floor of drawing: as many account and month objects as the generator makes, constant fields. */
function objectsRate(historyPerAccount: number): number {
  const started = performance.now();
  let kept = 0;
  for (let i = 0; i < OPTIONS.accounts; i++) {
    const history = [];
    for (let k = 0; k < historyPerAccount; k++) history.push({ monthsAgo: k, outstanding: i, arrears: 0, daysPastDue: 0, status: 'active' });
    const account = { cooperative: 0, subject: i, subjectKey: 'k', accountRef: 'r', outstanding: i, status: 'active', history };
    kept += account.history.length;
  }
  if (kept < 0) throw new Error('unreachable');
  return OPTIONS.accounts / ((performance.now() - started) / 1000);
}

/** Drawing alone, into memory: accounts, pseudonyms and history rows, nothing written. */
function generation(): void {
  const keys = deriveKeys(randomBytes(32));
  const wall: number[] = [];
  const cpu: number[] = [];
  const floors: number[] = [];
  let historyPerAccount = 0;
  for (let run = 0; run < RUNS; run++) {
    const [w, c] = [performance.now(), cpuMs()];
    let history = 0;
    for (const a of scaleAccounts(keys, OPTIONS)) history += a.history.length;
    wall.push(OPTIONS.accounts / ((performance.now() - w) / 1000));
    cpu.push(OPTIONS.accounts / ((cpuMs() - c) / 1000));
    historyPerAccount = history / OPTIONS.accounts;
    floors.push(objectsRate(Math.round(historyPerAccount)));
  }
  progress(`generation: ${historyPerAccount.toFixed(1)} history rows per account`);
  const size = `${dataSize}, ${historyPerAccount.toFixed(1)} history months each`;
  const floor = median(floors);
  const what = 'bare loop making as many account and month objects';
  emit({ suite: 'scale', name: 'generate_accounts_per_second', value: Math.round(median(wall)), unit: 'accounts/s', target, targetMet: median(wall) > TARGET, dataSize: size, runs: wall.map(Math.round), ...floorOf(median(wall), floor, what, 'accounts/s') });
  emit({ suite: 'scale', name: 'generate_accounts_per_cpu_second', value: Math.round(median(cpu)), unit: 'accounts/s', target, targetMet: median(cpu) > TARGET, dataSize: size, runs: cpu.map(Math.round), ...floorOf(median(cpu), floor, what, 'accounts/s') });
}

const FLOOR_ROWS = quick ? 100_000 : 1_000_000;
const FLOOR_TABLE = 'create table scale_floor (account_id bigint not null, subject_key text not null, period text not null, outstanding bigint, arrears bigint, days_past_due int, status text, batch_id bigint)';
const KEY = 'f'.repeat(64);
const floorRow = (i: number) => [i, KEY, '2026-10', 1_000_000 + i, 0, i % 90, 'active', 1];

/** The floor: rows/s of the database's bare bulk path for history-sized rows, in one transaction. */
async function floorRate(database: 'sqlite' | 'postgres', where: string): Promise<number> {
  if (database === 'sqlite') {
    const db = new SQLite(where);
    db.pragma('journal_mode = WAL');
    db.exec(FLOOR_TABLE);
    const insert = db.prepare(`insert into scale_floor values ${Array(100).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`);
    const started = performance.now();
    db.transaction(() => {
      for (let i = 0; i < FLOOR_ROWS; i += 100) insert.run(Array.from({ length: 100 }, (_, j) => floorRow(i + j)).flat());
    })();
    const ms = performance.now() - started;
    db.close();
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(where + suffix, { force: true });
    return FLOOR_ROWS / (ms / 1000);
  }
  const client = new pg.Client({ connectionString: where });
  await client.connect();
  await client.query(FLOOR_TABLE);
  const started = performance.now();
  await client.query('begin');
  for (let i = 0; i < FLOOR_ROWS; i += 20_000) {
    let text = '';
    for (let j = i; j < i + 20_000; j++) text += `${floorRow(j).join('\t')}\n`;
    await pipeline(Readable.from([text]), client.query(copyFrom('copy scale_floor from stdin')));
  }
  await client.query('commit');
  const ms = performance.now() - started;
  await client.query('drop table scale_floor');
  await client.end();
  return FLOOR_ROWS / (ms / 1000);
}

/** One generation written into a fresh instance: wall and CPU seconds (PostgreSQL's backends included), rows. */
async function load(database: 'sqlite' | 'postgres', where: string, dir: string): Promise<{ wall: number; cpu: number; rows: number }> {
  const env = { ...process.env, SIMPUL_DATA_DIR: path.join(dir, database), SIMPUL_KEY: randomBytes(32).toString('base64') };
  const services = await openInstance({ db: where, env, logger: createLogger({ quiet: true }), now: () => new Date('2026-11-02T03:00:00Z') });
  const server = database === 'postgres' ? await pgServerCpu(where) : undefined;
  try {
    const serverBefore = (await server?.read()) ?? 0;
    const [w, c] = [performance.now(), cpuMs()];
    const tally = await loadScaleRegistry(services, OPTIONS, (s) => progress(`${database}: ${s}`));
    const [wall, cpu] = [(performance.now() - w) / 1000, (cpuMs() - c) / 1000];
    const serverCpu = server ? ((await server.read()) - serverBefore) / 1000 : 0;
    progress(`${database}: ${tally.accounts.toLocaleString('en')} accounts, ${tally.subjects.toLocaleString('en')} subjects, ${tally.historyRows.toLocaleString('en')} history rows in ${wall.toFixed(1)} s, ${cpu.toFixed(1)} s CPU${server ? ` + ${serverCpu.toFixed(1)} s PostgreSQL` : ''}`);
    return { wall, cpu: cpu + serverCpu, rows: tally.accounts + tally.historyRows };
  } finally {
    await server?.close();
    await services.db.close();
  }
}

async function writes(database: 'sqlite' | 'postgres', dir: string): Promise<void> {
  const rates: number[] = [];
  const cpuRates: number[] = [];
  const floors: number[] = [];
  let rows = 0;
  for (let run = 0; run < RUNS; run++) {
    const where = database === 'sqlite' ? path.join(dir, `scale-${run}.sqlite`) : await freshPgDatabase('bench_scale');
    if (!where) return;
    const r = await load(database, where, path.join(dir, String(run)));
    rates.push(OPTIONS.accounts / r.wall);
    cpuRates.push(OPTIONS.accounts / r.cpu);
    rows = r.rows;
    floors.push(await floorRate(database, database === 'sqlite' ? path.join(dir, 'floor.sqlite') : where));
    if (database === 'sqlite') for (const suffix of ['', '-wal', '-shm']) fs.rmSync(where + suffix, { force: true });
  }
  const [rate, cpuRate, floor] = [median(rates), median(cpuRates), median(floors)];
  const rowsPerAccount = rows / OPTIONS.accounts;
  const what = `bare ${database === 'sqlite' ? 'prepared 100-row insert' : 'COPY'} of history-sized rows (rows/s; an account is ${rowsPerAccount.toFixed(1)} rows)`;
  emit({ suite: 'scale', name: 'write_accounts_per_second', value: Math.round(rate), unit: 'accounts/s', target, targetMet: rate > TARGET, database, dataSize, runs: rates.map(Math.round), ...floorOf(rate * rowsPerAccount, floor, what, 'rows/s') });
  emit({
    suite: 'scale', name: 'write_accounts_per_cpu_second', value: Math.round(cpuRate), unit: database === 'sqlite' ? 'accounts/s' : 'accounts/s (CPU of Node + PostgreSQL)', target, targetMet: cpuRate > TARGET,
    database, dataSize, runs: cpuRates.map(Math.round),
  });
  emit({ suite: 'scale', name: 'write_floor_rows_per_second', value: Math.round(floor), unit: 'rows/s', database, dataSize: `${FLOOR_ROWS.toLocaleString('en')} history-sized rows`, runs: floors.map(Math.round) });
}

generation();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-bench-scale-'));
try {
  await writes('sqlite', dir);
  await writes('postgres', dir);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
