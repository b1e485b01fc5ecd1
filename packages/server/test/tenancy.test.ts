import { afterAll, beforeAll, expect, it } from 'vitest';
import { json, describeEachDialect, PASSWORD, seedCooperative, seedUser, signInCookie, testInstance, type TestInstance } from './harness.ts';

describeEachDialect('users and cooperatives across tenants', (dialect) => {
  let t: TestInstance;
  let a: { id: number };
  let b: { id: number };
  let adminCookie: string;
  let pengurusA: string;
  let petugasB: { id: number };
  beforeAll(async () => {
    t = await testInstance(dialect);
    a = await seedCooperative(t, 'KSPA');
    b = await seedCooperative(t, 'KSPB');
    await seedUser(t, 'admin', 'platform_admin');
    await seedUser(t, 'analis', 'dinas_analyst');
    await seedUser(t, 'ketua.a', 'pengurus', a.id);
    await seedUser(t, 'petugas.a', 'petugas', a.id);
    petugasB = await seedUser(t, 'petugas.b', 'petugas', b.id);
    adminCookie = await signInCookie(t, 'admin');
    pengurusA = await signInCookie(t, 'ketua.a');
  });
  afterAll(async () => t.close());

  const names = async (res: Response) => ((await json(res)).items as { username?: string; code?: string }[]).map((x) => x.username ?? x.code);

  it('a pengurus lists only their own cooperative’s users', async () => {
    expect(await names(await t.request('/api/users', { cookie: pengurusA }))).toEqual(['ketua.a', 'petugas.a']);
  });

  it('a platform admin lists every user', async () => {
    expect(await names(await t.request('/api/users', { cookie: adminCookie }))).toHaveLength(5);
  });

  it('a petugas may not manage users (403)', async () => {
    const cookie = await signInCookie(t, 'petugas.a');
    expect((await t.request('/api/users', { cookie })).status).toBe(403);
  });

  it('a pengurus disabling another cooperative’s user gets 404, as for a user that does not exist', async () => {
    const other = await t.request(`/api/users/${petugasB.id}/disable`, { method: 'POST', cookie: pengurusA });
    const missing = await t.request('/api/users/99999/disable', { method: 'POST', cookie: pengurusA });
    expect(other.status).toBe(404);
    expect(missing.status).toBe(404);
    expect((await json(other)).code).toBe((await json(missing)).code);
  });

  it('a pengurus’s new user always lands in their own cooperative', async () => {
    const res = await t.request('/api/users', { method: 'POST', cookie: pengurusA, json: { username: 'kasir.a', fullName: 'Kasir A', role: 'petugas', cooperativeId: b.id, password: PASSWORD } });
    expect(res.status).toBe(201);
    expect((await json(res)).user.cooperative.id).toBe(a.id);
  });

  it('a pengurus cannot create a Dinas user', async () => {
    const res = await t.request('/api/users', { method: 'POST', cookie: pengurusA, json: { username: 'palsu', fullName: 'Palsu', role: 'platform_admin', password: PASSWORD } });
    expect(res.status).toBe(403);
  });

  it('a cooperative role needs a cooperative; a Dinas role must have none', async () => {
    const noCoop = await t.request('/api/users', { method: 'POST', cookie: adminCookie, json: { username: 'lepas', fullName: 'Lepas', role: 'petugas', password: PASSWORD } });
    expect((await json(noCoop)).code).toBe('cooperative_required');
    const dinasWithCoop = await t.request('/api/users', { method: 'POST', cookie: adminCookie, json: { username: 'analis2', fullName: 'Analis', role: 'dinas_analyst', cooperativeId: a.id, password: PASSWORD } });
    expect((await json(dinasWithCoop)).code).toBe('cooperative_not_allowed');
  });

  it('a duplicate username is a 409 naming it', async () => {
    const res = await t.request('/api/users', { method: 'POST', cookie: adminCookie, json: { username: 'Petugas.A', fullName: 'X', role: 'petugas', cooperativeId: a.id, password: PASSWORD } });
    expect(res.status).toBe(409);
    expect((await json(res)).detail).toContain('Petugas.A');
  });

  it('cooperative users see only their cooperative; Dinas users see all', async () => {
    expect(await names(await t.request('/api/cooperatives', { cookie: pengurusA }))).toEqual(['KSPA']);
    const analyst = await signInCookie(t, 'analis');
    expect(await names(await t.request('/api/cooperatives', { cookie: analyst }))).toEqual(['KSPA', 'KSPB']);
  });

  it('only a platform admin registers cooperatives', async () => {
    expect((await t.request('/api/cooperatives', { method: 'POST', cookie: pengurusA, json: { code: 'KSPC', name: 'Koperasi C' } })).status).toBe(403);
    const res = await t.request('/api/cooperatives', { method: 'POST', cookie: adminCookie, json: { code: 'kspc', name: 'Koperasi C', type: 'kspps' } });
    expect(res.status).toBe(201);
    expect((await json(res)).cooperative).toMatchObject({ code: 'KSPC', type: 'kspps' });
  });
});
