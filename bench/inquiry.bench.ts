/**
 * Registry inquiries over HTTP with audit logging on: SQLite with 1,000,000 subjects and
 * 2,000,000 accounts (every synthetic person borrows at two cooperatives), furnished with
 * `simpul import`, served by `simpul serve` as a real child process, driven by autocannon
 * with a different person per request (cooperative API key, purpose new_loan).
 *
 *   npx tsx bench/inquiry.bench.ts [--quick]     (quick: 100,000 subjects)
 *
 * Targets (issue 6): p99 < 10 ms at 1,000 requests/s; ≥ 3,000 inquiries/s sustained.
 * After the runs the audit chain is verified and every answered inquiry must be in it.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { bloraDistricts, seededRandom, syntheticAccountRow, syntheticPerson, writeSyntheticCsv, type SyntheticPerson } from '../packages/server/src/modules/registry/synthetic.ts';
import { emit, progress, quick } from './lib.ts';

const SUBJECTS = quick ? 100_000 : 1_000_000;
const SECONDS = quick ? 10 : 20;
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

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-bench-inquiry-'));
// The benchmark measures capacity, so the per-key inquiry limit (30 a minute by default) is lifted.
const env: NodeJS.ProcessEnv = { ...process.env, SIMPUL_DATA_DIR: path.join(dir, 'data'), SIMPUL_LOG_LEVEL: 'warn', SIMPUL_INQUIRIES_PER_MINUTE: '100000000' };
delete env.SIMPUL_DATABASE_URL;
let server: ReturnType<typeof spawn> | undefined;
try {
  simpul(env, 'init');
  for (const code of ['KSPA', 'KSPB', 'KSPC']) simpul(env, 'cooperative', 'add', '--code', code, '--name', `Koperasi ${code}`);
  const file = path.join(dir, 'people.csv');
  progress(`generating ${SUBJECTS.toLocaleString('en')} subjects`);
  writeSyntheticCsv(file, SUBJECTS, '2026-10', SEED);
  for (const code of ['KSPA', 'KSPB']) {
    progress(`importing ${SUBJECTS.toLocaleString('en')} accounts for ${code}`);
    simpul(env, 'import', file, '--cooperative', code, '--period', '2026-10', '--json');
  }
  fs.rmSync(file);
  const dbFile = path.join(dir, 'data', 'simpul.sqlite');
  const probe = new SQLite(dbFile, { readonly: true });
  const accounts = (probe.prepare('select count(*) as n from registry_accounts').get() as { n: number }).n;
  const subjects = (probe.prepare('select count(distinct subject_key) as n from registry_accounts').get() as { n: number }).n;
  probe.close();
  const dataSize = `${subjects.toLocaleString('en')} subjects, ${accounts.toLocaleString('en')} accounts`;
  progress(dataSize);
  const key = /: (\S+)\s*$/.exec(simpul(env, 'cooperative', 'api-key', '--code', 'KSPC'))?.[1] ?? '';
  const people = samplePeople();

  const port = await freePort();
  server = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url);
  await load(url, key, people, { connections: 10, overallRate: 500 }); // warm-up

  progress(`1,000 requests/s for ${SECONDS} s`);
  const steady = await load(url, key, people, { connections: 20, overallRate: 1000 });
  const p99 = steady.latency.p99;
  emit({ suite: 'inquiry', name: 'p99_latency_at_1000_rps', value: p99, unit: 'ms', target: '< 10', targetMet: p99 < 10, database: 'sqlite', dataSize });
  emit({ suite: 'inquiry', name: 'achieved_rps_at_1000_target', value: Math.round(steady.requests.average), unit: 'req/s', database: 'sqlite', dataSize });
  if (steady.non2xx > 0 || steady.errors > 0) throw new Error(`steady run: ${steady.non2xx} non-2xx, ${steady.errors} errors`);

  progress(`maximum sustained rate for ${SECONDS} s`);
  const max = await load(url, key, people, { connections: 64 });
  const rate = max.requests.average;
  emit({ suite: 'inquiry', name: 'sustained_inquiries_per_second', value: Math.round(rate), unit: 'inquiries/s', target: '≥ 3,000', targetMet: rate >= 3000, database: 'sqlite', dataSize });
  emit({ suite: 'inquiry', name: 'p99_latency_at_max_rate', value: max.latency.p99, unit: 'ms', database: 'sqlite', dataSize });
  if (max.non2xx > 0 || max.errors > 0) throw new Error(`max run: ${max.non2xx} non-2xx, ${max.errors} errors`);

  server.kill('SIGTERM');
  await new Promise((r) => server?.once('exit', r));
  server = undefined;
  const check = new SQLite(dbFile, { readonly: true });
  const inquiries = (check.prepare('select count(*) as n from inquiries').get() as { n: number }).n;
  const audited = (check.prepare("select count(*) as n from audit_log where action = 'registry.inquiry'").get() as { n: number }).n;
  check.close();
  if (inquiries !== audited) throw new Error(`${inquiries} inquiries but ${audited} audit entries`);
  const verify = simpul(env, 'audit', 'verify');
  progress(`${inquiries.toLocaleString('en')} inquiries, each in the audit chain; ${verify.trim()}`);
} finally {
  server?.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
}
