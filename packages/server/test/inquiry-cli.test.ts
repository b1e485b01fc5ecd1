import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { csv, row } from './furnishing-rows.ts';
import { describeEachDialect, freshDatabase } from './harness.ts';

const BIN = path.resolve(import.meta.dirname, '../bin/simpul.js');

describeEachDialect('simpul inquire', (dialect) => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let drop: () => Promise<void>;
  const simpul = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const base = ['inquire', '--cooperative', 'KSPB', '--nik', '3316014501900001', '--name', 'Sri Wahyuni', '--birth-date', '1990-01-05'];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-inquire-'));
    const db = await freshDatabase(dialect);
    drop = db.drop;
    env = { ...process.env, SIMPUL_DATA_DIR: dir, SIMPUL_KEY: randomBytes(32).toString('base64'), SIMPUL_DATABASE_URL: db.target };
    for (const code of ['KSPA', 'KSPB']) expect(simpul('cooperative', 'add', '--code', code, '--name', `Koperasi ${code}`).status).toBe(0);
    const file = path.join(dir, 'a.csv');
    fs.writeFileSync(file, csv(row({ last_payment_on: '2026-10-10' })));
    const imported = simpul('import', file, '--cooperative', 'KSPA', '--period', '2026-10');
    expect(imported.status, imported.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--json: KSPA\'s line PJ-001 (5,000,000, outstanding 2,350,000) with one month of history, full identity match', () => {
    const r = simpul(...base, '--purpose', 'new_loan', '--consent-ref', 'PRS-9', '--json');
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ identityMatch: 'full', summary: { activeAccounts: 1, totalOutstanding: 2_350_000, monthlyInstalments: 470_000 } });
    expect(report.accounts[0]).toMatchObject({ cooperative: { code: 'KSPA' }, accountRef: '**-001', originalAmount: 5_000_000, outstanding: 2_350_000, class: 'L' });
    expect(report.accounts[0].history).toMatch(/^0-{23}$/);
  }, 60_000);

  it('without a purpose or a consent reference: exit 2, a clear one-line error, no report on stdout', () => {
    const noPurpose = simpul(...base, '--consent-ref', 'PRS-9');
    expect(noPurpose.status).toBe(2);
    expect(noPurpose.stderr).toMatch(/^error: A permissible purpose is required/);
    expect(noPurpose.stdout).toBe('');
    const noConsent = simpul(...base, '--purpose', 'new_loan');
    expect(noConsent.status).toBe(2);
    expect(noConsent.stderr).toMatch(/consent reference/);
  }, 60_000);

  it('a malformed NIK exits 2 ("A NIK has 16 digits."); --pdf writes a PDF and prints the Indonesian summary', () => {
    const bad = simpul('inquire', '--cooperative', 'KSPB', '--nik', '12345', '--name', 'X', '--birth-date', '1990-01-05', '--purpose', 'new_loan', '--consent-ref', 'P');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('A NIK has 16 digits.');
    const pdf = path.join(dir, 'report.pdf');
    const r = simpul(...base, '--purpose', 'own_request', '--consent-ref', 'loket', '--pdf', pdf);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/identitas: full · skor 800 \(A\)/);
    expect(r.stdout).toMatch(/diperiksa .* oleh KSPB untuk new_loan/);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
