import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Dialect } from '../src/db/database.ts';
import { openInstance } from '../src/instance.ts';
import { createLogger } from '../src/logging.ts';
import { addCooperative } from '../src/modules/cooperatives/cooperatives.service.ts';
import { importFile } from '../src/modules/registry/furnishing.files.ts';
import { readRows } from '../src/modules/registry/furnishing.readers.ts';
import { importRows } from '../src/modules/registry/furnishing.service.ts';
import { csv, row } from './furnishing-rows.ts';
import { freshDatabase, TestClock } from './harness.ts';

/**
 * The two write paths — PostgreSQL's COPY into a staging table and one merge statement per
 * chunk, SQLite's prepared statements row by row — must leave the same registry behind.
 * Both instances share one key, so their pseudonyms agree; the files go through the worker
 * thread (a path on disk), a correction and a single update through the in-thread path.
 */
const KEY = randomBytes(32).toString('base64');

const FILES = {
  september: csv(
    row({ last_payment_on: '2026-09-10', account_ref: 'PJ-001' }),
    row({ last_payment_on: '2026-09-10', account_ref: 'PJ-002', nik: '3316110707850002', full_name: 'Budi Santoso', birth_date: '1985-07-07', outstanding: '900000' }),
    // COPY's separators and escape inside a value: a tab and a backslash must come back as they went in.
    row({ last_payment_on: '2026-09-10', account_ref: 'PJ-003', nik: '3316015203880003', full_name: 'Siti Aminah', birth_date: '1988-03-12', product: 'Modal\tKerja \\ Usaha' }),
    row({ last_payment_on: '2026-09-10', account_ref: 'PJ-004', nik: '3316016604920004', full_name: 'Dewi Lestari', birth_date: '1992-04-26', days_past_due: '45', arrears: '940000' }),
    row({ last_payment_on: '2026-09-10', account_ref: 'PJ-006', nik: '33160145019000' }), // bad: a NIK of 14 digits
    row({ last_payment_on: '2026-09-10', account_ref: 'PJ-001', outstanding: '1' }), // bad: the same account twice in one file
  ),
  october: csv(
    row({ account_ref: 'PJ-001', outstanding: '1880000' }),
    row({ account_ref: 'PJ-002', nik: '3316110707850002', full_name: 'Budi Santoso', birth_date: '1985-07-07', outstanding: '0', status: 'settled', closed_on: '2026-10-20' }),
    row({ account_ref: 'PJ-005', nik: '3316017011950005', full_name: 'Rina Wati', birth_date: '1995-11-30', opened_on: '2026-10-03', outstanding: '5000000' }),
    row({ account_ref: 'PJ-007', outstanding: '-5000' }), // bad: a negative amount
  ),
  // A new file for October replaces its snapshot (the first kept as versions).
  octoberAgain: csv(
    row({ account_ref: 'PJ-001', outstanding: '1870000' }),
    row({ account_ref: 'PJ-002', nik: '3316110707850002', full_name: 'Budi Santoso', birth_date: '1985-07-07', outstanding: '0', status: 'settled', closed_on: '2026-10-20' }),
    row({ account_ref: 'PJ-005', nik: '3316017011950005', full_name: 'Rina Wati', birth_date: '1995-11-30', opened_on: '2026-10-03', outstanding: '4990000' }),
  ),
  // September furnished again after October: its snapshot is replaced, the accounts' current state is not.
  septemberCorrected: csv(row({ last_payment_on: '2026-09-10', account_ref: 'PJ-001', outstanding: '2340000' })),
  // A single update (not a full file): the replaced history row is kept as a version.
  singleUpdate: csv(row({ account_ref: 'PJ-005', nik: '3316017011950005', full_name: 'Rina Wati', birth_date: '1995-11-30', opened_on: '2026-10-03', outstanding: '4980000', days_past_due: '3' })),
};

