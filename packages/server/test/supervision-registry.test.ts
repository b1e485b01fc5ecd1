import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/audit.repository.ts';
import { describeEachDialect, json, seedCooperative, seedUser, signInCookie, testInstance, type TestInstance } from './harness.ts';

const HEADER = 'kode,nama,nik_koperasi,nomor_badan_hukum,jenis,alamat,kecamatan,tanggal_berdiri,jumlah_anggota,kontak_pengurus,tahun_rat_terakhir,ikut_registri,status,alasan_status';

describeEachDialect('cooperative registry (Dinas)', (dialect) => {
  let t: TestInstance;
  let admin: string;
  let analyst: string;
  beforeEach(async () => {
    t = await testInstance(dialect);
    await seedUser(t, 'admin', 'platform_admin');
    await seedUser(t, 'analis', 'dinas_analyst');
    admin = await signInCookie(t, 'admin');
    analyst = await signInCookie(t, 'analis');
  });
  afterEach(async () => t.close());

  const upload = (body: string | Buffer, cookie = admin, lang = 'id') =>
    t.request('/api/cooperatives/import?fileName=daftar.csv', { method: 'POST', body, cookie, headers: { 'content-type': 'text/csv', 'accept-language': lang } });
  const codes = async () => (await t.services.db.db.selectFrom('cooperatives').select('code').orderBy('code').execute()).map((r) => r.code);

  it('imports 6 rows: 3 good ones are stored, rows 3, 5 and 7 are reported by row and column, nothing of them stored', async () => {
    const file = [
      HEADER,
      'KSP01,KSP Maju Bersama,3316010001,AHU-0001.AH.01.26.2015,KSP,Jl. Pemuda 1,Jati,2015-03-01,250,Budi 0812,2025,ya,aktif,', // row 2: good
      'KSP02,KSP Sejahtera,,,bank,,Cepu,,,,,,,', //                                  row 3: unknown type
      'KSP03,KSU Tani Makmur,,,KSU,,33.16.05,01/02/2010,1.200,,2023,tidak,tidak aktif,Tidak RAT sejak 2023', // row 4: good (code with dots)
      'KSP04,KSP Salah Kecamatan,,,KSP,,Gotham,2030-01-01,,,1800,,,', //             row 5: kecamatan, date, RAT year
      ',Koperasi Konsumen Guru,3316090002,,konsumen,,Blora,,90,,2025,,,', //          row 6: good, no code: gets KOP<id>
      'KSP01,KSP Maju Bersama Lagi,,,KSP,,Jati,,,,,,,', //                          row 7: duplicate code
    ].join('\n');
    const res = await upload(`${file}\n`, admin, 'en');
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ rows: 6, created: 3, updated: 0, rejected: 3 });
    expect(body.errors.map((e: { row: number; column: string; code: string }) => `${e.row}:${e.column}:${e.code}`)).toEqual([
      '3:type:invalid_option', '5:last_rat_year:invalid_rat_year', '5:kecamatan:unknown_kecamatan', '5:founded_on:date_in_future', '7:code:duplicate_in_file',
    ]);
    expect(body.errors[2]).toMatchObject({ value: 'Gotham', message: 'Unknown kecamatan (6-digit Kemendagri code or the district name).' });
    expect(await codes()).toEqual(['KOP0003', 'KSP01', 'KSP03']);
    const list = (await json(await t.request('/api/cooperatives', { cookie: analyst }))).items;
    const ksu = list.find((c: { code: string }) => c.code === 'KSP03');
    expect(ksu).toMatchObject({ type: 'ksu', kecamatanCode: '331605', kecamatanName: 'Cepu', foundedOn: '2010-02-01', membersCount: 1200, lastRatYear: 2023, registryParticipation: false, activityStatus: 'inactive', statusReason: 'Tidak RAT sejak 2023' });
    const ksp = list.find((c: { code: string }) => c.code === 'KSP01');
    expect(ksp).toMatchObject({ kecamatanName: 'Jati', boardContacts: 'Budi 0812', activityStatus: 'active' });
    // Board contacts are personal: encrypted at rest.
    const raw = await t.services.db.db.selectFrom('cooperatives').select('board_contacts').where('code', '=', 'KSP01').executeTakeFirstOrThrow();
    expect(raw.board_contacts).not.toContain('Budi');
    expect(await verifyAuditChain(t.services.db.db)).toMatchObject({ ok: true });
  });

  it('a file without the required columns changes nothing and says which (400 missing_columns)', async () => {
    const res = await upload('kode,alamat\nKSP01,Jl. A\n');
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ code: 'missing_columns', detail: expect.stringContaining('nama, jenis, kecamatan') });
    expect(await codes()).toEqual([]);
  });

  it('export CSV → import back: 2 cooperatives updated, 0 created, formulas made inert', async () => {
    const a = await seedCooperative(t, 'KSPA');
    const b = await seedCooperative(t, 'KSPB');
    await t.request(`/api/cooperatives/${a.id}`, { method: 'PATCH', cookie: admin, json: { kecamatanCode: '331601', type: 'kspps' } });
    const patch = await t.request(`/api/cooperatives/${b.id}`, { method: 'PATCH', cookie: admin, json: { name: '=HYPERLINK("x")', kecamatanCode: '331609', membersCount: 40 } });
    expect(patch.status).toBe(200);
    const csv = await t.request('/api/cooperatives/export/csv', { cookie: analyst });
    expect(csv.headers.get('content-disposition')).toContain('daftar-koperasi.csv');
    const text = await csv.text();
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(text).toContain('331609');
    const back = await json(await upload(text.replace("'=HYPERLINK", 'HYPERLINK')));
    expect(back).toMatchObject({ rows: 2, created: 0, updated: 2, rejected: 0 });
    const xlsx = await t.request('/api/cooperatives/export/xlsx', { cookie: analyst });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('kode');
    expect(sheet?.getRow(3).getCell(9).value).toBe(40); // jumlah_anggota stays a number
  });

  it('status: active → inactive with a reason, history keeps who and why; the same status twice is 409', async () => {
    const coop = await seedCooperative(t, 'KSPA');
    const off = await t.request(`/api/cooperatives/${coop.id}/status`, { method: 'POST', cookie: admin, json: { status: 'inactive', reason: 'Tidak RAT 2 tahun' } });
    expect(off.status).toBe(200);
    const { history } = await json(off);
    expect(history.map((h: { fromStatus: string | null; toStatus: string; changedBy: string }) => `${h.fromStatus}→${h.toStatus} ${h.changedBy}`)).toEqual(['active→inactive user:admin', 'null→active system']);
    expect(history[0]).toMatchObject({ reason: 'Tidak RAT 2 tahun', effectiveOn: '2026-11-02' });
    const again = await t.request(`/api/cooperatives/${coop.id}/status`, { method: 'POST', cookie: admin, json: { status: 'inactive', reason: 'lagi' } });
    expect(again.status).toBe(409);
    expect(await json(again)).toMatchObject({ code: 'status_unchanged' });
    const byAnalyst = await t.request(`/api/cooperatives/${coop.id}/status`, { method: 'POST', cookie: analyst, json: { status: 'active', reason: 'RAT sudah' } });
    expect(byAnalyst.status).toBe(403);
    const audit = await t.services.db.db.selectFrom('audit_log').select(['action']).where('action', '=', 'cooperative.status_changed').execute();
    expect(audit).toHaveLength(1);
  });

  it('edit refuses an unknown kecamatan and a future RAT year, field by field, and changes nothing', async () => {
    const coop = await seedCooperative(t, 'KSPA');
    const res = await t.request(`/api/cooperatives/${coop.id}`, { method: 'PATCH', cookie: admin, json: { kecamatanCode: '999999', lastRatYear: 2027 } });
    expect(res.status).toBe(400);
    expect((await json(res)).errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`)).toEqual(['kecamatanCode:unknown_kecamatan', 'lastRatYear:invalid_rat_year']);
    const after = await json(await t.request(`/api/cooperatives/${coop.id}`, { cookie: analyst }));
    expect(after.cooperative).toMatchObject({ kecamatanCode: null, lastRatYear: null });
    const pengurus = await seedUser(t, 'pengurus', 'pengurus', coop.id);
    expect(pengurus.role).toBe('pengurus');
    const other = await seedCooperative(t, 'KSPB');
    const cookie = await signInCookie(t, 'pengurus');
    expect((await t.request(`/api/cooperatives/${other.id}`, { cookie })).status).toBe(404);
    expect((await t.request(`/api/cooperatives/${coop.id}`, { method: 'PATCH', cookie, json: { membersCount: 1 } })).status).toBe(403);
  });
});
