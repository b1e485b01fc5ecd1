import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueApiKey } from '../src/modules/identity/api-keys.service.ts';
import { json, describeEachDialect, seedCooperative, seedUser, signInCookie, testInstance, type TestInstance } from './harness.ts';

/** Blora (33.16.01 Jati): a woman born 1 January 1990 (day 01 + 40 = 41) and a man born 12 May 1985. */
export const NIK_SITI = '3316014101900001';
export const NIK_BUDI = '3316011205850002';

describeEachDialect('members (anggota)', (dialect) => {
  let t: TestInstance;
  let coopA: number;
  let petugasA: string;
  let petugasB: string;
  let siti: { id: number; memberNo: string };
  const memberCount = async () => Number((await t.services.db.db.selectFrom('members').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const register = (cookie: string, body: Record<string, unknown>, lang = 'id') =>
    t.request('/api/members', { method: 'POST', cookie, json: body, headers: { 'accept-language': lang } });

  beforeAll(async () => {
    t = await testInstance(dialect);
    coopA = (await seedCooperative(t, 'KSPA')).id;
    const coopB = (await seedCooperative(t, 'KSPB')).id;
    await seedUser(t, 'petugas.a', 'petugas', coopA);
    await seedUser(t, 'petugas.b', 'petugas', coopB);
    petugasA = await signInCookie(t, 'petugas.a');
    petugasB = await signInCookie(t, 'petugas.b');
    const res = await register(petugasA, { fullName: 'Siti Aminah', nik: '3316 0141 0190 0001', phone: '081234567890', address: 'Jl. Pemuda 12, Blora', monthlyIncome: 3_500_000, kecamatanCode: '331601' });
    expect(res.status).toBe(201);
    siti = (await json(res)).member;
  });
  afterAll(async () => t.close());

  it('registers a member: number A-000001 generated, birth date and sex read from the NIK, fields decrypted for her cooperative', async () => {
    const member = (await json(await t.request(`/api/members/${siti.id}`, { cookie: petugasA }))).member;
    expect(member).toMatchObject({
      memberNo: 'A-000001', fullName: 'Siti Aminah', nik: NIK_SITI, birthDate: '1990-01-01', sex: 'F', phone: '081234567890',
      address: 'Jl. Pemuda 12, Blora', monthlyIncome: 3_500_000, kecamatanCode: '331601', kecamatanName: 'Jati', joinedOn: '2026-11-02', status: 'active',
    });
    const row = await t.services.db.db.selectFrom('members').selectAll().where('id', '=', siti.id).executeTakeFirstOrThrow();
    expect([row.nik_enc, row.phone_enc, row.address_enc, row.income_enc].join('|')).not.toMatch(/3316014101900001|081234567890|Pemuda|3500000/);
  });

  it('finds a member by name fragment (any case), by member number, and by exact NIK typed with spaces', async () => {
    await register(petugasA, { fullName: 'Budi Santoso', nik: NIK_BUDI, memberNo: 'K-77' });
    const search = async (q: string) => ((await json(await t.request(`/api/members?q=${encodeURIComponent(q)}`, { cookie: petugasA }))).items as { fullName: string }[]).map((m) => m.fullName);
    expect(await search('AMIN')).toEqual(['Siti Aminah']);
    expect(await search('k-77')).toEqual(['Budi Santoso']);
    expect(await search('3316 0112 0585 0002')).toEqual(['Budi Santoso']);
    expect(await search('%')).toEqual([]);
    expect(await search('')).toEqual(['Budi Santoso', 'Siti Aminah']);
    const page2 = await json(await t.request('/api/members?limit=1&offset=1', { cookie: petugasA }));
    expect([page2.total, page2.items.map((m: { fullName: string }) => m.fullName)]).toEqual([2, ['Siti Aminah']]);
  });

  it('refuses a 15-digit NIK with 400 nik_length in Indonesian and English, and stores nothing', async () => {
    const before = await memberCount();
    const id = await register(petugasA, { fullName: 'Salah Ketik', nik: '331601410190000' });
    expect(id.status).toBe(400);
    const body = await json(id);
    expect(body.code).toBe('nik_length');
    expect(body.detail).toBe('NIK harus 16 digit.');
    expect(body.errors[0].path).toBe('nik');
    expect((await json(await register(petugasA, { fullName: 'Salah Ketik', nik: '3316019901900001' }, 'en'))).detail).toBe('The birth date inside the NIK is not valid.');
    expect(await memberCount()).toBe(before);
  });

  it('saves with warnings: an unknown region code and a birth date that differs from the NIK’s', async () => {
    const res = await register(petugasA, { fullName: 'Rahmat Hidayat', nik: '9901011205850003', birthDate: '1985-05-13' });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.warnings.map((w: { code: string }) => w.code)).toEqual(['nik_region_unknown', 'birth_date_differs_from_nik']);
    expect(body.warnings[1].message).toBe('Tanggal lahir berbeda dengan yang tertera di NIK.');
    expect(body.member.birthDate).toBe('1985-05-13');
  });

  it('also warns of an unknown address kecamatan and of a member under 17 by the NIK (born 2015: 2026 − 2015 = 11)', async () => {
    const res = await register(petugasA, { fullName: 'Putri Kecil', nik: '3316015003150009', kecamatanCode: '999999' }, 'en');
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.warnings).toEqual([
      { code: 'member_possibly_minor', message: 'By the NIK, this member is under 17.' },
      { code: 'member_kecamatan_unknown', message: 'The kecamatan code is not in the Kemendagri list.' },
    ]);
    expect(body.member).toMatchObject({ birthDate: '2015-03-10', sex: 'F', kecamatanName: null });
  });

  it('the same NIK twice in one cooperative is a 409 that does not echo the NIK; in another cooperative it is that cooperative’s own member', async () => {
    const twice = await register(petugasA, { fullName: 'Siti A.', nik: NIK_SITI });
    expect(twice.status).toBe(409);
    const text = JSON.stringify(await json(twice));
    expect(text).toContain('member_nik_taken');
    expect(text).not.toContain(NIK_SITI);
    const elsewhere = await register(petugasB, { fullName: 'Siti Aminah', nik: NIK_SITI });
    expect(elsewhere.status).toBe(201);
    expect((await json(elsewhere)).member.memberNo).toBe('A-000001');
    const inB = (await json(await t.request(`/api/members?q=${NIK_SITI}`, { cookie: petugasB }))).items;
    expect(inB).toHaveLength(1);
    expect(inB[0].id).not.toBe(siti.id);
  });

  it('two officers saving the same new NIK at the same moment: one 201, one 409, one member stored', async () => {
    const before = await memberCount();
    const body = { fullName: 'Kembar Serentak', nik: '3316015506950007' };
    const raced = await Promise.all([register(petugasA, body), register(petugasA, body)]);
    expect(raced.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await memberCount()).toBe(before + 1);
  });

  it('a NIK check before saving tells the coded birth date and that the NIK is already a member here', async () => {
    const res = await t.request('/api/members/nik-check', { method: 'POST', cookie: petugasA, json: { nik: NIK_SITI } });
    expect(await json(res)).toEqual({ birthDate: '1990-01-01', sex: 'F', warnings: [], existingMemberId: siti.id });
  });

  it('edits a member: a corrected NIK is checked again; the audit names the fields, never the values', async () => {
    const bad = await t.request(`/api/members/${siti.id}`, { method: 'PATCH', cookie: petugasA, json: { nik: '12' } });
    expect((await json(bad)).code).toBe('nik_length');
    const taken = await t.request(`/api/members/${siti.id}`, { method: 'PATCH', cookie: petugasA, json: { nik: NIK_BUDI } });
    expect([taken.status, (await json(taken)).code]).toEqual([409, 'member_nik_taken']);
    const res = await t.request(`/api/members/${siti.id}`, { method: 'PATCH', cookie: petugasA, json: { phone: '085700001111', birthDate: '1990-01-02' } });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.member.phone).toBe('085700001111');
    expect(body.warnings.map((w: { code: string }) => w.code)).toEqual(['birth_date_differs_from_nik']);
    const audit = await t.services.db.db.selectFrom('audit_log').select(['action', 'details']).where('action', 'like', 'member.%').execute();
    expect(audit.map((a) => a.action)).toContain('member.updated');
    const details = audit.map((a) => a.details).join('\n');
    expect(details).toContain('phone');
    expect(details).not.toMatch(/085700001111|081234567890|3316014101900001|Siti/);
  });

  it('deactivates a member who has left (inactive, left_on); a second time is a 409', async () => {
    const budi = (await json(await t.request('/api/members?q=K-77', { cookie: petugasA }))).items[0];
    const early = await t.request(`/api/members/${budi.id}/deactivate`, { method: 'POST', cookie: petugasA, json: { leftOn: '2026-11-01' } });
    expect((await json(early)).code).toBe('left_before_joined');
    const res = await t.request(`/api/members/${budi.id}/deactivate`, { method: 'POST', cookie: petugasA, json: {} });
    expect((await json(res)).member).toMatchObject({ status: 'inactive', leftOn: '2026-11-02' });
    expect((await t.request(`/api/members/${budi.id}/deactivate`, { method: 'POST', cookie: petugasA, json: {} })).status).toBe(409);
    const active = (await json(await t.request('/api/members?status=active', { cookie: petugasA }))).items.map((m: { fullName: string }) => m.fullName);
    expect(active).not.toContain('Budi Santoso');
  });

  describe('tenancy and roles', () => {
    const routes = (id: number): [string, string, unknown?][] => [
      ['GET', `/api/members/${id}`],
      ['PATCH', `/api/members/${id}`, { phone: '0811' }],
      ['POST', `/api/members/${id}/deactivate`, {}],
      ['GET', `/api/members/${id}/savings`],
      ['GET', `/api/members/${id}/savings/statement`],
      ['POST', `/api/members/${id}/savings/deposits`, { kind: 'wajib', amount: 50_000 }],
      ['POST', `/api/members/${id}/savings/withdrawals`, { kind: 'sukarela', amount: 1 }],
      ['POST', `/api/members/${id}/savings/transactions/1/reverse`, { reason: 'salah input' }],
    ];
    const call = (cookie: string | undefined, [method, path, body]: [string, string, unknown?], headers: Record<string, string> = {}) =>
      t.request(path, { method, cookie, json: body, headers });

    it('a petugas of cooperative B gets 404 on all 8 member and savings routes of A’s member — the same answer as for no member at all', async () => {
      for (const route of routes(siti.id)) {
        const res = await call(petugasB, route);
        expect(res.status, `${route[0]} ${route[1]}`).toBe(404);
        expect((await json(res)).code).toBe('not_found');
      }
      for (const route of routes(999_999)) expect((await call(petugasA, route)).status, route[1]).toBe(404);
      expect((await json(await t.request(`/api/members/${siti.id}`, { cookie: petugasA }))).member.phone).toBe('085700001111');
    });

    it('Dinas roles get 403 on every member route; so does a cooperative’s API key', async () => {
      await seedUser(t, 'analis', 'dinas_analyst');
      await seedUser(t, 'admin', 'platform_admin');
      const { key } = await issueApiKey(t.services, null, coopA, 'core');
      const all = [...routes(siti.id), ['GET', '/api/members'], ['POST', '/api/members', { fullName: 'X', nik: NIK_BUDI }], ['POST', '/api/members/nik-check', { nik: NIK_BUDI }]] as [string, string, unknown?][];
      for (const cookie of [await signInCookie(t, 'analis'), await signInCookie(t, 'admin')]) {
        for (const route of all) expect((await call(cookie, route)).status, `${route[0]} ${route[1]}`).toBe(403);
      }
      for (const route of all) expect((await call(undefined, route, { authorization: `Bearer ${key}` })).status, route[1]).toBe(403);
    });

    it('a pengawas reads members but may not register, edit or deactivate (403)', async () => {
      await seedUser(t, 'pengawas.a', 'pengawas', coopA);
      const cookie = await signInCookie(t, 'pengawas.a');
      expect((await t.request(`/api/members/${siti.id}`, { cookie })).status).toBe(200);
      expect((await t.request('/api/members?q=siti', { cookie })).status).toBe(200);
      expect((await register(cookie, { fullName: 'Dewi', nik: '3316014505920004' })).status).toBe(403);
      expect((await call(cookie, ['PATCH', `/api/members/${siti.id}`, { phone: '0811' }])).status).toBe(403);
    });
  });
});
