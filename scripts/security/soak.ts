/**
 * Soak: mixed load (dashboards, member search, furnishing status and uploads, registry
 * inquiries) against one seeded Simpul on loopback for a bounded time. Fails on any error or
 * 5xx, or if the server's memory keeps growing; prints p50/p99 and the memory trend.
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
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-soak-'));
const env = { ...process.env, SIMPUL_DATA_DIR: dir, SIMPUL_KEY: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64'), SIMPUL_INQUIRIES_PER_MINUTE: '100000000', SIMPUL_CLOSE_OF_DAY: 'off' };
const server = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'seeded-server.ts')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
const first = await new Promise<string>((resolve) => readline.createInterface({ input: server.stdout }).once('line', resolve));
const seed = JSON.parse(first) as { url: string; cookies: Record<string, string> };

const rssMiB = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const samples: number[] = [];
const sampler = setInterval(() => samples.push(rssMiB()), 5000);

const row = (i: number) => [`SOAK-${i}`, `331601450190${String(1000 + (i % 8000))}`, 'Sri Wahyuni', '1990-01-05', 'Umum', '2026-01-15', '5000000', '12', 'monthly', '470000', '2350000', '0', '0', 'active', '2026-10-10', '', '', ''].join(',');
const upload = `${COLUMNS.join(',')}\n${Array.from({ length: 20 }, (_, i) => row(i)).join('\n')}\n`;
const common = { 'x-simpul-request': '1', cookie: `simpul_session=${seed.cookies.petugas}` };
const inquiry = JSON.stringify({ nik: '3316014501901001', fullName: 'Sri Wahyuni', birthDate: '1990-01-05', purpose: 'new_loan', consentRef: 'PRS-SOAK-1' });

const statuses = new Map<string, number>();
const counted = (title: string, request: autocannon.Request): autocannon.Request => ({
  ...request,
  onResponse: (status: number) => {
    const key = `${title} ${request.method} ${(request.path ?? '').split('?')[0]} ${status}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
  },
});

function run(title: string, cookie: string, requests: autocannon.Request[]): Promise<autocannon.Result> {
  return autocannon({ url: seed.url, duration: seconds, connections: 4, headers: { ...common, cookie: `simpul_session=${cookie}` }, requests: requests.map((r) => counted(title, r)) });
}

const [staff, dinas] = await Promise.all([
  run('staff', seed.cookies.petugas ?? '', [
    { method: 'GET', path: '/api/portfolio' },
    { method: 'GET', path: '/api/members?q=Sri' },
    { method: 'GET', path: '/api/registry/furnishing/status' },
    { method: 'POST', path: '/api/registry/inquiries', headers: { 'content-type': 'application/json' }, body: inquiry },
    { method: 'POST', path: '/api/registry/furnishing/files?period=2026-10', headers: { 'content-type': 'text/csv' }, body: upload },
  ]),
  run('dinas', seed.cookies.dinas_analyst ?? '', [{ method: 'GET', path: '/api/supervision/dashboard' }, { method: 'GET', path: '/api/supervision/trend' }]),
]);
clearInterval(sampler);
server.kill('SIGTERM');

const bad = [...statuses].filter(([k]) => !/ 2\d\d$/.test(k));
const warm = samples.slice(Math.min(2, samples.length - 1));
const [rssStart, rssEnd] = [warm[0] ?? 0, warm.at(-1) ?? 0];
const summary = {
  seconds,
  requests: staff.requests.total + dinas.requests.total,
  errors: staff.errors + dinas.errors + staff.timeouts + dinas.timeouts,
  non2xx: staff.non2xx + dinas.non2xx,
  p50ms: { staff: staff.latency.p50, dinas: dinas.latency.p50 },
  p99ms: { staff: staff.latency.p99, dinas: dinas.latency.p99 },
  rssMiB: { afterWarmUp: Math.round(rssStart), end: Math.round(rssEnd), max: Math.round(Math.max(...warm)) },
  statuses: Object.fromEntries(statuses),
};
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
fs.rmSync(dir, { recursive: true, force: true });
const growing = rssEnd > rssStart * 1.5 + 64;
if (summary.errors > 0 || summary.non2xx > 0 || bad.length > 0 || growing) {
  process.stderr.write(`✗ soak failed: ${summary.errors} errors, ${summary.non2xx} non-2xx (${bad.map(([k, n]) => `${k}×${n}`).join(', ')})${growing ? ', memory growing' : ''}\n`);
  process.exit(1);
}
process.stdout.write('✓ soak: no errors, memory flat\n');
