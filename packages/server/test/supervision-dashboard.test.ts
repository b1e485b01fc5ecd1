import { afterEach, beforeEach, expect, it } from 'vitest';
import { districtDashboard } from '../src/modules/supervision/supervision.dashboard.ts';
import { describeEachDialect, json, seedCooperative, seedUser, signInCookie, testInstance, type TestInstance } from './harness.ts';
import { account, furnish, removeByDispute } from './supervision-fixtures.ts';

describeEachDialect('district dashboard (registry figures, OJK bank classes)', (dialect) => {
  let t: TestInstance;
  let analyst: string;
  beforeEach(async () => {
    t = await testInstance(dialect);
    const a = await seedCooperative(t, 'KSPA');
    const b = await seedCooperative(t, 'KSPB');
    const c = await seedCooperative(t, 'KSPC');
    const d = await seedCooperative(t, 'KSPD');
    await t.services.db.db.updateTable('cooperatives').set({ kecamatan_code: '331601', members_count: 100 }).where('id', 'in', [a.id, b.id]).execute();
    await t.services.db.db.updateTable('cooperatives').set({ kecamatan_code: '331605', members_count: 40 }).where('id', 'in', [c.id, d.id]).execute();
    await t.services.db.db.updateTable('cooperatives').set({ activity_status: 'inactive' }).where('id', '=', d.id).execute();
    // A in September: 10,000,000 + 5,000,000, all current.
    await furnish(t, a.id, '2026-09', [account('A1', 10_000_000, 0), account('A2', 5_000_000, 0)]);
    // A in October: L 10,000,000 · DPK 5,000,000 (45 DPD) · KL 3,000,000 (100) · M 2,000,000 (200) · one settled.
    await furnish(t, a.id, '2026-10', [
      account('A1', 10_000_000, 0), account('A2', 5_000_000, 45), account('A3', 3_000_000, 100), account('A4', 2_000_000, 200),
      account('A5', 0, 0, { status: 'settled', closed_on: '2026-10-05' }),
    ]);
    // B: L 40,000,000 + 10,000,000 · D 2,000,000 (150) · written off 4,000,000 of which 1,500,000 still owed.
    await furnish(t, b.id, '2026-10', [
      account('B1', 40_000_000, 0), account('B2', 10_000_000, 0), account('B3', 2_000_000, 150),
      account('B4', 1_500_000, 400, { status: 'written_off', written_off_on: '2026-06-30', written_off_amount: '4000000' }),
    ]);
    // C: L 9,000,000 · KL 1,000,000 (95): NPL exactly 10 % · and one bad row (rejected).
    await furnish(t, c.id, '2026-10', [account('C1', 9_000_000, 0), account('C2', 1_000_000, 95), account('C3', 1_000, 0, { opened_on: '31/02/2026' })]);
    await seedUser(t, 'analis', 'dinas_analyst');
    analyst = await signInCookie(t, 'analis');
  });
  afterEach(async () => t.close());
  /** A page of the dashboard's cooperatives table. */
  const table = async (query = '') => {
    const res = await t.request(`/api/supervision/cooperatives${query}`, { cookie: analyst });
    expect(res.status).toBe(200);
    return json(res);
  };

  it('KSPA: NPL (3,000,000 + 2,000,000) ÷ 20,000,000 = 25 %, net (5,000,000 − 450,000 − 2,000,000) ÷ 20,000,000 = 12.75 %, PAR30 10,000,000 ÷ 20,000,000 = 50 %', async () => {
    const d = await table('?q=kspa');
    expect(d.total).toBe(1);
    const a = d.items[0];
    expect(a.code).toBe('KSPA');
    expect(a).toMatchObject({ accounts: 4, outstanding: 20_000_000, nplAmount: 5_000_000, nplGross: 0.25, par30: 0.5, par90: 0.25, healthBand: 'tidak_sehat' });
    expect(a.nplNet).toBeCloseTo(0.1275, 12);
    // PPAP 1 % × 10,000,000 + 5 % × 5,000,000 + 15 % × 3,000,000 + 100 % × 2,000,000 = 2,800,000
    expect(a.allowance).toBe(2_800_000);
    expect(a.allowanceCoverage).toBeCloseTo(2_800_000 / 5_000_000, 12);
  });

  it('KSPB: NPL 2,000,000 ÷ 52,000,000 ≈ 3.85 % Sehat; written off 4,000,000, recovered 4,000,000 − 1,500,000 = 2,500,000', async () => {
    const d = { cooperatives: (await table('?pageSize=100')).items };
    const b = d.cooperatives.find((c: { code: string }) => c.code === 'KSPB');
    expect(b).toMatchObject({ accounts: 3, outstanding: 52_000_000, nplAmount: 2_000_000, allowance: 500_000 + 1_000_000, writtenOff: 4_000_000, writeOffAccounts: 1, recovered: 2_500_000, healthBand: 'sehat' });
    expect(b.nplGross).toBeCloseTo(2 / 52, 12);
    expect(b.nplNet).toBeCloseTo(1 / 52, 12);
    const c = d.cooperatives.find((x: { code: string }) => x.code === 'KSPC');
    // 1,000,000 ÷ 10,000,000 = 10 % exactly: the boundary belongs to the better band.
    expect(c).toMatchObject({ nplGross: 0.1, healthBand: 'cukup_sehat', allowance: 90_000 + 150_000, rowsRejectedLastMonth: 1 });
  });

  it('district = Σ cooperatives: 20,000,000 + 52,000,000 + 10,000,000 = 82,000,000; NPL 5,000,000 + 2,000,000 + 1,000,000 = 8,000,000', async () => {
    const d = await districtDashboard(t.services);
    const sum = (k: 'accounts' | 'outstanding' | 'nplAmount' | 'allowance' | 'writtenOff' | 'recovered') => d.cooperatives.reduce((s, c) => s + c[k], 0);
    for (const k of ['accounts', 'outstanding', 'nplAmount', 'allowance', 'writtenOff', 'recovered'] as const) expect(d.district[k]).toBe(sum(k));
    expect(d.district).toMatchObject({ accounts: 9, outstanding: 82_000_000, nplAmount: 8_000_000, allowance: 2_800_000 + 1_500_000 + 240_000 });
    expect(d.district.nplGross).toBeCloseTo(8 / 82, 12);
    // net: (8,000,000 − (2,450,000 + 1,000,000 + 150,000)) ÷ 82,000,000 = 4,400,000 ÷ 82,000,000
    expect(d.district.nplNet).toBeCloseTo(4.4 / 82, 12);
    // PAR30: (10,000,000 + 2,000,000 + 1,000,000) ÷ 82,000,000
    expect(d.district.par30).toBeCloseTo(13 / 82, 12);
    expect(d.district.par30 * d.district.outstanding).toBeCloseTo(d.cooperatives.reduce((s, c) => s + c.par30 * c.outstanding, 0), 3);
    const kecamatan = Object.fromEntries(d.kecamatan.map((k) => [k.name, k]));
    expect(kecamatan.Jati).toMatchObject({ cooperatives: 2, active: 2, outstanding: 72_000_000, nplAmount: 7_000_000 });
    expect(kecamatan.Cepu).toMatchObject({ cooperatives: 2, active: 1, outstanding: 10_000_000, nplAmount: 1_000_000 });
    expect(kecamatan.Jati!.outstanding + kecamatan.Cepu!.outstanding).toBe(d.district.outstanding);
  });

  it('counts, bands and the list above 5 % worst first: KSPA 25 %, KSPC 10 %; furnishing 3 of 3 for 2026-10 with 1 row rejected', async () => {
    const d = await json(await t.request('/api/supervision/dashboard', { cookie: analyst }));
    expect(d.counts).toEqual({ cooperatives: 4, active: 3, inactive: 1, participating: 4, withLoans: 3, members: 100 + 100 + 40, aboveLimit: 2 });
    expect(d.bands).toEqual({ sehat: 1, cukup_sehat: 1, kurang_sehat: 0, tidak_sehat: 1, none: 1 });
    const above = await table('?aboveLimit=true&sort=nplGross&order=desc');
    expect(above.items.map((c: { code: string }) => c.code)).toEqual(['KSPA', 'KSPC']);
    expect(above.total).toBe(2);
    // The dashboard carries that first page itself, as the table answers it.
    expect(d.aboveLimitPage).toEqual(above);
    expect((await districtDashboard(t.services)).aboveLimit.map((c) => c.code)).toEqual(['KSPA', 'KSPC']);
    expect(d.compliance).toEqual({ period: '2026-10', expected: 3, furnished: 3, rows: 5 + 4 + 3, rowsRejected: 1 });
  });

  it('the dashboard answers no line per cooperative; the table pages, orders and filters them on the server, each line as the full list has it', async () => {
    const d = await json(await t.request('/api/supervision/dashboard', { cookie: analyst }));
    expect(d).not.toHaveProperty('cooperatives');
    expect(d).not.toHaveProperty('aboveLimit');
    const full = new Map((await districtDashboard(t.services)).cooperatives.map((c) => [c.code, c]));
    const codes = (p: { items: { code: string }[] }) => p.items.map((c) => c.code);
    // By code, two a page: SQL pages, figures for the page only — the same lines as the full list.
    const first = await table('?pageSize=2');
    expect({ total: first.total, page: first.page, codes: codes(first) }).toEqual({ total: 4, page: 1, codes: ['KSPA', 'KSPB'] });
    expect(codes(await table('?pageSize=2&page=2'))).toEqual(['KSPC', 'KSPD']);
    expect(codes(await table('?pageSize=2&page=3'))).toEqual([]);
    expect(codes(await table('?order=desc&pageSize=3'))).toEqual(['KSPD', 'KSPC', 'KSPB']);
    for (const line of [...first.items, ...(await table('?pageSize=2&page=2')).items]) expect(line).toEqual(full.get(line.code));
    // By a figure: every line computed, then ordered and cut. Outstanding 52M, 20M, 10M, 0.
    const byOutstanding = await table('?sort=outstanding&order=desc&pageSize=3');
    expect(codes(byOutstanding)).toEqual(['KSPB', 'KSPA', 'KSPC']);
    for (const line of byOutstanding.items) expect(line).toEqual(full.get(line.code));
    expect(codes(await table('?sort=nplNet'))).toEqual(['KSPD', 'KSPB', 'KSPC', 'KSPA']);
    // Filters: kecamatan Cepu (331605) = KSPC, KSPD; band; within the 5 % limit; a name part, any case.
    expect(codes(await table('?kecamatan=331605'))).toEqual(['KSPC', 'KSPD']);
    expect(codes(await table('?band=tidak_sehat'))).toEqual(['KSPA']);
    expect(codes(await table('?band=none'))).toEqual(['KSPD']);
    expect(codes(await table('?aboveLimit=false'))).toEqual(['KSPB', 'KSPD']);
    expect(codes(await table('?q=koperasi%20kspc'))).toEqual(['KSPC']);
    expect(codes(await table('?q=ksp&kecamatan=331601&sort=name&order=desc'))).toEqual(['KSPB', 'KSPA']);
    // LIKE wildcards in the search are taken literally.
    expect((await table('?q=%25')).total).toBe(0);
    expect((await table('?q=_')).total).toBe(0);
  });

  it('a bad table query is a translated 400', async () => {
    const fields = { '?page=0': 'page', '?pageSize=101': 'pageSize', '?sort=subject_key': 'sort', '?order=up': 'order', '?kecamatan=Jati': 'kecamatan', '?band=bad': 'band', '?aboveLimit=yes': 'aboveLimit' };
    for (const [query, field] of Object.entries(fields)) {
      const res = await t.request(`/api/supervision/cooperatives${query}`, { cookie: analyst, headers: { 'accept-language': 'id' } });
      expect(res.status, query).toBe(400);
      const body = await json(res);
      expect(body.code).toBe('validation_failed');
      expect(body.errors.map((e: { path: string }) => e.path), query).toEqual([field]);
      expect(body.errors[0].message, query).toMatch(/\S/);
    }
  });

  it('trend: 2026-09 15,000,000 with NPL 0; 2026-10 82,000,000 with NPL 8,000,000; 24 months, older ones empty', async () => {
    const { items } = await json(await t.request('/api/supervision/trend', { cookie: analyst }));
    expect(items).toHaveLength(24);
    expect(items[0].period).toBe('2024-11');
    expect(items[22]).toMatchObject({ period: '2026-09', outstanding: 15_000_000, nplAmount: 0, nplGross: 0 });
    expect(items[23]).toMatchObject({ period: '2026-10', outstanding: 82_000_000, nplAmount: 8_000_000 });
    expect(items[5]).toMatchObject({ outstanding: 0, nplGross: 0 });
  });

  it('a line a dispute removed (A4, 2,000,000 Macet) leaves the book and the trend: 82,000,000 − 2,000,000 = 80,000,000; NPL 8,000,000 − 2,000,000 = 6,000,000', async () => {
    expect((await removeByDispute(t, 'A4')).status).toBe(200);
    const d = await districtDashboard(t.services);
    expect(d.district).toMatchObject({ outstanding: 80_000_000, nplAmount: 6_000_000 });
    const { items } = await json(await t.request('/api/supervision/trend', { cookie: analyst }));
    expect(items[23]).toMatchObject({ period: '2026-10', outstanding: 80_000_000, nplAmount: 6_000_000 });
  });

  it("KSPA's page: classes L 10,000,000 · DPK 5,000,000 · KL 3,000,000 · M 2,000,000, two batches, status history, no account or member", async () => {
    const id = (await t.services.db.db.selectFrom('cooperatives').select('id').where('code', '=', 'KSPA').executeTakeFirstOrThrow()).id;
    const res = await t.request(`/api/supervision/cooperatives/${id}`, { cookie: analyst });
    expect(res.status).toBe(200);
    const page = await json(res);
    expect(page.classes).toEqual([
      { classCode: 'L', accounts: 1, outstanding: 10_000_000 }, { classCode: 'DPK', accounts: 1, outstanding: 5_000_000 },
      { classCode: 'KL', accounts: 1, outstanding: 3_000_000 }, { classCode: 'M', accounts: 1, outstanding: 2_000_000 },
    ]);
    expect(page.figures.nplGross).toBe(0.25);
    expect(page.furnishing.map((b: { period: string }) => b.period)).toEqual(['2026-10', '2026-09']);
    expect(page.trend.slice(-2).map((p: { outstanding: number }) => p.outstanding)).toEqual([15_000_000, 20_000_000]);
    expect(page.statusHistory).toHaveLength(1);
    const text = JSON.stringify(page);
    for (const secret of ['A1', 'Sri', '3316014501900001', 'subject']) expect(text).not.toContain(secret);
    expect((await t.request('/api/supervision/cooperatives/99999', { cookie: analyst })).status).toBe(404);
  });

  it('exports: above-limit CSV lists KSPA then KSPC with 25 and 10 per cent; XLSX and the PDF are real files', async () => {
    const csv = await t.request('/api/supervision/exports/above-limit/csv', { cookie: analyst });
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^KSPA,Koperasi KSPA,Jati,aktif,4,20000000,5000000,25,12\.75,50,/);
    expect(lines[2]).toMatch(/^KSPC,Koperasi KSPC,Cepu,aktif,2,10000000,1000000,10,8\.5,10,/);
    const xlsx = await t.request('/api/supervision/exports/kecamatan/xlsx', { cookie: analyst });
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    const pdf = await t.request('/api/supervision/district.pdf', { cookie: analyst });
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('inquiry abuse: 6 new-loan checks by KSPB on 2026-08-24 with no account after 70 days → flagged fishing; KSPB page counts 6 for 2026-08', async () => {
    const b = (await t.services.db.db.selectFrom('cooperatives').select('id').where('code', '=', 'KSPB').executeTakeFirstOrThrow()).id;
    const rows = Array.from({ length: 6 }, (_, i) => ({
      subject_key: `fished-${i}`, cooperative_id: b, user_id: null, actor: 'user:petugas', purpose: 'new_loan' as const, consent_ref: `C-${i}`,
      identity_match: 'unknown', created_at: '2026-08-24T03:00:00.000Z', response_hash: 'x'.repeat(64),
    }));
    await t.services.db.db.insertInto('inquiries').values(rows).execute();
    const d = await json(await t.request('/api/supervision/dashboard', { cookie: analyst }));
    expect(d.inquiryFlags.map((f: { code: string; flags: string[]; unfollowed: number }) => `${f.code}:${f.flags.join('+')}:${f.unfollowed}`)).toEqual(['KSPB:fishing:6']);
    const page = await json(await t.request(`/api/supervision/cooperatives/${b}`, { cookie: analyst }));
    expect(page.inquiries).toEqual([{ month: '2026-08', purpose: 'new_loan', inquiries: 6 }]);
    expect(JSON.stringify(page)).not.toContain('fished-');
  });

  it('a cooperative user gets 403 on every supervision route', async () => {
    const coop = (await t.services.db.db.selectFrom('cooperatives').select('id').where('code', '=', 'KSPA').executeTakeFirstOrThrow()).id;
    await seedUser(t, 'pengurus', 'pengurus', coop);
    const cookie = await signInCookie(t, 'pengurus');
    for (const path of ['/api/supervision/dashboard', '/api/supervision/cooperatives', '/api/supervision/trend', `/api/supervision/cooperatives/${coop}`, '/api/supervision/proposals', '/api/supervision/exports/cooperatives/csv', '/api/supervision/district.pdf']) {
      expect((await t.request(path, { cookie })).status, path).toBe(403);
    }
  });
});
