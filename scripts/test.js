#!/usr/bin/env node
// `npm test`: typecheck, lint, then every test project (domain, server on SQLite and
// PostgreSQL, browser journeys). Prints how many PostgreSQL cases really ran, and ends with
// one "N passed, N failed" line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PROJECTS = ['packages/domain', 'packages/server', 'packages/web', 'e2e', 'bench'];
const bin = (name) => path.resolve('node_modules/.bin', name);

function step(title, cmd, args) {
  process.stdout.write(`\n▶ ${title}\n`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    process.stdout.write(`\n✗ ${title} failed\n0 passed, 1 failed\n`);
    process.exit(r.status ?? 1);
  }
}

const only = process.argv.slice(2);
for (const p of PROJECTS) step(`typecheck ${p}`, bin('tsc'), ['-p', p, '--noEmit']);
step('lint', bin('eslint'), ['.', '--max-warnings=0']);

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
