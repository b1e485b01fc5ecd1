/**
 * The scale data generator (modules/registry/synthetic.scale.ts, synthetic.load.ts): how fast
 * it draws registry accounts — each with its subject's pseudonyms (HMAC of the NIK) and up to
 * 24 months of history — and how fast it writes them, ready to query (indexes rebuilt,
 * batches, the trend's monthly summary), into SQLite and PostgreSQL.
 *
 *   npx tsx bench/scale.bench.ts [--quick]     (quick: 50,000 accounts; else the province preset, 1,000,000)
 *
 * Target (issue 9): more than 200,000 accounts per second. Writing is bounded by the
 * database's own insert speed — an account is one row plus ~10 history rows — so beside the
 * write rate stands its ratio to a floor measured in the same run: bare multi-row inserts
 * of history-sized rows into a plain table of the same database.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { deriveKeys } from '../packages/server/src/config/keys.ts';
import { openInstance } from '../packages/server/src/instance.ts';
import { createLogger } from '../packages/server/src/logging.ts';
import { loadScaleRegistry } from '../packages/server/src/modules/registry/synthetic.load.ts';
import { SCALE_PRESETS, scaleAccounts, type ScaleOptions } from '../packages/server/src/modules/registry/synthetic.scale.ts';
import { emit, freshPgDatabase, median, progress, quick } from './lib.ts';

const OPTIONS: ScaleOptions = { ...(quick ? { cooperatives: 250, accounts: 50_000 } : SCALE_PRESETS.province), seed: 9, period: '2026-10' };
const TARGET = 200_000;
const target = `> ${TARGET.toLocaleString('en')} accounts/s`;
const dataSize = `${OPTIONS.cooperatives.toLocaleString('en')} cooperatives, ${OPTIONS.accounts.toLocaleString('en')} accounts`;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Drawing alone, into memory: accounts, pseudonyms and history rows, nothing written. */
function generationRates(): { wall: number[]; cpu: number[]; historyPerAccount: number } {
  const keys = deriveKeys(randomBytes(32));
  const wall: number[] = [];
  const cpu: number[] = [];
  let history = 0;
  for (let run = 0; run < 3; run++) {
    const [w, c] = [performance.now(), cpuMs()];
    history = 0;
    for (const a of scaleAccounts(keys, OPTIONS)) history += a.history.length;
    wall.push(OPTIONS.accounts / ((performance.now() - w) / 1000));
    cpu.push(OPTIONS.accounts / ((cpuMs() - c) / 1000));
  }
  return { wall, cpu, historyPerAccount: history / OPTIONS.accounts };
}

const FLOOR_ROWS = quick ? 100_000 : 1_000_000;
const FLOOR_TABLE = 'create table scale_floor (account_id bigint not null, subject_key text not null, period text not null, outstanding bigint, arrears bigint, days_past_due int, status text, batch_id bigint)';

/** The floor: rows/s of bare 100-row inserts of history-sized rows, in one transaction. */
async function floorRate(database: 'sqlite' | 'postgres', where: string): Promise<number> {
  const key = 'f'.repeat(32);
  const row = (i: number) => [i, key, '2026-10', 1_000_000 + i, 0, i % 90, 'active', 1];
  if (database === 'sqlite') {
    const db = new SQLite(where);
    db.pragma('journal_mode = WAL');
    db.exec(FLOOR_TABLE);
    const insert = db.prepare(`insert into scale_floor values ${Array(100).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`);
    const started = performance.now();
    db.transaction(() => {
      for (let i = 0; i < FLOOR_ROWS; i += 100) insert.run(Array.from({ length: 100 }, (_, j) => row(i + j)).flat());
    })();
    const ms = performance.now() - started;
    db.close();
    fs.rmSync(where, { force: true });
    return FLOOR_ROWS / (ms / 1000);
  }
  const client = new pg.Client({ connectionString: where });
  await client.connect();
  await client.query(FLOOR_TABLE);
  const started = performance.now();
  await client.query('begin');
  for (let i = 0; i < FLOOR_ROWS; i += 20_000) {
    const rows = Array.from({ length: 20_000 }, (_, j) => row(i + j));
    const cols = rows[0]?.map((_, c) => rows.map((r) => r[c])) ?? [];
    await client.query('insert into scale_floor select * from unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::int[], $7::text[], $8::bigint[])', cols);
  }
  await client.query('commit');
  const ms = performance.now() - started;
  await client.query('drop table scale_floor');
  await client.end();
  return FLOOR_ROWS / (ms / 1000);
}

/** Generates and writes the whole registry into a fresh instance; rates in accounts/s. */
async function load(database: 'sqlite' | 'postgres', where: string, dir: string): Promise<void> {
  const env = { ...process.env, SIMPUL_DATA_DIR: path.join(dir, database), SIMPUL_KEY: randomBytes(32).toString('base64') };
  const services = await openInstance({ db: where, env, logger: createLogger({ quiet: true }), now: () => new Date('2026-11-02T03:00:00Z') });
  let rows = 0;
  let wall = 0;
  let cpu = 0;
  try {
    const [w, c] = [performance.now(), cpuMs()];
    const tally = await loadScaleRegistry(services, OPTIONS, (s) => progress(`${database}: ${s}`));
    [wall, cpu] = [(performance.now() - w) / 1000, (cpuMs() - c) / 1000];
    rows = tally.accounts + tally.historyRows;
    progress(`${database}: ${tally.accounts.toLocaleString('en')} accounts, ${tally.subjects.toLocaleString('en')} subjects, ${tally.historyRows.toLocaleString('en')} history rows in ${wall.toFixed(1)} s`);
  } finally {
    await services.db.close();
  }
  const floor = await floorRate(database, database === 'sqlite' ? path.join(dir, 'floor.sqlite') : where);
  const rate = OPTIONS.accounts / wall;
  emit({
    suite: 'scale', name: 'write_accounts_per_second', value: Math.round(rate), unit: 'accounts/s', target, targetMet: rate > TARGET, database, dataSize,
    ratioToFloor: Number((rows / wall / floor).toFixed(3)), floor: `bare insert ${Math.round(floor).toLocaleString('en')} rows/s (rows = accounts + history)`,
  });
  // SQLite runs in this process: its CPU time is the work itself, steady on a loaded machine.
  if (database === 'sqlite') emit({ suite: 'scale', name: 'write_accounts_per_cpu_second', value: Math.round(OPTIONS.accounts / cpu), unit: 'accounts/s', target, targetMet: OPTIONS.accounts / cpu > TARGET, database, dataSize });
}

const generation = generationRates();
progress(`generation: ${generation.historyPerAccount.toFixed(1)} history rows per account`);
const sizeWithHistory = `${dataSize}, ${generation.historyPerAccount.toFixed(1)} history months each`;
emit({ suite: 'scale', name: 'generate_accounts_per_second', value: Math.round(median(generation.wall)), unit: 'accounts/s', target, targetMet: median(generation.wall) > TARGET, dataSize: sizeWithHistory, runs: generation.wall.map(Math.round) });
emit({ suite: 'scale', name: 'generate_accounts_per_cpu_second', value: Math.round(median(generation.cpu)), unit: 'accounts/s', target, targetMet: median(generation.cpu) > TARGET, dataSize: sizeWithHistory, runs: generation.cpu.map(Math.round) });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-bench-scale-'));
try {
  await load('sqlite', path.join(dir, 'scale.sqlite'), dir);
  const url = await freshPgDatabase('bench_scale');
  if (url) await load('postgres', url, dir);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
