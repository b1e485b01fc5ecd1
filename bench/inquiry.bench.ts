/**
 * Registry inquiries over HTTP with audit logging on: 1,000,000 subjects and 2,000,000
 * accounts by default (`--subjects 5000000` for the 5M run), written by the scale generator
 * (modules/registry/synthetic.load.ts: cooperatives of Zipf sizes, up to 24 months of history,
 * half the accounts belonging to people who already borrow), served by `simpul serve
 * --workers N` as real child processes, driven by autocannon with a different person per
 * request (cooperative API key, purpose new_loan). On SQLite, and on PostgreSQL when
 * SIMPUL_BENCH_PG_URL names a server (a database `bench_inquiry` is created there).
 *
 *   npx tsx bench/inquiry.bench.ts [--quick] [--subjects N,M…] [--workers 1,2]
 *   (full: 1,000,000 then 5,000,000 subjects — latency must stay flat as data grows;
 *    quick: 5,000 subjects, 2 s runs, 1 worker)
 *
 * Generating 5M subjects takes long (tens of minutes a database), and the data depends only on
 * the seed, the size and the month. SIMPUL_BENCH_CACHE=<dir> keeps a pristine copy of each
 * generated database (the SQLite data folder in <dir>; on PostgreSQL a template database
 * beside it on the same server, its API key in <dir>) and later runs start from a copy of it,
 * so a change to the inquiry path can be measured at 5M without generating again. With
 * `--prepare` the run stops there: it generates and caches (on a busy machine, say) and
 * measures nothing.
 *
 * Targets (issue 6): p99 < 10 ms at 1,000 requests/s; ≥ 3,000 inquiries/s sustained.
 * Each server configuration (1 worker, 2 workers) is measured at 1,000/s and at its maximum,
 * and so is its floor in the same run: a bare `GET /api/health` at the same rate and
 * connections; every inquiry figure also stands as a ratio to it. Beside the wall-clock
 * figures, which a shared machine bends: the server's CPU time per request (all its
 * processes, from /proc, plus the PostgreSQL backends), autocannon's own CPU per request (it
 * shares the 2 cores), the load average, and `inquire()` in process (latency of one at a time,
 * rate 32 at a time). After the runs the audit chain is verified and every answered inquiry
 * must be in it.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { monthsBefore } from '@simpul/domain';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { businessDate } from '../packages/server/src/config/env.ts';
import { openInstance } from '../packages/server/src/instance.ts';
import { authenticateApiKey } from '../packages/server/src/modules/identity/api-keys.service.ts';
import { inquire } from '../packages/server/src/modules/inquiry/inquiry.service.ts';
import { loadScaleRegistry } from '../packages/server/src/modules/registry/synthetic.load.ts';
import { scalePerson } from '../packages/server/src/modules/registry/synthetic.scale.ts';
import { seededRandom, type SyntheticPerson } from '../packages/server/src/modules/registry/synthetic.ts';
import { emit, progress, sized, type Figure } from './lib.ts';

// TODO(lead): bench/lib.ts is gaining shared floorOf and pgServerCpu helpers (engineer E, not
// committed as this was written); these two local ones should give way to them.

/** The floor fields of a figure: value ÷ floor, measured in the same run. */
function floorOf(value: number, floor: number, what: string, unit: string): Pick<Figure, 'ratioToFloor' | 'floor'> {
  return { ratioToFloor: Number((value / floor).toPrecision(3)), floor: `${what}, ${Number(floor.toPrecision(3)).toLocaleString('en')} ${unit}` };
}

