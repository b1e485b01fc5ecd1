/**
 * Registry inquiries over HTTP with audit logging on: 1,000,000 subjects and 2,000,000
 * accounts (every synthetic person borrows at two cooperatives), furnished with
 * `simpul import`, served by `simpul serve` as a real child process, driven by autocannon
 * with a different person per request (cooperative API key, purpose new_loan). On SQLite,
 * and on PostgreSQL when SIMPUL_BENCH_PG_URL names a server (a database `bench_inquiry` is
 * created there).
 *
 *   npx tsx bench/inquiry.bench.ts [--quick]     (quick: 20,000 subjects)
 *
 * Targets (issue 6): p99 < 10 ms at 1,000 requests/s; ≥ 3,000 inquiries/s sustained.
 * Beside the wall-clock figures, which a shared machine bends: the server's CPU time per
 * request (from /proc), autocannon's own CPU per request (it shares the 2 cores), the load
 * average, and the in-process rate of `inquire()` per CPU second. After the runs the audit
 * chain is verified and every answered inquiry must be in it.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { bloraDistricts, seededRandom, syntheticAccountRow, syntheticPerson, writeSyntheticCsv, type SyntheticPerson } from '../packages/server/src/modules/registry/synthetic.ts';
import { openInstance } from '../packages/server/src/instance.ts';
import { authenticateApiKey } from '../packages/server/src/modules/identity/api-keys.service.ts';
import { inquire } from '../packages/server/src/modules/inquiry/inquiry.service.ts';
import { emit, progress, quick } from './lib.ts';

const SUBJECTS = quick ? 20_000 : 1_000_000;
const SECONDS = quick ? 5 : 20;
const SEED = 6;
const BIN = path.resolve(import.meta.dirname, '../packages/server/bin/simpul.js');

function simpul(env: NodeJS.ProcessEnv, ...args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`simpul ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Every 50th person of the file, regenerated from the same seed (the same draws in the same order). */
function samplePeople(): SyntheticPerson[] {
  const rng = seededRandom(SEED);
  const districts = bloraDistricts();
  const out: SyntheticPerson[] = [];
  for (let i = 0; i < SUBJECTS; i++) {
    const person = syntheticPerson(rng, i, districts);
    syntheticAccountRow(rng, person, '', '2026-10');
    if (i % 50 === 0) out.push(person);
  }
  return out;
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

/** User + system CPU seconds a process has used so far (Linux /proc). */
function cpuSecondsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100; // in clock ticks, 100 a second on Linux
}

interface Run {
  result: autocannon.Result;
  /** CPU milliseconds per answered request: the server's, and autocannon's own (this process). */
  serverCpuMs: number;
  clientCpuMs: number;
  load: string;
}

/** One autocannon run, with the server's and the client's CPU time and the load average beside it. */
async function measuredLoad(url: string, key: string, people: SyntheticPerson[], serverPid: number, options: { connections: number; overallRate?: number }): Promise<Run> {
  const server0 = cpuSecondsOf(serverPid);
  const client0 = process.cpuUsage();
  const result = await load(url, key, people, options);
  const client = process.cpuUsage(client0);
  const answered = Math.max(1, result.requests.total);
  return {
    result,
    serverCpuMs: ((cpuSecondsOf(serverPid) - server0) * 1000) / answered,
    clientCpuMs: (client.user + client.system) / 1000 / answered,
    load: os.loadavg().map((l) => l.toFixed(1)).join(' '),
  };
}

function load(url: string, key: string, people: SyntheticPerson[], options: { connections: number; overallRate?: number }): Promise<autocannon.Result> {
  let n = 0;
  return autocannon({
    url: `${url}/api/registry/inquiries`,
    method: 'POST',
    connections: options.connections,
    duration: SECONDS,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    requests: [{
      setupRequest: (req) => {
        const p = people[n++ % people.length];
        return { ...req, body: JSON.stringify({ nik: p?.nik, fullName: p?.fullName, birthDate: p?.birthDate, purpose: 'new_loan', consentRef: `BENCH-${n}` }) };
      },
    }],
  });
}

