/**
 * The Dinas's dashboard over a large registry, timed through the real HTTP routes (session,
 * SQL aggregation, domain ratios, JSON) on SQLite and, when SIMPUL_BENCH_PG_URL names a
 * server, PostgreSQL:
 *   - district: 300 cooperatives, 1,000,000 accounts (synthetic rows from
 *     modules/registry/synthetic.ts, a few large cooperatives and many small ones);
 *   - province: 10,000 cooperatives over the same 1,000,000 accounts.
 * The history holds 3 months (1M rows each); the trend reads the monthly summary
 * (migration 0012), back-filled from that history as the migration does, and extended to a
 * full 24 months by copying its rows to the 21 earlier months, so the trend reads a summary
 * of its real 24-month size. Also what one furnishing batch pays to refresh the summary.
 *
 *   npx tsx bench/dashboard.bench.ts [--quick] [--only=sqlite-district,postgres-province,…]
 *
 * SIMPUL_BENCH_KEEP=1 keeps the SQLite files and the PostgreSQL databases for profiling.
 *
 * Targets (issue 8): the district dashboard with its trend in < 1 s on SQLite; the province
 * dashboard in < 1 s.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApp } from '../packages/server/src/http/app.ts';
import type { Services } from '../packages/server/src/http/context.ts';
import { openInstance } from '../packages/server/src/instance.ts';
import { insertRegisteredCooperative } from '../packages/server/src/modules/cooperatives/cooperatives.service.ts';
import { createUser } from '../packages/server/src/modules/identity/identity.service.ts';
import { rebuildMonthlySummary, refreshMonthlySummary } from '../packages/server/src/modules/supervision/supervision.summary.ts';
import { shiftPeriod } from '../packages/server/src/modules/supervision/supervision.policy.ts';
import { COLUMNS } from '../packages/server/src/modules/registry/furnishing.columns.ts';
import { bloraDistricts, seededRandom, syntheticAccountRow, syntheticPerson } from '../packages/server/src/modules/registry/synthetic.ts';
import { emit, freshPgDatabase, median, progress, quick } from './lib.ts';

const ACCOUNTS = quick ? 50_000 : 1_000_000;
const MONTHS = ['2026-08', '2026-09', '2026-10'];
const RUNS = 5;
const col = (name: (typeof COLUMNS)[number]) => COLUMNS.indexOf(name);

/** One synthetic account's figures: outstanding, DPD, status, as synthetic.ts spreads them. */
function* accounts(cooperatives: number): Generator<{ coop: number; ref: string; outstanding: number; dpd: number; status: string; original: number }> {
  const rng = seededRandom(8);
  const districts = bloraDistricts();
  for (let i = 0; i < ACCOUNTS; i++) {
    const row = syntheticAccountRow(rng, syntheticPerson(rng, i, districts), `ACC${i}`, '2026-10');
    // Cooperatives of very different sizes: a few large, many small (quadratic spread).
    const coop = 1 + Math.floor(cooperatives * rng() ** 2);
    yield { coop, ref: `ACC${i}`, outstanding: Number(row[col('outstanding')]), dpd: Number(row[col('days_past_due')]), status: row[col('status')] ?? 'active', original: Number(row[col('original_amount')]) };
  }
}

async function seedCooperatives(services: Services, cooperatives: number): Promise<void> {
  const districts = bloraDistricts();
  await services.db.db.transaction().execute(async (trx) => {
    for (let i = 1; i <= cooperatives; i++) {
      await insertRegisteredCooperative(trx, services, null, { code: `K${String(i).padStart(5, '0')}`, name: `Koperasi ${i}`, kecamatanCode: districts[i % districts.length] ?? null, membersCount: 50 + i, lastRatYear: 2025 });
    }
  });
}

const ACCOUNT_SQL = 'insert into registry_accounts (subject_key, cooperative_id, account_ref, name_token, birth_token, opened_on, original_amount, frequency, outstanding, arrears, days_past_due, status, last_period, source, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)';

/** Keys and tokens as wide as the real ones (HMAC-SHA256 hex / base64url), so rows are realistic. */
const keyOf = (i: number) => createHash('sha256').update(`subject-${i}`).digest('hex');
const tokenOf = (key: string) => Buffer.from(key.slice(0, 32), 'hex').toString('base64url');

function fillSqlite(services: Services, cooperatives: number): void {
  const sqlite = services.db.sqlite;
  if (!sqlite) throw new Error('not SQLite');
  const account = sqlite.prepare(ACCOUNT_SQL);
  const history = sqlite.prepare('insert into registry_history (account_id, subject_key, period, outstanding, arrears, days_past_due, status, batch_id) values (?, ?, ?, ?, 0, ?, ?, 0)');
  sqlite.transaction(() => {
    let id = 0;
    for (const a of accounts(cooperatives)) {
      const key = keyOf(id);
      const r = account.run(key, a.coop, a.ref, tokenOf(key), tokenOf(key.slice(8)), '2025-10-15', a.original, 'monthly', a.outstanding, a.dpd, a.status, '2026-10', 'file', 'now');
      const accountId = Number(r.lastInsertRowid);
      MONTHS.forEach((m, i) => history.run(accountId, key, m, a.outstanding, Math.max(0, a.dpd - 30 * (2 - i)), a.status));
      id++;
    }
  })();
}

