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
 * Targets (issues 8 and 9): the district and the province dashboard, with its trend and as the
 * whole page loads, in < 1 s on each database. Every timing has its CPU time (on PostgreSQL the
 * server backends' too) and its ratio to a floor measured on the same data in the same run: a
 * bare aggregate of the open book from the covering index.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createApp } from '../packages/server/src/http/app.ts';
import type { Services } from '../packages/server/src/http/context.ts';
import { openInstance } from '../packages/server/src/instance.ts';
import { createUser } from '../packages/server/src/modules/identity/identity.service.ts';
import { rebuildMonthlySummary, refreshMonthlySummary } from '../packages/server/src/modules/supervision/supervision.summary.ts';
import { shiftPeriod } from '../packages/server/src/modules/supervision/supervision.policy.ts';
import { COLUMNS } from '../packages/server/src/modules/registry/furnishing.columns.ts';
import { bloraDistricts, seededRandom, syntheticAccountRow, syntheticPerson } from '../packages/server/src/modules/registry/synthetic.ts';
import { sql } from 'kysely';
import { emit, floorOf, freshPgDatabase, median, pgServerCpu, progress, quick, timeRuns, type Runs } from './lib.ts';

const ACCOUNTS = quick ? 20_000 : 1_000_000;
const MONTHS = ['2026-08', '2026-09', '2026-10'];
const RUNS = quick ? 3 : 5;
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

/**
 * Registered, active cooperatives, a thousand per statement: the rows registration writes
 * (without its status-change and audit rows, which no dashboard reads), so the province's
 * 10,000 take seconds, not a round trip each.
 */