/** A fresh database for the run: a SQLite file, or a new database on the PostgreSQL server. */
async function freshTarget(database: Database, dir: string): Promise<string> {
  if (database === 'sqlite') return path.join(dir, 'data', 'simpul.sqlite');
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
  accounts: 'select count(*) as n from registry_accounts',
  subjects: 'select count(distinct subject_key) as n from registry_accounts',
  inquiries: 'select count(*) as n from inquiries',
  inquiryAuditEntries: "select count(*) as n from audit_log where action = 'registry.inquiry'",
};

/** Row counts straight from the database. */
async function countsOf(database: Database, target: string): Promise<Record<keyof typeof COUNTS, number>> {
  const out = { accounts: 0, subjects: 0, inquiries: 0, inquiryAuditEntries: 0 };
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
  if (database === 'sqlite') return;
  const admin = new pg.Client({ connectionString: process.env.SIMPUL_BENCH_PG_URL });
  await admin.connect();
  await admin.query('drop database if exists bench_inquiry with (force)');
  await admin.end();
}

/**
 * `inquire()` called in this process (no HTTP), 32 at a time: inquiries per CPU second of
 * this process, and per wall second. On PostgreSQL the server's own CPU is not in the first.
 */
async function inProcess(env: NodeJS.ProcessEnv, key: string, people: SyntheticPerson[], count: number): Promise<{ perCpuSecond: number; perSecond: number }> {
  const services = await openInstance({ env });
  try {
    const actor = await authenticateApiKey(services, key);
    if (!actor) throw new Error('API key not accepted');
    let n = 0;
    const one = () => {
      const p = people[n++ % people.length];
      return inquire(services, { actor, cooperativeId: actor.cooperativeId }, { nik: p?.nik ?? '', fullName: p?.fullName ?? '', birthDate: p?.birthDate ?? '', purpose: 'new_loan', consentRef: `BENCH-IP-${n}` }, 'id');
    };
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    await Promise.all(Array.from({ length: 32 }, async () => {
      while (n < count) await one();
    }));
    const cpu = process.cpuUsage(cpu0);
    return { perCpuSecond: count / ((cpu.user + cpu.system) / 1e6), perSecond: count / ((performance.now() - started) / 1000) };
  } finally {
    await services.db.close();
  }
}

/** A wrong answer stops the benchmark; a client timeout (a starved shared machine) is reported, not hidden. */
function checkAnswers(label: string, run: Run): void {
  if (run.result.non2xx > 0) throw new Error(`${label}: ${run.result.non2xx} answers were not 2xx`);
  if (run.result.errors > 0) progress(`${label}: ${run.result.errors} requests failed or timed out on the client`);
}

function emitRun(database: Database, dataSize: string, label: string, run: Run): void {
  emit({ suite: 'inquiry', name: `server_cpu_ms_per_request_${label}`, value: Number(run.serverCpuMs.toFixed(3)), unit: 'ms CPU', database, dataSize });
  emit({ suite: 'inquiry', name: `autocannon_cpu_ms_per_request_${label}`, value: Number(run.clientCpuMs.toFixed(3)), unit: 'ms CPU', database, dataSize });
  progress(`${label}: ${Math.round(run.result.requests.average)} req/s, p99 ${run.result.latency.p99} ms; server ${run.serverCpuMs.toFixed(3)} ms CPU/request (≈ ${Math.round(1000 / run.serverCpuMs)} req/s per core), autocannon ${run.clientCpuMs.toFixed(3)} ms CPU/request; load ${run.load} on ${os.cpus().length} cores`);
}