async function fillPostgres(url: string, cooperatives: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('begin');
  let batch: (string | number)[][] = [];
  const flush = async () => {
    const cols = batch[0]?.map((_, c) => batch.map((row) => row[c])) ?? [];
    if (cols.length) await client.query("insert into registry_accounts (subject_key, cooperative_id, account_ref, name_token, birth_token, opened_on, original_amount, frequency, outstanding, arrears, days_past_due, status, last_period, source, updated_at) select s, c, r, t, t, '2025-10-15', o, 'monthly', b, 0, d, st, '2026-10', 'file', 'now' from unnest($1::text[], $2::bigint[], $3::text[], $4::bigint[], $5::bigint[], $6::int[], $7::text[], $8::text[]) as x(s, c, r, o, b, d, st, t)", cols);
    batch = [];
  };
  let id = 0;
  for (const a of accounts(cooperatives)) {
    const key = keyOf(id++);
    batch.push([key, a.coop, a.ref, a.original, a.outstanding, a.dpd, a.status, tokenOf(key)]);
    if (batch.length === 20_000) await flush();
  }
  await flush();
  for (const [i, m] of MONTHS.entries()) {
    await client.query(`insert into registry_history (account_id, subject_key, period, outstanding, arrears, days_past_due, status, batch_id) select id, subject_key, $1, outstanding, 0, greatest(0, days_past_due - ${30 * (2 - i)}), status, 0 from registry_accounts`, [m]);
  }
  await client.query('commit');
  await client.query('analyze');
  await client.end();
}

/**
 * The summary as the migration leaves it (back-filled from the 3 months of history), then its
 * rows copied to the 21 months before them: the size the trend reads after 24 months.
 */
async function fillSummary(services: Services): Promise<number> {
  const cpuStart = process.cpuUsage();
  await rebuildMonthlySummary(services.db.db);
  const used = process.cpuUsage(cpuStart);
  const first = MONTHS[0] ?? '2026-08';
  const rows = await services.db.db.selectFrom('supervision_monthly_summary').selectAll().where('period', '=', first).execute();
  for (let back = 1; back <= 24 - MONTHS.length; back++) {
    const period = shiftPeriod(first, -back);
    for (let i = 0; i < rows.length; i += 1000) await services.db.db.insertInto('supervision_monthly_summary').values(rows.slice(i, i + 1000).map((r) => ({ ...r, period }))).execute();
  }
  return (used.user + used.system) / 1000;
}

/**
 * VACUUM ANALYZE after the bulk load, as autovacuum does soon after so many inserts (its
 * insert threshold): until the visibility map marks the pages, PostgreSQL cannot answer from
 * a covering index alone (index-only scan) and reads the table, e.g. the trend's 1.4M
 * summary rows by a seq scan.
 */
async function vacuum(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('vacuum analyze');
  } finally {
    await client.end();
  }
}

/**
 * Wall time of each request (or of several in a row, as one page loads them), and the
 * process's CPU time for it: on SQLite the query runs in-process, so CPU time is the work
 * itself, steady when a shared machine is loaded.
 */
async function time(services: Services, cookie: string, ...urls: string[]): Promise<{ wall: number[]; cpu: number[] }> {
  const app = createApp(services);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    for (const url of urls) {
      const res = await app.request(url, { headers: { cookie } });
      const body = await res.text();
      if (res.status !== 200 || body.length < 100) throw new Error(`${url}: ${res.status} ${body.slice(0, 200)}`);
    }
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    wall.push(performance.now() - started);
  }
  return { wall, cpu };
}

/** CPU time of refreshing one cooperative's month in the summary: what a furnishing batch adds. */
async function timeRefresh(services: Services, cooperativeId: number): Promise<{ wall: number[]; cpu: number[] }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    await services.db.db.transaction().execute((trx) => refreshMonthlySummary(trx, cooperativeId, [MONTHS.at(-1) ?? '2026-10']));
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    wall.push(performance.now() - started);
  }
  return { wall, cpu };
}

function report(name: string, runs: { wall: number[]; cpu: number[] }, database: 'sqlite' | 'postgres', dataSize: string, target?: number): void {
  const wall = median(runs.wall);
  emit({ suite: 'dashboard', name: `${name}_ms`, value: Math.round(wall), unit: 'ms', target: target ? `< ${target}` : undefined, targetMet: target ? wall < target : undefined, database, dataSize, runs: runs.wall.map(Math.round) });
  if (database === 'sqlite') emit({ suite: 'dashboard', name: `${name}_cpu_ms`, value: Math.round(median(runs.cpu)), unit: 'ms CPU', target: target ? `< ${target}` : undefined, targetMet: target ? median(runs.cpu) < target : undefined, database, dataSize, runs: runs.cpu.map(Math.round) });
}