async function seedCooperatives(services: Services, cooperatives: number): Promise<void> {
  const districts = bloraDistricts();
  const now = services.now().toISOString();
  const rows = Array.from({ length: cooperatives }, (_, k) => ({
    code: `K${String(k + 1).padStart(5, '0')}`, name: `Koperasi ${k + 1}`, type: 'ksp' as const, created_at: now, updated_at: now, activity_status: 'active' as const,
    status_since: now.slice(0, 10), kecamatan_code: districts[(k + 1) % districts.length] ?? null, members_count: 51 + k, last_rat_year: 2025,
  }));
  await services.db.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('cooperatives').values(rows.slice(i, i + 1000)).execute();
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
  // Copied by the database itself, a month per statement (the rows never travel through Node).
  for (let back = 1; back <= 24 - MONTHS.length; back++) {
    await services.db.db.insertInto('supervision_monthly_summary')
      .columns(['cooperative_id', 'period', 'band', 'accounts', 'outstanding', 'min_dpd'])
      .expression((eb) => eb.selectFrom('supervision_monthly_summary')
        .select(['cooperative_id', eb.val(shiftPeriod(first, -back)).as('period'), 'band', 'accounts', 'outstanding', 'min_dpd'])
        .where('period', '=', first))
      .execute();
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
 * Wall time of each request (or of several in a row, as one page loads them), and the CPU
 * time for it: this process's, plus on PostgreSQL the server backends' (`serverCpu`). CPU
 * time is the work itself, steady when a shared machine is loaded.
 */
async function time(services: Services, cookie: string, serverCpu: (() => Promise<number>) | undefined, ...urls: string[]): Promise<Runs> {
  const app = createApp(services);
  return timeRuns(RUNS, async () => {
    for (const url of urls) {
      const res = await app.request(url, { headers: { cookie } });
      const body = await res.text();
      if (res.status !== 200 || body.length < 100) throw new Error(`${url}: ${res.status} ${body.slice(0, 200)}`);
    }
  }, serverCpu);
}

/** Refreshing one cooperative's month in the summary: what a furnishing batch adds. */
function timeRefresh(services: Services, cooperativeId: number, serverCpu: (() => Promise<number>) | undefined): Promise<Runs> {
  return timeRuns(RUNS, () => services.db.db.transaction().execute((trx) => refreshMonthlySummary(trx, cooperativeId, [MONTHS.at(-1) ?? '2026-10'])), serverCpu);
}

/**
 * The floor every dashboard timing is divided by: one bare aggregate of the whole open book
 * per cooperative, answered from the covering partial index the dashboard reads
 * (registry_accounts_open_book), on the same connection. What the least dashboard would cost.
 */
function timeFloor(services: Services, serverCpu: (() => Promise<number>) | undefined): Promise<Runs> {
  return timeRuns(RUNS, () => sql`select cooperative_id, count(*) as n, sum(outstanding) as outstanding from registry_accounts
    where status in ('active', 'restructured') and removed_on is null group by cooperative_id`.execute(services.db.db), serverCpu);
}
const FLOOR = 'bare open-book aggregate per cooperative (covering index)';

/** Wall and CPU figures of one timing, each with its target and its ratio to the floor's. */
function report(name: string, runs: Runs, floor: Runs, database: 'sqlite' | 'postgres', dataSize: string, target?: number): void {
  const [wall, cpu] = [median(runs.wall), median(runs.cpu)];
  const goal = target ? { target: `< ${target}`, targetMet: wall < target } : {};
  emit({ suite: 'dashboard', name: `${name}_ms`, value: Math.round(wall), unit: 'ms', ...goal, database, dataSize, runs: runs.wall.map(Math.round), ...floorOf(wall, median(floor.wall), FLOOR, 'ms') });
  // On PostgreSQL the CPU time adds the server's backends to this process's.
  const cpuGoal = target ? { target: `< ${target}`, targetMet: cpu < target } : {};
  emit({ suite: 'dashboard', name: `${name}_cpu_ms`, value: Math.round(cpu), unit: database === 'sqlite' ? 'ms CPU' : 'ms CPU (Node + PostgreSQL)', ...cpuGoal, database, dataSize, runs: runs.cpu.map(Math.round), ...floorOf(cpu, median(floor.cpu), FLOOR, 'ms CPU') });
}

type Scale = 'district' | 'province';
const COOPERATIVES: Record<Scale, number> = { district: 300, province: 10_000 };

async function bench(database: 'sqlite' | 'postgres', scale: Scale, target: string, dir: string): Promise<void> {
  const cooperatives = COOPERATIVES[scale];
  const env = { ...process.env, SIMPUL_DATA_DIR: path.join(dir, `${database}-${scale}`), SIMPUL_KEY: randomBytes(32).toString('base64'), SIMPUL_LOG_LEVEL: 'warn' };
  const services = await openInstance({ db: target, env, now: () => new Date('2026-11-02T03:00:00Z') });
  try {
    await seedCooperatives(services, cooperatives);
    progress(`${database} ${scale}: ${cooperatives.toLocaleString('en')} cooperatives registered`);
    progress(`${database} ${scale}: ${cooperatives.toLocaleString('en')} cooperatives, ${ACCOUNTS.toLocaleString('en')} accounts × ${MONTHS.length} months of history`);
    if (database === 'sqlite') fillSqlite(services, cooperatives);
    else await fillPostgres(target, cooperatives);
    progress(`${database} ${scale}: registry filled`);
    const backFillCpu = await fillSummary(services);
    progress(`${database} ${scale}: summary back-filled`);
    if (database === 'postgres') await vacuum(target);
    await createUser(services, null, { username: 'analis', fullName: 'Analis', role: 'dinas_analyst', cooperativeId: null, password: 'kata-sandi-bench-1' });
    const signIn = await createApp(services).request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json', 'x-simpul-request': '1' }, body: JSON.stringify({ username: 'analis', password: 'kata-sandi-bench-1' }) });
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const dataSize = `${cooperatives.toLocaleString('en')} cooperatives, ${ACCOUNTS.toLocaleString('en')} accounts`;
    const withTrend = `${dataSize}, 24-month summary over ${MONTHS.length} months of history`;
    // The back-fill runs in-process on SQLite only; on PostgreSQL its CPU is the server's, unmeasured here.
    if (database === 'sqlite') emit({ suite: 'dashboard', name: `${scale}_summary_backfill_cpu_ms`, value: Math.round(backFillCpu), unit: 'ms CPU', database, dataSize: `${dataSize} × ${MONTHS.length} months` });
    const server = database === 'postgres' ? await pgServerCpu(target) : undefined;
    const serverCpu = server?.read;
    progress(`${database} ${scale}: timing the floor and each request, ${RUNS} runs`);
    const floor = await timeFloor(services, serverCpu);
    emit({ suite: 'dashboard', name: `${scale}_floor_open_book_aggregate_ms`, value: Number(median(floor.wall).toPrecision(3)), unit: 'ms', database, dataSize, runs: floor.wall.map((v) => Number(v.toPrecision(3))) });
    const t = (...urls: string[]) => time(services, cookie, serverCpu, ...urls);
    // Targets (issue 9): the district and province dashboards in < 1 s, on each database.
    report(`${scale}_dashboard`, await t('/api/supervision/dashboard'), floor, database, dataSize, 1000);
    report(`${scale}_trend`, await t('/api/supervision/trend'), floor, database, withTrend);
    report(`${scale}_dashboard_with_trend`, await t('/api/supervision/dashboard', '/api/supervision/trend'), floor, database, withTrend, 1000);
    // The cooperatives table, a page at a time: by code (SQL pages, figures for the page only)
    // and above 5 % worst first (every line computed, then ordered: what each further page of the list costs).
    report(`${scale}_cooperatives_table_page`, await t('/api/supervision/cooperatives?page=3'), floor, database, dataSize);
    report(`${scale}_above_limit_table_page`, await t('/api/supervision/cooperatives?aboveLimit=true&sort=nplGross&order=desc'), floor, database, dataSize);
    // Everything the district page loads: dashboard (with the first page above 5 %), trend, the table's first page.
    report(`${scale}_page_load`, await t('/api/supervision/dashboard', '/api/supervision/trend', '/api/supervision/cooperatives'), floor, database, withTrend, 1000);
    report(`${scale}_largest_cooperative_page`, await t('/api/supervision/cooperatives/1'), floor, database, withTrend);
    const largest = (await services.db.db.selectFrom('registry_accounts').select('cooperative_id').where('cooperative_id', '=', 1).select((eb) => eb.fn.countAll().as('n')).groupBy('cooperative_id').executeTakeFirst())?.n;
    report(`${scale}_summary_refresh_largest_cooperative`, await timeRefresh(services, 1, serverCpu), floor, database, `one month of a cooperative with ${Number(largest ?? 0).toLocaleString('en')} accounts`);
    await server?.close();
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
