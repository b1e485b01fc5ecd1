#!/usr/bin/env node
// `npm test`: typecheck, lint, then every test project (domain, server on SQLite and
// PostgreSQL, browser journeys). Prints how many PostgreSQL cases really ran, and ends with
// one "N passed, N failed" line.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bin = (name) => path.resolve('node_modules/.bin', name);

/** Runs a check with its output collected, printed whole when it ends (so parallel checks do not interleave). */
function check(title, cmd, args) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => {
      process.stdout.write(`\n▶ ${title} (${((performance.now() - started) / 1000).toFixed(0)} s)\n${output}`);
      resolve({ title, status });
    });
  });
}

/**
 * The typechecks and lint are independent and each holds one core for tens of seconds, so they
 * run as many at a time as there are cores (slowest first) instead of one after another.
 */
async function checks(list) {
  const queue = [...list];
  const results = [];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) results.push(await check(...next));
  };
  await Promise.all(Array.from({ length: Math.max(1, os.availableParallelism()) }, worker));
  return results.filter((r) => r.status !== 0);
}

const only = process.argv.slice(2);
const failedChecks = await checks([
  ...['packages/server', 'e2e', 'bench', 'packages/web', 'packages/domain'].map((p) => [`typecheck ${p}`, bin('tsc'), ['-p', p, '--noEmit']]),
  ['lint', bin('eslint'), ['.', '--max-warnings=0']],
]);
if (failedChecks.length > 0) {
  process.stdout.write(`\n✗ ${failedChecks.map((r) => r.title).join(', ')} failed\n0 passed, ${failedChecks.length} failed\n`);
  process.exit(1);
}

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-vitest-')), 'report.json');
process.stdout.write('\n▶ tests\n');
const run = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...only], { stdio: 'inherit' });

let passed = 0, failed = 0, skipped = 0, pgPassed = 0, pgFailed = 0, sqlitePassed = 0;
if (fs.existsSync(report)) {
  const json = JSON.parse(fs.readFileSync(report, 'utf8'));
  for (const file of json.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      const name = [...(t.ancestorTitles ?? []), t.title].join(' ');
      if (t.status === 'passed') passed++;
      else if (t.status === 'failed') failed++;
      else skipped++;
      if (name.includes("[postgres]")) {
        if (t.status === "passed") pgPassed++;
        else if (t.status === "failed") pgFailed++; // a case skipped on purpose (SQLite-only byte scan) is not a failure
      }
      if (name.includes('[sqlite]') && t.status === 'passed') sqlitePassed++;
    }
  }
}
process.stdout.write(`\nDatabase cases: SQLite ${sqlitePassed} passed; PostgreSQL ${pgPassed} passed, ${pgFailed} failed\n`);
if (run.status === 0 && pgPassed === 0 && only.length === 0) {
  process.stdout.write('✗ No PostgreSQL case ran: that is a failure, never a skip\n');
  failed++;
}
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