type Scale = 'district' | 'province';
const COOPERATIVES: Record<Scale, number> = { district: 300, province: 10_000 };

async function bench(database: 'sqlite' | 'postgres', scale: Scale, target: string, dir: string): Promise<void> {
  const cooperatives = COOPERATIVES[scale];
  const env = { ...process.env, SIMPUL_DATA_DIR: path.join(dir, `${database}-${scale}`), SIMPUL_KEY: randomBytes(32).toString('base64'), SIMPUL_LOG_LEVEL: 'warn' };
  const services = await openInstance({ db: target, env, now: () => new Date('2026-11-02T03:00:00Z') });
  try {
    await seedCooperatives(services, cooperatives);
    progress(`${database} ${scale}: ${cooperatives.toLocaleString('en')} cooperatives, ${ACCOUNTS.toLocaleString('en')} accounts × ${MONTHS.length} months of history`);
    if (database === 'sqlite') fillSqlite(services, cooperatives);
    else await fillPostgres(target, cooperatives);
    const backFillCpu = await fillSummary(services);
    if (database === 'postgres') await vacuum(target);
    await createUser(services, null, { username: 'analis', fullName: 'Analis', role: 'dinas_analyst', cooperativeId: null, password: 'kata-sandi-bench-1' });
    const signIn = await createApp(services).request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json', 'x-simpul-request': '1' }, body: JSON.stringify({ username: 'analis', password: 'kata-sandi-bench-1' }) });
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const dataSize = `${cooperatives.toLocaleString('en')} cooperatives, ${ACCOUNTS.toLocaleString('en')} accounts`;
    const withTrend = `${dataSize}, 24-month summary over ${MONTHS.length} months of history`;
    if (database === 'sqlite') emit({ suite: 'dashboard', name: `${scale}_summary_backfill_cpu_ms`, value: Math.round(backFillCpu), unit: 'ms CPU', database, dataSize: `${dataSize} × ${MONTHS.length} months` });
    report(`${scale}_dashboard`, await time(services, cookie, '/api/supervision/dashboard'), database, dataSize, scale === 'province' || database === 'sqlite' ? 1000 : undefined);
    report(`${scale}_trend`, await time(services, cookie, '/api/supervision/trend'), database, withTrend);
    report(`${scale}_dashboard_with_trend`, await time(services, cookie, '/api/supervision/dashboard', '/api/supervision/trend'), database, withTrend, scale === 'district' && database === 'sqlite' ? 1000 : undefined);
    // The cooperatives table, a page at a time: by code (SQL pages, figures for the page only)
    // and above 5 % worst first (every line computed, then ordered: what each further page of the list costs).
    report(`${scale}_cooperatives_table_page`, await time(services, cookie, '/api/supervision/cooperatives?page=3'), database, dataSize);
    report(`${scale}_above_limit_table_page`, await time(services, cookie, '/api/supervision/cooperatives?aboveLimit=true&sort=nplGross&order=desc'), database, dataSize);
    // Everything the district page loads: dashboard (with the first page above 5 %), trend, the table's first page.
    report(`${scale}_page_load`, await time(services, cookie, '/api/supervision/dashboard', '/api/supervision/trend', '/api/supervision/cooperatives'), database, withTrend, 1000);
    report(`${scale}_largest_cooperative_page`, await time(services, cookie, '/api/supervision/cooperatives/1'), database, withTrend);
    const largest = (await services.db.db.selectFrom('registry_accounts').select('cooperative_id').where('cooperative_id', '=', 1).select((eb) => eb.fn.countAll().as('n')).groupBy('cooperative_id').executeTakeFirst())?.n;
    report(`${scale}_summary_refresh_largest_cooperative`, await timeRefresh(services, 1), database, `one month of a cooperative with ${Number(largest ?? 0).toLocaleString('en')} accounts`);
  } finally {
    await services.db.close();
  }
}

async function dropPg(name: string): Promise<void> {
  const base = process.env.SIMPUL_BENCH_PG_URL;
  if (!base) return;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-bench-dashboard-'));
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
try {
  for (const scale of ['district', 'province'] as const) {
    if (only && !only.split(',').includes(`sqlite-${scale}`)) continue;
    await bench('sqlite', scale, path.join(dir, `${scale}.sqlite`), dir);
    if (!process.env.SIMPUL_BENCH_KEEP) fs.rmSync(path.join(dir, `${scale}.sqlite`), { force: true });
  }
  for (const scale of ['district', 'province'] as const) {
    if (only && !only.split(',').includes(`postgres-${scale}`)) continue;
    const name = `bench_dashboard_${scale}`;
    const target = await freshPgDatabase(name);
    if (!target) break;
    try {
      await bench('postgres', scale, target, dir);
    } finally {
      if (process.env.SIMPUL_BENCH_KEEP) progress(`kept PostgreSQL database ${name}`);
      else await dropPg(name);
    }
  }
} finally {
  if (process.env.SIMPUL_BENCH_KEEP) progress(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
