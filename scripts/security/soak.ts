/**
 * Soak: mixed load against one seeded Simpul on loopback for a bounded time (five minutes by
 * default): registry inquiries, furnishing imports (each file different, so each is really
 * stored), dashboard reads (the Dinas dashboard and trend, a cooperative's portfolio) and
 * repayments. Prints p50/p99 per kind of request, errors and the server's memory over time;
 * fails on any error or non-2xx answer, or when memory is not flat (see FLAT below).
 *
 *   node --import tsx scripts/security/soak.ts [seconds=300]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';
import { COLUMNS } from '../../packages/server/src/modules/registry/furnishing.columns.ts';

const seconds = Number(process.argv[2] ?? 300);
if (!Number.isFinite(seconds) || seconds < 30) throw new Error('soak: give at least 30 seconds');

/**
 * "Flat", measured after a warm-up (the first minute, or the first fifth of a shorter run)
 * as the least-squares slope of the samples against time:
 * - the JS heap after a full collection grows by less than 1 MiB a minute. At the few
 *   thousand requests a minute this soak drives, that is under ~400 bytes kept per request:
 *   a leak of one small object per request fails it. Sampled after gc(), it is free of the
 *   sawtooth of garbage waiting to be collected.
 * - the resident set grows by less than 8 MiB a minute. RSS also holds SQLite's page cache
 *   (up to 64 MiB per connection, filling as imports grow the database) and memory the
 *   allocator keeps, so it is noisier and allowed more; a real leak of 8 MiB a minute
 *   would still take a 1 GiB server down within about two hours of this load.
 */
