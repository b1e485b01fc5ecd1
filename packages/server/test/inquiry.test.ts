import { createHash } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/modules/audit/audit.repository.ts';
import { subjectKey } from '../src/modules/registry/pseudonym.ts';
import { describeEachDialect, json, seedUser, signInCookie, testInstance, type TestInstance } from './harness.ts';
import { BUDI, SRI, inquire, seedWorld, type World } from './inquiry-fixture.ts';

const newLoan = { purpose: 'new_loan', consentRef: 'PRS-2026-0012' };

describeEachDialect('registry inquiry: the credit report', (dialect) => {
  let t: TestInstance;
  let w: World;
  beforeEach(async () => {
    t = await testInstance(dialect);
    w = await seedWorld(t);
  });
  afterEach(async () => t.close());

  it('KSPB checks Sri: 2 active lines, outstanding 2,350,000 + 3,000,000 = 5,350,000, instalments 470,000 + 60,000×52÷12 = 730,000 a month', async () => {
    const res = await inquire(t, { key: w.keys.b }, { ...SRI, ...newLoan, income: 5_000_000, requestedInstalment: 500_000 });
    expect(res.status).toBe(200);
    const r = await json(res);
    expect(r.identityMatch).toBe('full');
    expect(r.summary).toEqual({
      activeAccounts: 2, totalOutstanding: 5_350_000, monthlyInstalments: 730_000, worstClassNow: 'L', worstClass24Months: 'DPK',
      restructuredAccounts: 0, writtenOffAccounts: 0, forgivenAccounts: 0, disputedEntries: 0, inquiriesLast30Days: 0, inquiriesLast90Days: 0,
    });
    expect(r.accounts).toHaveLength(2);
    expect(r.accounts[0]).toMatchObject({ cooperative: { code: 'KSPA', name: 'Koperasi KSPA' }, accountRef: '*J-A1', outstanding: 2_350_000, daysPastDue: 0, class: 'L', status: 'active', lastPeriod: '2026-10', disputed: false });
    expect(r.accounts[0].history).toBe(`020${'-'.repeat(21)}`);
    expect(r.accounts[1]).toMatchObject({ cooperative: { code: 'KSPC' }, accountRef: '***0001', history: `0${'-'.repeat(23)}` });
    // 0.246 = (730,000 + 500,000) ÷ 5,000,000
    expect(r.debtService).toEqual({ income: 5_000_000, existingMonthly: 730_000, requestedInstalment: 500_000, ratio: 0.246 });
    // 800 − 2×40 (a "2" last month at KSPA) − 40×(2 lenders − 1) = 680
    expect(r.score).toMatchObject({ value: 680, grade: 'B' });
    expect(r.score.reasons.map((x: { code: string }) => x.code)).toEqual(['recent_delinquency', 'many_lenders']);
    expect(r.score.reasons[0].message).toBe('Ada tunggakan dalam 6 bulan terakhir.');
  });

  it('a clean applicant scores 800 (grade A) with identity "unknown", above Sri\'s 680', async () => {
    const r = await json(await inquire(t, { key: w.keys.b }, { ...BUDI, ...newLoan }, '', 'en'));
    expect(r).toMatchObject({ identityMatch: 'unknown', accounts: [], score: { value: 800, grade: 'A', reasons: [{ code: 'no_history', message: 'No loan history in the registry yet.' }] }, debtService: null });
  });

  it('identity check: wrong birth date → partial; wrong name and birth date → none; "SRI  WAHYUNI" → full', async () => {
    const match = async (fullName: string, birthDate: string) => (await json(await inquire(t, { key: w.keys.b }, { nik: SRI.nik, fullName, birthDate, ...newLoan }))).identityMatch;
    expect(await match('SRI  WAHYUNI', SRI.birthDate)).toBe('full');
    expect(await match(SRI.fullName, '1990-05-01')).toBe('partial');
    expect(await match('Dewi Lestari', '1990-05-01')).toBe('none');
  });

  it('a second new-loan check by KSPC within 30 days: 1 earlier inquiry, 2 lenders asking → stacking 40 + 25 = 65, score 800 − 80 − 65 = 655', async () => {
    await inquire(t, { key: w.keys.b }, { ...SRI, ...newLoan });
    const r = await json(await inquire(t, { key: w.keys.c }, { ...SRI, ...newLoan }));
    expect(r.summary.inquiriesLast30Days).toBe(1);
    expect(r.score.value).toBe(655);
    expect(r.score.reasons.map((x: { code: string }) => x.code)).toEqual(['recent_delinquency', 'many_lenders', 'recent_inquiries']);
  });

  it('records the inquiry (no NIK, keyed by subject) and its audit entry with purpose, consent and the hash of the answer as sent; the chain verifies', async () => {
    const res = await inquire(t, { key: w.keys.b }, { ...SRI, ...newLoan });
    expect(res.headers.get('content-type')).toBe('application/json');
    const text = await res.text();
    const { inquiryId } = JSON.parse(text);
    const row = await t.services.db.db.selectFrom('inquiries').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ id: inquiryId, subject_key: subjectKey(t.services.keys, SRI.nik), cooperative_id: w.b, purpose: 'new_loan', consent_ref: 'PRS-2026-0012', identity_match: 'full' });
    // The body received is {"inquiryId":N, and then exactly the bytes whose SHA-256 is on record.
    const head = `{"inquiryId":${inquiryId},`;
    expect(text.startsWith(head)).toBe(true);
    expect(row.response_hash).toBe(createHash('sha256').update(`{${text.slice(head.length)}`).digest('hex'));
    expect(JSON.parse(`{${text.slice(head.length)}`)).toMatchObject({ identityMatch: 'full', purpose: 'new_loan' });
    const audit = await t.services.db.db.selectFrom('audit_log').selectAll().where('action', '=', 'registry.inquiry').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.details ?? '{}')).toEqual({ purpose: 'new_loan', consentRef: 'PRS-2026-0012', responseHash: row.response_hash, identityMatch: 'full' });
    expect(audit[0]).toMatchObject({ subject_type: 'inquiry', subject_id: String(inquiryId), cooperative_id: w.b });
    expect(JSON.stringify([row, audit])).not.toMatch(/3316014501900001|Wahyuni|1990-01-05/);
    expect(await verifyAuditChain(t.services.db.db)).toMatchObject({ ok: true });
  });

  it('an unknown API key, and a key revoked after it was used, are refused (401): nothing read, nothing recorded', async () => {
    expect((await inquire(t, { key: `spk_${'x'.repeat(43)}` }, { ...SRI, ...newLoan })).status).toBe(401);
    expect((await inquire(t, { key: w.keys.b }, { ...SRI, ...newLoan })).status).toBe(200);
    await t.services.db.db.updateTable('api_keys').set({ revoked_at: '2026-11-02T03:00:00.000Z' }).where('cooperative_id', '=', w.b).execute();
    expect((await inquire(t, { key: w.keys.b }, { ...SRI, ...newLoan })).status).toBe(401);
    expect((await t.services.db.db.selectFrom('inquiries').select('id').execute()).length).toBe(1);
  });

  it('40 concurrent inquiries: 40 rows, 40 audit entries, one unbroken chain', async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => inquire(t, { key: i % 2 ? w.keys.b : w.keys.c }, { ...SRI, ...newLoan })));
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(200));
    const ids = await Promise.all(results.map(async (r) => (await json(r)).inquiryId));
    expect(new Set(ids).size).toBe(40);
    expect((await t.services.db.db.selectFrom('audit_log').select('id').where('action', '=', 'registry.inquiry').execute()).length).toBe(40);
    expect(await verifyAuditChain(t.services.db.db)).toMatchObject({ ok: true });
  });

  it('the same report as a PDF (%PDF-) in English', async () => {
    const res = await inquire(t, { key: w.keys.b }, { ...SRI, ...newLoan }, '?format=pdf', 'en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it("the member's own report lists KSPB's inquiry (who, when, why), the rights, and is free of stacking weight", async () => {
    await seedUser(t, 'petugas.c', 'petugas', w.c);
    await inquire(t, { key: w.keys.b }, { ...SRI, ...newLoan });
    const cookie = await signInCookie(t, 'petugas.c');
    const r = await json(await inquire(t, { cookie }, { ...SRI, purpose: 'own_request', consentRef: 'permintaan sendiri' }));
    expect(r.purpose).toBe('own_request');
    expect(r.inquiries).toEqual([{ at: '2026-11-02T03:00:00.000Z', purpose: 'new_loan', cooperative: { code: 'KSPB', name: 'Koperasi KSPB' } }]);
    expect(r.rights.length).toBeGreaterThan(3);
    // 800 − 80 − 40: KSPB's inquiry is 1 lender asking, which costs nothing; the own request adds none
    expect(r.score.value).toBe(680);
  });
});