/** CPU milliseconds so far of the PostgreSQL backends connected to `url`'s database (the server runs on this machine). */
async function pgBackendCpu(url: string): Promise<{ read(): Promise<number>; close(): Promise<void> }> {
  const watcher = new pg.Client({ connectionString: url });
  watcher.on('error', () => {}); // a terminated watcher must not end the benchmark: readings stop growing
  await watcher.connect();
  const seen = new Map<number, number>(); // a backend that ends keeps its last reading
  return {
    async read() {
      const { rows } = await watcher.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
      for (const { pid } of rows) {
        try {
          const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
          seen.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
        } catch {
          // ended meanwhile, or not on this machine
        }
      }
      let total = 0;
      for (const ms of seen.values()) total += ms;
      return total;
    },
    close: () => watcher.end(),
  };
}

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const SIZES = (argument('subjects') ?? sized('1000000,5000000', '5000')).split(',').map(Number);
/** Quick mode measures one worker; the full run one and two. */
const WORKERS = (argument('workers') ?? sized('1,2', '1')).split(',').map(Number);
const SECONDS = sized(20, 2);
const SEED = 6;
const BIN = path.resolve(import.meta.dirname, '../packages/server/bin/simpul.js');

function simpul(env: NodeJS.ProcessEnv, ...args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`simpul ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** 20,000 subjects drawn at random from all generated; scalePerson rebuilds who each is. */
function samplePeople(subjects: number): SyntheticPerson[] {
  const rng = seededRandom(SEED + 1);
  return Array.from({ length: Math.min(20_000, subjects) }, () => scalePerson(SEED, Math.floor(rng() * subjects)));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

type Database = 'sqlite' | 'postgres';

/** User + system CPU seconds used so far by a process and its children (the server's workers), from /proc. */
function treeCpuSeconds(pid: number): number {
  let ticks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      // After the command name: ppid is the 2nd field, utime the 12th, stime the 13th.
      if (Number(entry) === pid || Number(fields[1]) === pid) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // ended meanwhile
    }
  }
  return ticks / 100; // in clock ticks, 100 a second on Linux
}

interface Server {
  url: string;
  /** CPU milliseconds so far of the server's processes and (PostgreSQL) of its database backends. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

async function startServer(env: NodeJS.ProcessEnv, workers: number, pgCpu: (() => Promise<number>) | undefined): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--workers', String(workers)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const pid = child.pid ?? 0;
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url);
  await new Promise((r) => setTimeout(r, workers > 1 ? 3000 : 0)); // the other workers listen too
  return {
    url,
    cpuMs: async () => treeCpuSeconds(pid) * 1000 + (pgCpu ? await pgCpu() : 0),
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

interface Run {
  result: autocannon.Result;
  /** CPU milliseconds per answered request: the server's, and autocannon's own (this process). */
  serverCpuMs: number;
  clientCpuMs: number;
  load: string;
}

type Target = { path: string; body?: (n: number) => string };

/** One autocannon run, with the server's and the client's CPU time and the load average beside it. */
async function measuredLoad(server: Server, key: string, target: Target, options: { connections: number; overallRate?: number; seconds?: number }): Promise<Run> {
  const server0 = await server.cpuMs();
  const client0 = process.cpuUsage();
  const result = await load(server.url, key, target, options);
  const client = process.cpuUsage(client0);
  const answered = Math.max(1, result.requests.total);
  return {
    result,
    serverCpuMs: ((await server.cpuMs()) - server0) / answered,
    clientCpuMs: (client.user + client.system) / 1000 / answered,
    load: os.loadavg().map((l) => l.toFixed(1)).join(' '),
  };
}

function load(url: string, key: string, target: Target, options: { connections: number; overallRate?: number; seconds?: number }): Promise<autocannon.Result> {
  let n = 0;
  const body = target.body;
  return autocannon({
    url: `${url}${target.path}`,
    method: body ? 'POST' : 'GET',
    connections: options.connections,
    duration: options.seconds ?? SECONDS,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body ? { requests: [{ setupRequest: (req: { body?: unknown }) => ({ ...req, body: body(n++) }) }] } : {}),
  });
}

function inquiries(people: SyntheticPerson[]): Target {
  return {
    path: '/api/registry/inquiries',
    body: (n) => {
      const p = people[n % people.length];
      return JSON.stringify({ nik: p?.nik, fullName: p?.fullName, birthDate: p?.birthDate, purpose: 'new_loan', consentRef: `BENCH-${n}` });
    },
  };
}

const HEALTH: Target = { path: '/api/health' };

/** A new, empty database bench_inquiry on the PostgreSQL server. */
async function freshPgTarget(): Promise<string> {
  const admin = new pg.Client({ connectionString: process.env.SIMPUL_BENCH_PG_URL });
  await admin.connect();
  await admin.query('drop database if exists bench_inquiry with (force)');
  await admin.query('create database bench_inquiry');
  await admin.end();
  const url = new URL(process.env.SIMPUL_BENCH_PG_URL ?? '');
  url.pathname = '/bench_inquiry';
  return url.toString();
}

const COUNTS = {
  inquiries: 'select count(*) as n from inquiries',
  inquiryAuditEntries: "select count(*) as n from audit_log where action = 'registry.inquiry'",
};

/** Row counts straight from the database. */
async function countsOf(database: Database, target: string): Promise<Record<keyof typeof COUNTS, number>> {
  const out = { inquiries: 0, inquiryAuditEntries: 0 };
  const names = Object.keys(COUNTS) as (keyof typeof COUNTS)[];
  if (database === 'sqlite') {
    const db = new SQLite(target, { readonly: true });
    for (const name of names) out[name] = (db.prepare(COUNTS[name]).get() as { n: number }).n;
    db.close();
    return out;
  }
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  for (const name of names) out[name] = Number((await client.query<{ n: string }>(COUNTS[name])).rows[0]?.n);
  await client.end();
  return out;
}

async function dropTarget(database: Database): Promise<void> {
  if (database === 'sqlite' || process.env.SIMPUL_BENCH_KEEP) return;
  const admin = new pg.Client({ connectionString: process.env.SIMPUL_BENCH_PG_URL });
  await admin.connect();
  await admin.query('drop database if exists bench_inquiry with (force)');
  await admin.end();
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

/**
 * `inquire()` called in this process (no HTTP): one at a time for the latency of a single
 * inquiry (its group commit included), then 32 at a time for inquiries per CPU second and per
 * wall second. On PostgreSQL the CPU includes the database backends'.
 */
async function inProcess(env: NodeJS.ProcessEnv, key: string, people: SyntheticPerson[], count: number, pgCpu: (() => Promise<number>) | undefined) {
  const services = await openInstance({ env });
  try {
    const actor = await authenticateApiKey(services, key);
    if (!actor) throw new Error('API key not accepted');
    let n = 0;
    const one = () => {
      const p = people[n++ % people.length];
      return inquire(services, { actor, cooperativeId: actor.cooperativeId }, { nik: p?.nik ?? '', fullName: p?.fullName ?? '', birthDate: p?.birthDate ?? '', purpose: 'new_loan', consentRef: `BENCH-IP-${n}` }, 'id');
    };
    const latencies: number[] = [];
    for (let i = 0; i < count / 4; i++) {
      const t0 = performance.now();
      await one();
      latencies.push(performance.now() - t0);
    }
    latencies.sort((a, b) => a - b);
    const serverCpu0 = pgCpu ? await pgCpu() : 0;
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    n = 0;
    await Promise.all(Array.from({ length: 32 }, async () => {
      while (n < count) await one();
    }));
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6 + (pgCpu ? ((await pgCpu()) - serverCpu0) / 1000 : 0);
    return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), perCpuSecond: count / cpuSeconds, perSecond: count / ((performance.now() - started) / 1000) };
  } finally {
    await services.db.close();
  }
}

/** A wrong answer stops the benchmark; a client timeout (a starved shared machine) is reported, not hidden. */
function checkAnswers(label: string, run: Run): void {
  if (run.result.non2xx > 0) throw new Error(`${label}: ${run.result.non2xx} answers were not 2xx`);
  if (run.result.errors > 0) progress(`${label}: ${run.result.errors} requests failed or timed out on the client`);
}

function describeRun(label: string, run: Run): string {
  return `${label}: ${Math.round(run.result.requests.average)} req/s, p50 ${run.result.latency.p50} ms, p99 ${run.result.latency.p99} ms; server ${run.serverCpuMs.toFixed(3)} ms CPU/request, autocannon ${run.clientCpuMs.toFixed(3)}; load ${run.load} on ${os.cpus().length} cores`;
}

/** One server configuration: inquiries and the bare health request, at 1,000/s and at the maximum. */
async function measureWorkers(database: Database, dataSize: string, env: NodeJS.ProcessEnv, key: string, people: SyntheticPerson[], workers: number, pgCpu: (() => Promise<number>) | undefined): Promise<void> {
  const server = await startServer(env, workers, pgCpu);
  const label = workers === 1 ? '1_worker' : `${workers}_workers`;
  const figure = (name: string, value: number, unit: string, extra: object = {}) => emit({ suite: 'inquiry', name: `${name}_${label}`, value, unit, database, dataSize, ...extra });
  try {
    await load(server.url, key, inquiries(people), { connections: 10, overallRate: 500, seconds: 2 }); // warm-up
    const runs: Record<string, Run> = {};
    for (const [name, target, options] of [
      ['health_at_1000', HEALTH, { connections: 20, overallRate: 1000 }],
      ['inquiry_at_1000', inquiries(people), { connections: 20, overallRate: 1000 }],
      ['health_at_max', HEALTH, { connections: 64 }],
      ['inquiry_at_max', inquiries(people), { connections: 64 }],
    ] as const) {
      const run = await measuredLoad(server, key, target, options);
      checkAnswers(`${database} ${label} ${name}`, run);
      progress(describeRun(`${database} ${workers} worker(s) ${name}`, run));
      runs[name] = run;
    }
    const [h1, i1, hm, im] = [runs.health_at_1000, runs.inquiry_at_1000, runs.health_at_max, runs.inquiry_at_max] as Run[];
    if (!h1 || !i1 || !hm || !im) return;
    const healthP99 = `GET /api/health p99 at 1,000/s`;
    figure('p99_latency_at_1000_rps', i1.result.latency.p99, 'ms', { target: '< 10', targetMet: i1.result.latency.p99 < 10, ...floorOf(i1.result.latency.p99, Math.max(1, h1.result.latency.p99), healthP99, 'ms') });
    figure('p50_latency_at_1000_rps', i1.result.latency.p50, 'ms', floorOf(i1.result.latency.p50, Math.max(1, h1.result.latency.p50), 'GET /api/health p50 at 1,000/s', 'ms'));
    figure('achieved_rps_at_1000_target', Math.round(i1.result.requests.average), 'req/s');
    figure('server_cpu_ms_per_inquiry', Number(im.serverCpuMs.toFixed(3)), 'ms CPU', floorOf(im.serverCpuMs, hm.serverCpuMs, 'GET /api/health at the maximum', 'ms CPU'));
    figure('autocannon_cpu_ms_per_inquiry', Number(im.clientCpuMs.toFixed(3)), 'ms CPU');
    const rate = im.result.requests.average;
    figure('sustained_inquiries_per_second', Math.round(rate), 'inquiries/s', { target: '≥ 3,000', targetMet: rate >= 3000, ...floorOf(rate, hm.result.requests.average, 'GET /api/health at the maximum', 'req/s') });
    figure('p99_latency_at_max_rate', im.result.latency.p99, 'ms', floorOf(im.result.latency.p99, Math.max(1, hm.result.latency.p99), 'GET /api/health p99 at the maximum', 'ms'));
    figure('load_average_during_max_run', Number(im.load.split(' ')[0]), 'load (1 min)');
  } finally {
    await server.stop();
  }
}

/** What generating a registry leaves for the measurements (and, cached, for later runs). */
interface Generated {
  /** The cooperative's API key. */
  key: string;
  subjects: number;
  dataSize: string;
}

const CACHE = process.env.SIMPUL_BENCH_CACHE;
const PREPARE_ONLY = process.argv.includes('--prepare');
if (PREPARE_ONLY && !CACHE) throw new Error('--prepare keeps what it generates in SIMPUL_BENCH_CACHE: set it');

/** The cached copy's name: the data depends on the seed, the size and the month only. */
const cacheName = (database: Database, subjects: number, period: string) => `bench_inquiry_${database}_${subjects}_s${SEED}_${period.replace('-', '')}`;

/** Restores a cached generation into the run's database and data folder; undefined if none. */
async function restoreCached(database: Database, name: string, dataDir: string): Promise<Generated | undefined> {
  if (!CACHE || !fs.existsSync(path.join(CACHE, `${name}.json`))) return undefined;
  if (database === 'postgres') {
    const admin = new pg.Client({ connectionString: process.env.SIMPUL_BENCH_PG_URL });
    await admin.connect();
    try {
      const { rows } = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (rows.length === 0) return undefined;
      await admin.query('drop database if exists bench_inquiry with (force)');
      await admin.query(`create database bench_inquiry template ${name}`);
    } finally {
      await admin.end();
    }
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.cpSync(path.join(CACHE, name), dataDir, { recursive: true });
  return JSON.parse(fs.readFileSync(path.join(CACHE, `${name}.json`), 'utf8')) as Generated;
}

/** Keeps a pristine copy of what was just generated (nothing has inquired yet). */
async function cacheGenerated(database: Database, name: string, dataDir: string, generated: Generated): Promise<void> {
  if (!CACHE) return;
  fs.mkdirSync(CACHE, { recursive: true });
  if (database === 'postgres') {
    const admin = new pg.Client({ connectionString: process.env.SIMPUL_BENCH_PG_URL });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${name}`);
      await admin.query(`create database ${name} template bench_inquiry`);
    } finally {
      await admin.end();
    }
  }
  fs.rmSync(path.join(CACHE, name), { recursive: true, force: true });
  fs.cpSync(dataDir, path.join(CACHE, name), { recursive: true });
  fs.writeFileSync(path.join(CACHE, `${name}.json`), JSON.stringify(generated));
  progress(`${database}: kept a copy as ${name} in ${CACHE}`);
}