const FLAT = { heapMiBPerMinute: 1, rssMiBPerMinute: 8 };
const SAMPLE_MS = 5000;
const warmUpSeconds = Math.min(60, seconds / 5);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-soak-'));
const env = {
  ...process.env, SIMPUL_DATA_DIR: dir, SIMPUL_KEY: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64'),
  SIMPUL_INQUIRIES_PER_MINUTE: '100000000', SIMPUL_CLOSE_OF_DAY: 'off', SIMPUL_SEED_LOANS: '20',
};
// --expose-gc only for this seeded soak server, so its heap can be read after a full collection.
const server = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(import.meta.dirname, 'seeded-server.ts')], { env, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
const first = await new Promise<string>((resolve) => readline.createInterface({ input: server.stdout! }).once('line', resolve));
const seed = JSON.parse(first) as { url: string; cookies: Record<string, string>; loans: number[] };

interface Sample {
  at: number;
  rssMiB: number;
  heapMiB: number;
}
const started = Date.now();
const samples: Sample[] = [];
const MiB = 1024 * 1024;
const rssMiB = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
function heapAfterGc(): Promise<number> {
  return new Promise((resolve) => {
    server.once('message', (m: { heapUsed: number; afterGc: boolean }) => resolve(m.afterGc ? m.heapUsed / MiB : NaN));
    server.send('memory');
  });
}
const sampler = setInterval(() => {
  void heapAfterGc().then((heapMiB) => samples.push({ at: (Date.now() - started) / 1000, rssMiB: rssMiB(), heapMiB }));
}, SAMPLE_MS);

const headers = (role: string, type?: string) => ({ 'x-simpul-request': '1', cookie: `simpul_session=${seed.cookies[role] ?? ''}`, ...(type ? { 'content-type': type } : {}) });
let serial = 0;

/** A furnishing file of the same 50 accounts with this request's balances: a real, new batch each time. */
function furnishingFile(): string {
  const n = ++serial;
  const rows = Array.from({ length: 50 }, (_, i) => {
    const outstanding = 1_000_000 + ((n * 7919 + i * 104_729) % 3_000_000);
    return [`SOAK-${i}`, `331601450190${String(1000 + i)}`, 'Sri Wahyuni', '1990-01-05', 'Umum', '2026-01-15', '5000000', '12', 'monthly', '470000', String(outstanding), '0', '0', 'active', '2026-10-10', '', '', ''].join(',');
  });
  return `${COLUMNS.join(',')}\n${rows.join('\n')}\n`;
}

const statuses = new Map<string, number>();
const counted = (kind: string, request: autocannon.Request): autocannon.Request => ({
  ...request,
  onResponse: (status: number) => {
    const key = `${kind} ${request.method} ${(request.path ?? '').split('?')[0]?.replace(/\/\d+(\/|$)/, '/{id}$1')} ${status}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
  },
});

function run(kind: string, connections: number, requests: autocannon.Request[]): Promise<autocannon.Result> {
  return autocannon({ url: seed.url, duration: seconds, connections, requests: requests.map((r) => counted(kind, r)) });
}

const inquiry = JSON.stringify({ nik: '3316014501901001', fullName: 'Sri Wahyuni', birthDate: '1990-01-05', purpose: 'new_loan', consentRef: 'PRS-SOAK-1' });
const kinds = ['inquiries', 'imports', 'dashboards', 'repayments'] as const;
const results = await Promise.all([
  run('inquiries', 2, [{ method: 'POST', path: '/api/registry/inquiries', headers: headers('petugas', 'application/json'), body: inquiry }]),
  run('imports', 1, [{ method: 'POST', path: '/api/registry/furnishing/files?period=2026-10', headers: headers('petugas', 'text/csv'), setupRequest: (req) => ({ ...req, body: furnishingFile() }) }]),
  run('dashboards', 2, [
    { method: 'GET', path: '/api/supervision/dashboard', headers: headers('dinas_analyst') },
    { method: 'GET', path: '/api/supervision/trend', headers: headers('dinas_analyst') },
    { method: 'GET', path: '/api/portfolio', headers: headers('pengurus') },
  ]),
  run('repayments', 2, [{
    method: 'POST', path: '/api/loans/0/repayments', headers: headers('petugas', 'application/json'),
    // Small payments, a new receipt number each, spread over the seeded loans.
    setupRequest: (req) => {
      const n = ++serial;
      return { ...req, path: `/api/loans/${seed.loans[n % seed.loans.length]}/repayments`, body: JSON.stringify({ amount: 1000, channel: 'cash', receiptNo: `SOAK-${n}` }) };
    },
  }]),
]);
clearInterval(sampler);
await new Promise((r) => setTimeout(r, 200)); // the last sample's answer
server.kill('SIGTERM');

/** Least-squares slope of y against x (per second of x). */
function slope(points: [number, number][]): number {
  const n = points.length;
  if (n < 3) return NaN;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxy / sxx;
}

const steady = samples.filter((s) => s.at >= warmUpSeconds);
const rssSlope = slope(steady.map((s) => [s.at, s.rssMiB])) * 60;
const heapSlope = slope(steady.map((s) => [s.at, s.heapMiB])) * 60;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const byKind = Object.fromEntries(kinds.map((k, i) => {
  const r = results[i]!;
  return [k, { requests: r.requests.total, p50ms: r.latency.p50, p99ms: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx }];
}));
const bad = [...statuses].filter(([k]) => !/ 2\d\d$/.test(k));
const errors = results.reduce((s, r) => s + r.errors + r.timeouts, 0);
const non2xx = results.reduce((s, r) => s + r.non2xx, 0);
const summary = {
  seconds,
  load: os.loadavg().map((x) => round(x, 2)),
  requests: results.reduce((s, r) => s + r.requests.total, 0),
  errors,
  non2xx,
  byKind,
  memory: {
    warmUpSeconds,
    samples: steady.length,
    rssMiB: { afterWarmUp: round(steady[0]?.rssMiB ?? NaN), end: round(steady.at(-1)?.rssMiB ?? NaN), slopePerMinute: round(rssSlope, 2), limit: FLAT.rssMiBPerMinute },
    heapAfterGcMiB: { afterWarmUp: round(steady[0]?.heapMiB ?? NaN), end: round(steady.at(-1)?.heapMiB ?? NaN), slopePerMinute: round(heapSlope, 2), limit: FLAT.heapMiBPerMinute },
    /** Every sample as "seconds: RSS / heap after GC" (MiB). */
    series: samples.map((s) => `${round(s.at, 0)} s: ${round(s.rssMiB)} / ${round(s.heapMiB)}`).join(', '),
  },
  statuses: Object.fromEntries(statuses),
};
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
fs.rmSync(dir, { recursive: true, force: true });

const problems: string[] = [];
if (errors > 0 || non2xx > 0 || bad.length > 0) problems.push(`${errors} errors, ${non2xx} non-2xx (${bad.map(([k, n]) => `${k}×${n}`).join(', ')})`);
if (!(heapSlope < FLAT.heapMiBPerMinute)) problems.push(`heap after GC grows ${round(heapSlope, 2)} MiB/min (limit ${FLAT.heapMiBPerMinute})`);
if (!(rssSlope < FLAT.rssMiBPerMinute)) problems.push(`RSS grows ${round(rssSlope, 2)} MiB/min (limit ${FLAT.rssMiBPerMinute})`);
for (const k of kinds) if (byKind[k]!.requests === 0) problems.push(`no ${k} were sent`);
if (problems.length > 0) {
  process.stderr.write(`✗ soak failed: ${problems.join('; ')}\n`);
  process.exit(1);
}
const p = (k: (typeof kinds)[number]) => `${k} p50 ${byKind[k]!.p50ms} ms / p99 ${byKind[k]!.p99ms} ms`;
process.stdout.write(`✓ soak: ${summary.requests} requests in ${seconds} s, 0 errors; ${kinds.map(p).join('; ')}; memory flat (heap ${round(heapSlope, 2)} MiB/min, RSS ${round(rssSlope, 2)} MiB/min)\n`);