describeEachDialect('registry inquiry beside a loan application', (dialect) => {
  let t: TestInstance;
  let w: World;
  beforeEach(async () => {
    t = await testInstance(dialect);
    w = await seedWorld(t);
  });
  afterEach(async () => t.close());

  it("KSPB's member Sri (income 5,000,000 on file), 500,000 requested: DSR (730,000 + 500,000) ÷ 5,000,000 = 0.246; another cooperative's member → 404", async () => {
    await seedUser(t, 'petugas.b', 'petugas', w.b);
    await seedUser(t, 'petugas.c', 'petugas', w.c);
    const cookie = await signInCookie(t, 'petugas.b');
    const reg = await t.request('/api/members', { method: 'POST', cookie, json: { fullName: SRI.fullName, nik: SRI.nik, birthDate: SRI.birthDate, monthlyIncome: 5_000_000 } });
    expect(reg.status).toBe(201);
    const memberId = (await json(reg)).member.id;
    const res = await t.request(`/api/registry/inquiries/member/${memberId}`, { method: 'POST', cookie, json: { ...newLoan, requestedInstalment: 500_000 } });
    expect(res.status).toBe(200);
    const r = await json(res);
    expect(r).toMatchObject({ identityMatch: 'full', debtService: { income: 5_000_000, existingMonthly: 730_000, requestedInstalment: 500_000, ratio: 0.246 }, score: { value: 680 } });
    const other = await t.request(`/api/registry/inquiries/member/${memberId}`, { method: 'POST', cookie: await signInCookie(t, 'petugas.c'), json: newLoan });
    expect(other.status).toBe(404);
    expect((await t.request(`/api/registry/inquiries/member/${memberId}`, { method: 'POST', cookie, json: { purpose: 'new_loan' } })).status).toBe(400);
  });
});