/** A fresh instance with the scale generator's registry of `subjects` people and a cooperative's API key. */
async function generate(database: Database, env: NodeJS.ProcessEnv, subjects: number, period: string): Promise<Generated> {
  simpul(env, 'init');
  simpul(env, 'cooperative', 'add', '--code', 'KSPC', '--name', 'Koperasi KSPC');
  const key = /: (\S+)\s*$/.exec(simpul(env, 'cooperative', 'api-key', '--code', 'KSPC'))?.[1] ?? '';
  // Two accounts per subject on average: half the accounts go to someone already in the registry.
  const accounts = subjects * 2;
  const cooperatives = Math.max(10, Math.round(accounts / 200));
  progress(`${database}: generating ${accounts.toLocaleString('en')} accounts at ${cooperatives.toLocaleString('en')} cooperatives`);
  const services = await openInstance({ env });
  const [wall0, cpu0] = [performance.now(), process.cpuUsage()];
  const tally = await loadScaleRegistry(services, { cooperatives, accounts, seed: SEED, period, repeatBorrowerShare: 0.5 }, (step) => progress(`${database}: ${step}`));
  await services.db.close();
  const cpu = process.cpuUsage(cpu0);
  progress(`${database}: generated in ${((performance.now() - wall0) / 1000).toFixed(0)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s CPU of this process`);
  const dataSize = `${tally.subjects.toLocaleString('en')} subjects, ${tally.accounts.toLocaleString('en')} accounts, ${tally.historyRows.toLocaleString('en')} history months`;
  return { key, subjects: tally.subjects, dataSize };
}