async function bench(database: Database, dir: string, file: string): Promise<void> {
  const target = await freshTarget(database, dir);
  // The benchmark measures capacity, so the per-key inquiry limit (30 a minute by default) is lifted.
  const env: NodeJS.ProcessEnv = { ...process.env, SIMPUL_DATA_DIR: path.join(dir, `data-${database}`), SIMPUL_DATABASE_URL: target, SIMPUL_LOG_LEVEL: 'warn', SIMPUL_INQUIRIES_PER_MINUTE: '100000000' };
  if (database === 'sqlite') env.SIMPUL_DATA_DIR = path.join(dir, 'data');
  let server: ReturnType<typeof spawn> | undefined;
  try {
    simpul(env, 'init');
    for (const code of ['KSPA', 'KSPB', 'KSPC']) simpul(env, 'cooperative', 'add', '--code', code, '--name', `Koperasi ${code}`);
    for (const code of ['KSPA', 'KSPB']) {
      progress(`${database}: importing ${SUBJECTS.toLocaleString('en')} accounts for ${code}`);
      simpul(env, 'import', file, '--cooperative', code, '--period', '2026-10', '--json');
    }
    const counts = await countsOf(database, target);
    const dataSize = `${counts.subjects.toLocaleString('en')} subjects, ${counts.accounts.toLocaleString('en')} accounts`;
    progress(`${database}: ${dataSize}`);
    const key = /: (\S+)\s*$/.exec(simpul(env, 'cooperative', 'api-key', '--code', 'KSPC'))?.[1] ?? '';
    const people = samplePeople();

    const port = await freePort();
    server = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
    const pid = server.pid ?? 0;
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url);
    await load(url, key, people, { connections: 10, overallRate: 500 }); // warm-up

    progress(`${database}: 1,000 requests/s for ${SECONDS} s`);
    const steady = await measuredLoad(url, key, people, pid, { connections: 20, overallRate: 1000 });
    const p99 = steady.result.latency.p99;
    emit({ suite: 'inquiry', name: 'p99_latency_at_1000_rps', value: p99, unit: 'ms', target: '< 10', targetMet: p99 < 10, database, dataSize });
    emit({ suite: 'inquiry', name: 'achieved_rps_at_1000_target', value: Math.round(steady.result.requests.average), unit: 'req/s', database, dataSize });
    emitRun(database, dataSize, 'at_1000_rps', steady);
    checkAnswers('steady run', steady);

    progress(`${database}: maximum sustained rate for ${SECONDS} s`);
    const max = await measuredLoad(url, key, people, pid, { connections: 64 });
    const rate = max.result.requests.average;
    emit({ suite: 'inquiry', name: 'sustained_inquiries_per_second', value: Math.round(rate), unit: 'inquiries/s', target: '≥ 3,000', targetMet: rate >= 3000, database, dataSize });
    emit({ suite: 'inquiry', name: 'p99_latency_at_max_rate', value: max.result.latency.p99, unit: 'ms', database, dataSize });
    emitRun(database, dataSize, 'at_max_rate', max);
    checkAnswers('max run', max);

    server.kill('SIGTERM');
    await new Promise((r) => server?.once('exit', r));
    server = undefined;

    progress(`${database}: inquire() in process`);
    const direct = await inProcess(env, key, people, quick ? 5_000 : 20_000);
    emit({ suite: 'inquiry', name: 'in_process_inquiries_per_cpu_second', value: Math.round(direct.perCpuSecond), unit: 'inquiries/s', database, dataSize });
    emit({ suite: 'inquiry', name: 'in_process_inquiries_per_second', value: Math.round(direct.perSecond), unit: 'inquiries/s', database, dataSize });
    progress(`${database}: in process ${Math.round(direct.perSecond)}/s wall, ${Math.round(direct.perCpuSecond)}/s per CPU second; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

    const audited = await countsOf(database, target);
    if (audited.inquiries !== audited.inquiryAuditEntries) throw new Error(`${audited.inquiries} inquiries but ${audited.inquiryAuditEntries} audit entries`);
    const verify = simpul(env, 'audit', 'verify');
    progress(`${database}: ${audited.inquiries.toLocaleString('en')} inquiries, each in the audit chain; ${verify.trim()}`);
  } finally {
    server?.kill('SIGTERM');
    await dropTarget(database);
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-bench-inquiry-'));
try {
  const file = path.join(dir, 'people.csv');
  progress(`generating ${SUBJECTS.toLocaleString('en')} subjects`);
  writeSyntheticCsv(file, SUBJECTS, '2026-10', SEED);
  await bench('sqlite', dir, file);
  if (process.env.SIMPUL_BENCH_PG_URL) await bench('postgres', dir, file);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