describeEachDialect('registry inquiry: refusals', (dialect) => {
  let t: TestInstance;
  let w: World;
  beforeEach(async () => {
    t = await testInstance(dialect);
    w = await seedWorld(t);
  });
  afterEach(async () => t.close());
  const stored = async () => (await t.services.db.db.selectFrom('inquiries').select('id').execute()).length;

  it.each([
    ['no purpose', 'inquiry_purpose_required', { consentRef: 'PRS-1' }, 'Tujuan pemeriksaan wajib diisi'],
    ['an impermissible purpose', 'inquiry_purpose_required', { purpose: 'marketing', consentRef: 'PRS-1' }, 'Tujuan pemeriksaan wajib diisi'],
    ['no consent reference', 'inquiry_consent_required', { purpose: 'new_loan' }, 'Nomor persetujuan anggota'],
    ['a blank consent reference', 'inquiry_consent_required', { purpose: 'new_loan', consentRef: '   ' }, 'Nomor persetujuan anggota'],
  ])('%s → 400 %s, no report, nothing stored', async (_, code, extra, text) => {
    const res = await inquire(t, { key: w.keys.b }, { ...SRI, ...extra });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.code).toBe(code);
    expect(body.detail).toContain(text);
    expect(body.accounts).toBeUndefined();
    expect(await stored()).toBe(0);
  });

  it('a malformed NIK (15 digits; a 13th month) → 400 nik_length / nik_birth_date in English', async () => {
    const short = await inquire(t, { key: w.keys.b }, { ...SRI, nik: '331601450190000', ...newLoan }, '', 'en');
    expect(short.status).toBe(400);
    expect(await json(short)).toMatchObject({ code: 'nik_length', detail: 'A NIK has 16 digits.' });
    const month = await inquire(t, { key: w.keys.b }, { ...SRI, nik: '3316014513900001', ...newLoan });
    expect((await json(month)).code).toBe('nik_birth_date');
    expect(await stored()).toBe(0);
  });

  it('a Dinas analyst may not query people (403); a Dinas admin only prints a member\'s own report', async () => {
    await seedUser(t, 'analis', 'dinas_analyst');
    await seedUser(t, 'admin', 'platform_admin');
    const analyst = await signInCookie(t, 'analis');
    for (const purpose of ['new_loan', 'own_request']) {
      const res = await inquire(t, { cookie: analyst }, { ...SRI, purpose, consentRef: 'PRS-1' });
      expect(res.status).toBe(403);
      expect((await json(res)).accounts).toBeUndefined();
    }
    const admin = await signInCookie(t, 'admin');
    expect((await inquire(t, { cookie: admin }, { ...SRI, ...newLoan })).status).toBe(403);
    const own = await inquire(t, { cookie: admin }, { ...SRI, purpose: 'own_request', consentRef: 'loket Dinas 7' });
    expect(own.status).toBe(200);
    expect(await stored()).toBe(1);
  });

  it('signed out → 401; a pengawas (supervisory board) may not inquire → 403', async () => {
    expect((await inquire(t, {}, { ...SRI, ...newLoan })).status).toBe(401);
    await seedUser(t, 'pengawas.b', 'pengawas', w.b);
    expect((await inquire(t, { cookie: await signInCookie(t, 'pengawas.b') }, { ...SRI, ...newLoan })).status).toBe(403);
  });
});