async function registryAfterImports(dialect: Dialect) {
  const { target, drop } = await freshDatabase(dialect);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-dialects-'));
  const clock = new TestClock();
  const services = await openInstance({ db: target, env: { ...process.env, SIMPUL_DATA_DIR: dir, SIMPUL_KEY: KEY }, now: clock.now, logger: createLogger({ quiet: true }) });
  try {
    const coop = await addCooperative(services, null, { code: 'KSPD', name: 'Koperasi KSPD' });
    const fromDisk = async (name: keyof typeof FILES, period: string) => {
      const file = path.join(dir, `${name}.csv`);
      fs.writeFileSync(file, FILES[name]);
      clock.advance(60_000);
      return importFile(services, { file, cooperativeId: coop.id, period, strict: false, actor: null });
    };
    const results = [await fromDisk('september', '2026-09'), await fromDisk('october', '2026-10'), await fromDisk('octoberAgain', '2026-10')];
    clock.advance(60_000);
    results.push(await importFile(services, { file: Buffer.from(FILES.septemberCorrected), fileName: 'correction.csv', cooperativeId: coop.id, period: '2026-09', strict: false, actor: null }));
    clock.advance(60_000);
    results.push(await importRows(services, { cooperativeId: coop.id, period: '2026-10', source: 'api', strict: true, fullFile: false, actor: null }, readRows(Buffer.from(FILES.singleUpdate), 'csv')));

    const { db } = services.db;
    const batches = await db.selectFrom('registry_batches').select(['id', 'period', 'source', 'file_name', 'status', 'full_file', 'rows_total', 'accepted', 'rejected', 'warnings', 'created_at']).orderBy('id').execute();
    // Ids are each database's own; what they point at must agree.
    const batchNo = new Map(batches.map((b, i) => [b.id, i + 1]));
    const accounts = await db.selectFrom('registry_accounts').selectAll().orderBy('account_ref').execute();
    const refOf = new Map(accounts.map((a) => [a.id, a.account_ref]));
    const history = await db.selectFrom('registry_history').selectAll().execute();
    const versions = await db.selectFrom('registry_history_versions').selectAll().execute();
    const issues = await db.selectFrom('registry_batch_issues').selectAll().execute();
    const byKey = <T>(rows: T[], key: (r: T) => string) => rows.sort((a, b) => key(a).localeCompare(key(b)));
    return {
      results: results.map((r) => ({ ...r, batchId: r.batchId === null ? null : batchNo.get(r.batchId) })),
      batches: batches.map(({ id, ...b }) => ({ no: batchNo.get(id), ...b })),
      accounts: accounts.map(({ id: _id, cooperative_id: _coop, ...a }) => a),
      history: byKey(history.map(({ account_id, batch_id, ...h }) => ({ account: refOf.get(account_id), batch: batchNo.get(batch_id), ...h })), (h) => `${h.account} ${h.period}`),
      versions: byKey(versions.map(({ account_id, batch_id, superseded_by, ...v }) => ({ account: refOf.get(account_id), batch: batchNo.get(batch_id), supersededBy: batchNo.get(superseded_by), ...v })), (v) => `${v.account} ${v.period} ${v.batch} ${v.supersededBy}`),
      issues: byKey(issues.map(({ batch_id, ...i }) => ({ batch: batchNo.get(batch_id), ...i })), (i) => `${i.batch} ${String(i.row_number).padStart(6)} ${i.column_name} ${i.code}`),
    };
  } finally {
    await services.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
    await drop();
  }
}

it('PostgreSQL (COPY and merge) and SQLite (row by row) leave the same registry after files, bad rows, a replacement, a correction and a single update', async () => {
  const sqlite = await registryAfterImports('sqlite');
  const postgres = await registryAfterImports('postgres');
  expect(postgres).toEqual(sqlite);

  // And that registry is the one the files describe (so two equally wrong paths would not pass).
  expect(sqlite.results.map((r) => [r.accepted, r.rejected])).toEqual([[4, 2], [3, 1], [3, 0], [1, 0], [1, 0]]);
  const account = (ref: string) => sqlite.accounts.find((a) => a.account_ref === ref);
  expect(account('PJ-001')).toMatchObject({ outstanding: 1870000, last_period: '2026-10', not_reported_since: null });
  expect(account('PJ-003')).toMatchObject({ product: 'Modal\tKerja \\ Usaha', not_reported_since: '2026-10', last_period: '2026-09' });
  expect(account('PJ-004')).toMatchObject({ days_past_due: 45, not_reported_since: '2026-10' });
  expect(account('PJ-005')).toMatchObject({ outstanding: 4980000, days_past_due: 3, source: 'api' });
  expect(sqlite.accounts.map((a) => a.account_ref)).toEqual(['PJ-001', 'PJ-002', 'PJ-003', 'PJ-004', 'PJ-005']);
  const hist = (ref: string, period: string) => sqlite.history.find((h) => h.account === ref && h.period === period);
  expect(hist('PJ-001', '2026-09')).toMatchObject({ outstanding: 2340000, batch: 4 });
  expect(hist('PJ-001', '2026-10')).toMatchObject({ outstanding: 1870000, batch: 3 });
  expect(hist('PJ-005', '2026-10')).toMatchObject({ outstanding: 4980000, batch: 5 });
  // October's first snapshot replaced by batch 3, September's whole snapshot by the corrected September file (batch 4), PJ-005's October row by the single update.
  expect(sqlite.versions.map((v) => [v.account, v.period, v.batch, v.supersededBy])).toEqual([
    ['PJ-001', '2026-09', 1, 4], ['PJ-001', '2026-10', 2, 3], ['PJ-002', '2026-09', 1, 4], ['PJ-002', '2026-10', 2, 3],
    ['PJ-003', '2026-09', 1, 4], ['PJ-004', '2026-09', 1, 4], ['PJ-005', '2026-10', 2, 3], ['PJ-005', '2026-10', 3, 5],
  ]);
  expect(sqlite.issues.filter((i) => i.severity === 'error').map((i) => [i.batch, i.row_number, i.code])).toEqual([
    [1, 6, 'nik_length'], [1, 7, 'duplicate_account_ref'], [2, 5, 'negative_amount'],
  ]);
}, 60_000);
