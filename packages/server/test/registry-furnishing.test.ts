import { afterEach, beforeEach, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/audit.repository.ts';
import { issueApiKey } from '../src/modules/identity/api-keys.service.ts';
import { COLUMNS } from '../src/modules/registry/furnishing.columns.ts';
import { csv, row } from './furnishing-rows.ts';
import { subjectKey } from '../src/modules/registry/pseudonym.ts';
import { describeEachDialect, json, seedCooperative, seedUser, signInCookie, testInstance, type TestInstance } from './harness.ts';

describeEachDialect('registry furnishing', (dialect) => {
  let t: TestInstance;
  let key: string;
  let coopId: number;
  beforeEach(async () => {
    t = await testInstance(dialect);
    coopId = (await seedCooperative(t, 'KSPA')).id;
    key = (await issueApiKey(t.services, null, coopId, 'core')).key;
  });
  afterEach(async () => t.close());

  const upload = (body: string | Buffer, query = 'period=2026-10', lang = 'id') =>
    t.request(`/api/registry/furnishing/files?${query}`, { method: 'POST', body, headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv', 'accept-language': lang } });
  const accounts = () => t.services.db.db.selectFrom('registry_accounts').selectAll().orderBy('account_ref').execute();
  const history = () => t.services.db.db.selectFrom('registry_history').selectAll().orderBy('account_id').execute();

  it('stores 2 good rows keyed by HMAC(NIK), with no NIK or name in any registry table', async () => {
    const res = await upload(csv(row(), row({ account_ref: 'PJ-002', nik: '3316110707850002', full_name: 'Budi Santoso', birth_date: '1985-07-07' })));
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ stored: true, rows: 2, accepted: 2, rejected: 0 });
    const rows = await accounts();
    expect(rows.map((r) => r.subject_key)).toEqual([subjectKey(t.services.keys, '3316014501900001'), subjectKey(t.services.keys, '3316110707850002')]);
    const dump = JSON.stringify([rows, await history(), await t.services.db.db.selectFrom('registry_batch_issues').selectAll().execute()]);
    for (const secret of ['3316014501900001', '3316110707850002', 'Wahyuni', 'Budi', '1990-01-05']) expect(dump).not.toContain(secret);
  });

  it('reports every kind of bad row with its row number, column, value and code, and keeps the good rows', async () => {
    const file = csv(
      row(), //                                                                        row 2: good
      row({ account_ref: 'PJ-003', nik: '33160145019000' }), //                        row 3: NIK 14 digits
      row({ account_ref: 'PJ-004', opened_on: '31/02/2026' }), //                      row 4: impossible date
      row({ account_ref: 'PJ-005', outstanding: '-5000' }), //                         row 5: negative amount
      row({ account_ref: 'PJ-006', status: 'settled', outstanding: '100' }), //        row 6: settled with balance
      row({ account_ref: 'PJ-007', status: 'written_off' }), //                        row 7: write-off without date
      row({ account_ref: 'PJ-008', last_payment_on: '2026-11-02' }), //                row 8: after the period
      row({ account_ref: 'PJ-009', closed_on: '2026-01-01', status: 'settled', outstanding: '0' }), // row 9: closed before opened
      row(), //                                                                        row 10: duplicate PJ-001
      row({ account_ref: 'PJ-011', original_amount: '1.500.000', outstanding: '2.000.000' }), // row 11: good, warning
      row({ account_ref: 'PJ-012', status: 'macet-total' }), //                        row 12: unknown status
      row({ account_ref: 'PJ-013', full_name: '' }), //                               row 13: missing name
    );
    const body = await json(await upload(file, 'period=2026-10', 'en'));
    expect(body).toMatchObject({ rows: 12, accepted: 2, rejected: 10, warnings: 1 });
    const found = body.errors.map((e: { row: number; column: string; code: string; severity: string }) => `${e.row}:${e.column}:${e.code}`);
    expect(found).toEqual([
      '3:nik:nik_length', '4:opened_on:invalid_date', '5:outstanding:negative_amount', '6:status:settled_with_balance',
      '7:written_off_on:written_off_incomplete', '8:last_payment_on:date_after_period', '9:closed_on:closed_before_opened',
      '10:account_ref:duplicate_account_ref', '11:outstanding:outstanding_above_original', '12:status:invalid_option', '13:full_name:required',
    ]);
    expect(body.errors[0]).toMatchObject({ value: '33160145019000', message: 'A NIK has 16 digits.', messageEn: 'A NIK has 16 digits.' });
    expect((await accounts()).map((a) => a.account_ref)).toEqual(['PJ-001', 'PJ-011']);
    const report = await t.request(`/api/registry/furnishing/batches/${body.batchId}/issues.csv`, { headers: { authorization: `Bearer ${key}` } });
    const text = await report.text();
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(12);
    expect(text).toContain('3,nik,331601********,error,nik_length');
  });

  it('with strict=true stores nothing when one row is bad', async () => {
    const body = await json(await upload(csv(row(), row({ account_ref: 'PJ-2', nik: 'x' })), 'period=2026-10&strict=true'));
    expect(body).toMatchObject({ stored: false, batchId: null, accepted: 0, rejected: 1 });
    expect(await accounts()).toHaveLength(0);
    expect(await t.services.db.db.selectFrom('registry_batches').selectAll().execute()).toHaveLength(0);
  });

  it('refuses a file missing a required column with 400 and stores nothing', async () => {
    const res = await upload('account_ref,nik\nPJ-1,3316014501900001\n');
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.code).toBe('missing_columns');
    expect(body.detail).toContain('full_name');
    expect(await t.services.db.db.selectFrom('registry_batches').selectAll().execute()).toHaveLength(0);
  });

  it('accepts Indonesian headers, ; as separator, 1.500.000 amounts and DD/MM/YYYY dates', async () => {
    const file = 'No_Rekening;NIK;Nama Lengkap;Tanggal_Lahir;Tanggal_Akad;Plafon;Baki_Debet;Tunggakan;Hari_Tunggakan;Status\nPJ-9;3316014501900001;Sri Wahyuni;05/01/1990;15/01/2026;5.000.000;2.350.000;0;0;aktif\n';
    const body = await json(await upload(file));
    expect(body).toMatchObject({ accepted: 1, rejected: 0 });
    expect(await accounts()).toEqual([expect.objectContaining({ account_ref: 'PJ-9', original_amount: 5_000_000, outstanding: 2_350_000, opened_on: '2026-01-15', status: 'active' })]);
  });

  it('the same file twice leaves the registry as after the first import', async () => {
    const file = csv(row(), row({ account_ref: 'PJ-002', outstanding: '100000' }));
    const first = await json(await upload(file));
    const before = [await accounts(), await history()];
    const second = await json(await upload(file));
    expect(second).toMatchObject({ duplicateOf: first.batchId, accepted: 2 });
    expect([await accounts(), await history()]).toEqual(before);
  });

  it('a new file for the same period replaces its snapshot as a new version and keeps the old one', async () => {
    await upload(csv(row({ outstanding: '2350000' }), row({ account_ref: 'PJ-002' })));
    const second = await json(await upload(csv(row({ outstanding: '1900000' }))));
    const h = await history();
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ outstanding: 1_900_000, batch_id: second.batchId, period: '2026-10' });
    const versions = await t.services.db.db.selectFrom('registry_history_versions').selectAll().execute();
    expect(versions.map((v) => [v.outstanding, v.superseded_by])).toEqual([[2_350_000, second.batchId], [2_350_000, second.batchId]]);
  });

  it('flags an open account left out of a later month as not reported, never closed', async () => {
    await upload(csv(row(), row({ account_ref: 'PJ-002' })));
    await upload(csv(row({ last_payment_on: '2026-11-10' })), 'period=2026-11');
    const gone = (await accounts()).find((a) => a.account_ref === 'PJ-002');
    expect(gone).toMatchObject({ status: 'active', not_reported_since: '2026-11', last_period: '2026-10' });
    expect((await accounts()).find((a) => a.account_ref === 'PJ-001')).toMatchObject({ not_reported_since: null, last_period: '2026-11' });
  });

  it('an older month re-furnished later updates its history but not the current account', async () => {
    await upload(csv(row({ outstanding: '2000000', last_payment_on: '2026-11-10' })), 'period=2026-11');
    await upload(csv(row({ outstanding: '2500000', last_payment_on: '2026-09-10' })), 'period=2026-09');
    expect((await accounts())[0]).toMatchObject({ outstanding: 2_000_000, last_period: '2026-11' });
    expect((await history()).map((h) => [h.period, h.outstanding])).toEqual(expect.arrayContaining([['2026-09', 2_500_000], ['2026-11', 2_000_000]]));
  });

  it('takes one account or a JSON batch from a core system, through the same validation', async () => {
    const one = await t.request('/api/registry/furnishing/accounts', { method: 'POST', headers: { authorization: `Bearer ${key}` }, json: { period: '2026-10', account: { account_ref: 'API-1', nik: '3316014501900001', full_name: 'Sri Wahyuni', birth_date: '1990-01-05', opened_on: '2026-10-01', original_amount: 3_000_000, outstanding: 3_000_000, days_past_due: 0, status: 'active' } } });
    expect(await json(one)).toMatchObject({ stored: true, accepted: 1 });
    const bad = await t.request('/api/registry/furnishing/batches', { method: 'POST', headers: { authorization: `Bearer ${key}` }, json: { period: '2026-10', fullFile: false, accounts: [{ account_ref: 'API-2', nik: '123', full_name: 'X', birth_date: '1990-01-05', opened_on: '2026-10-01', original_amount: 1, outstanding: 1, days_past_due: 0, status: 'active' }] } });
    expect((await json(bad)).errors[0]).toMatchObject({ row: 2, column: 'nik', code: 'nik_length' });
    expect((await accounts()).map((a) => a.account_ref)).toEqual(['API-1']);
  });

  it('records every batch in the audit chain, which verifies', async () => {
    await upload(csv(row()));
    await upload(csv(row({ outstanding: '1' })));
    const entries = await t.services.db.db.selectFrom('audit_log').select('action').where('action', '=', 'registry.batch').execute();
    expect(entries).toHaveLength(2);
    expect(await verifyAuditChain(t.services.db.db)).toMatchObject({ ok: true });
  });

  it('shows furnishing status with a reminder for a missing month', async () => {
    const pengurus = await seedUser(t, 'ketua', 'pengurus', coopId);
    await upload(csv(row({ last_payment_on: '2026-08-10' })), 'period=2026-08');
    const cookie = await signInCookie(t, pengurus.username);
    const status = await json(await t.request('/api/registry/furnishing/status', { cookie }));
    // business date 2026-11-02: October is due, September and October are missing
    expect(status).toMatchObject({ lastPeriod: '2026-08', missingPeriods: ['2026-09', '2026-10'], reminder: true, lastBatch: { accepted: 1 } });
  });

  it('hides another cooperative’s error report (404) and refuses Dinas users (403)', async () => {
    const other = await seedCooperative(t, 'KSPB');
    const otherKey = (await issueApiKey(t.services, null, other.id, 'core')).key;
    const body = await json(await upload(csv(row({ nik: '1' }))));
    const res = await t.request(`/api/registry/furnishing/batches/${body.batchId}/issues.csv`, { headers: { authorization: `Bearer ${otherKey}` } });
    expect(res.status).toBe(404);
    await seedUser(t, 'analis', 'dinas_analyst');
    const cookie = await signInCookie(t, 'analis');
    expect((await t.request('/api/registry/furnishing/files?period=2026-10', { method: 'POST', cookie, body: csv(row()) })).status).toBe(403);
  });

  it('serves the CSV and XLSX templates', async () => {
    const csvRes = await t.request('/api/registry/furnishing/templates/csv', { headers: { authorization: `Bearer ${key}` } });
    expect(await csvRes.text()).toContain(COLUMNS.join(','));
    const xlsx = await t.request('/api/registry/furnishing/templates/xlsx', { headers: { authorization: `Bearer ${key}` } });
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const back = await json(await upload(bytes, 'period=2026-10&fileName=template.xlsx'));
    expect(back).toMatchObject({ accepted: 2, rejected: 0 });
  });
});