async function bench(database: Database, dir: string, subjects: number): Promise<void> {
  const dataDir = path.join(dir, `data-${database}-${subjects}`);
  const target = database === 'sqlite' ? path.join(dataDir, 'simpul.sqlite') : await freshPgTarget();
  // The benchmark measures capacity, so the per-key inquiry limit (30 a minute by default) is lifted.
  const env: NodeJS.ProcessEnv = { ...process.env, SIMPUL_DATA_DIR: dataDir, SIMPUL_DATABASE_URL: target, SIMPUL_LOG_LEVEL: 'warn', SIMPUL_INQUIRIES_PER_MINUTE: '100000000', SIMPUL_CLOSE_OF_DAY: 'off' };
  const period = monthsBefore(businessDate(new Date()).slice(0, 7), 1);
  const cached = cacheName(database, subjects, period);
  try {
    let generated = await restoreCached(database, cached, dataDir);
    if (generated) progress(`${database}: ${subjects.toLocaleString('en')} subjects restored from the cached ${cached}`);
    else {
      generated = await generate(database, env, subjects, period);
      await cacheGenerated(database, cached, dataDir, generated);
    }
    if (PREPARE_ONLY) return;
    const { key, dataSize } = generated;
    progress(`${database}: ${dataSize}`);
    const people = samplePeople(generated.subjects);
    const backends = database === 'postgres' ? await pgBackendCpu(target) : undefined;
    const pgCpu = backends ? () => backends.read() : undefined;
    for (const workers of WORKERS) await measureWorkers(database, dataSize, env, key, people, workers, pgCpu);

    progress(`${database}: inquire() in process`);
    const direct = await inProcess(env, key, people, sized(20_000, 1_000), pgCpu);
    emit({ suite: 'inquiry', name: 'in_process_p50_latency', value: Number(direct.p50.toFixed(3)), unit: 'ms', database, dataSize });
    emit({ suite: 'inquiry', name: 'in_process_p99_latency', value: Number(direct.p99.toFixed(3)), unit: 'ms', database, dataSize });
    emit({ suite: 'inquiry', name: 'in_process_inquiries_per_cpu_second', value: Math.round(direct.perCpuSecond), unit: 'inquiries/s', database, dataSize });
    emit({ suite: 'inquiry', name: 'in_process_inquiries_per_second', value: Math.round(direct.perSecond), unit: 'inquiries/s', database, dataSize });
    progress(`${database}: in process one at a time p50 ${direct.p50.toFixed(2)} ms, p99 ${direct.p99.toFixed(2)} ms; 32 at a time ${Math.round(direct.perSecond)}/s wall, ${Math.round(direct.perCpuSecond)}/s per CPU second; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

    const audited = await countsOf(database, target);
    if (audited.inquiries !== audited.inquiryAuditEntries) throw new Error(`${audited.inquiries} inquiries but ${audited.inquiryAuditEntries} audit entries`);
    const verify = simpul(env, 'audit', 'verify');
    progress(`${database}: ${audited.inquiries.toLocaleString('en')} inquiries, each in the audit chain; ${verify.trim()}`);
    await backends?.close();
  } finally {
    await dropTarget(database);
    if (!process.env.SIMPUL_BENCH_KEEP) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-bench-inquiry-'));
try {
  for (const subjects of SIZES) {
    if (process.env.SIMPUL_BENCH_INQUIRY_DB !== 'postgres') await bench('sqlite', dir, subjects);
    if (process.env.SIMPUL_BENCH_PG_URL && process.env.SIMPUL_BENCH_INQUIRY_DB !== 'sqlite') await bench('postgres', dir, subjects);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
