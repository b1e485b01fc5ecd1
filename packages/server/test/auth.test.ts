import { afterEach, beforeEach, expect, it } from 'vitest';
import { json, describeEachDialect, PASSWORD, seedCooperative, seedUser, signInCookie, testInstance, type TestInstance } from './harness.ts';

describeEachDialect('sign-in, sessions and passwords', (dialect) => {
  let t: TestInstance;
  beforeEach(async () => {
    t = await testInstance(dialect);
    const coop = await seedCooperative(t, 'KSP01');
    await seedUser(t, 'siti', 'petugas', coop.id);
  });
  afterEach(async () => t.close());

  const signIn = (username: string, password: string, lang = 'id') =>
    t.request('/api/auth/sign-in', { method: 'POST', json: { username, password }, headers: { 'accept-language': lang } });

  it('signs in with the right password and sets an HttpOnly SameSite=Strict cookie', async () => {
    const res = await signIn('siti', PASSWORD);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ user: { username: 'siti', role: 'petugas', cooperative: { code: 'KSP01' } } });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/simpul_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
  });

  it('answers a wrong password with invalid_credentials in Indonesian, or English when asked', async () => {
    const id = await signIn('siti', 'salah-sekali');
    expect(id.status).toBe(401);
    expect(id.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await json(id)).toMatchObject({ code: 'invalid_credentials', detail: 'Nama pengguna atau kata sandi salah.' });
    const en = await signIn('siti', 'salah-sekali', 'en-US,en;q=0.9');
    expect(await json(en)).toMatchObject({ code: 'invalid_credentials', detail: 'Wrong username or password.' });
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const res = await signIn('nobody', 'whatever-123');
    expect(res.status).toBe(401);
    expect((await json(res)).code).toBe('invalid_credentials');
  });

  it('locks the account after 5 failures, even for the right password, until 15 minutes pass', async () => {
    for (let i = 0; i < 4; i++) expect((await signIn('siti', 'salah')).status).toBe(401);
    const fifth = await signIn('siti', 'salah');
    expect(fifth.status).toBe(429);
    expect((await json(fifth)).code).toBe('too_many_attempts');
    expect((await signIn('siti', PASSWORD)).status).toBe(429);
    t.clock.advance(16 * 60_000);
    expect((await signIn('siti', PASSWORD)).status).toBe(200);
  });

  it('returns the signed-in user on /api/auth/me, and 401 once signed out', async () => {
    const cookie = await signInCookie(t, 'siti');
    expect((await t.request('/api/auth/me', { cookie })).status).toBe(200);
    expect((await t.request('/api/auth/sign-out', { method: 'POST', cookie })).status).toBe(204);
    const after = await t.request('/api/auth/me', { cookie });
    expect(after.status).toBe(401);
    expect((await json(after)).code).toBe('unauthenticated');
  });

  it('says the session expired after 2 idle hours', async () => {
    const cookie = await signInCookie(t, 'siti');
    t.clock.advance(119 * 60_000);
    expect((await t.request('/api/auth/me', { cookie })).status).toBe(200);
    t.clock.advance(2 * 60 * 60_000 + 1000);
    const res = await t.request('/api/auth/me', { cookie });
    expect(res.status).toBe(401);
    expect((await json(res)).code).toBe('session_expired');
  });

  it('ends a session after 12 hours even when active', async () => {
    const cookie = await signInCookie(t, 'siti');
    for (let h = 0; h < 12; h++) {
      t.clock.advance(60 * 60_000);
      await t.request('/api/auth/me', { cookie });
    }
    expect((await t.request('/api/auth/me', { cookie })).status).toBe(401);
  });

  it('changes the password, ends other sessions, and the old password stops working', async () => {
    const other = await signInCookie(t, 'siti');
    const cookie = await signInCookie(t, 'siti');
    const res = await t.request('/api/auth/change-password', { method: 'POST', cookie, json: { currentPassword: PASSWORD, newPassword: 'baru-dan-panjang-1' } });
    expect(res.status).toBe(204);
    expect((await t.request('/api/auth/me', { cookie })).status).toBe(200);
    expect((await t.request('/api/auth/me', { cookie: other })).status).toBe(401);
    expect((await signIn('siti', PASSWORD)).status).toBe(401);
    expect((await signIn('siti', 'baru-dan-panjang-1')).status).toBe(200);
  });

  it('refuses a short new password and a wrong current one', async () => {
    const cookie = await signInCookie(t, 'siti');
    const short = await t.request('/api/auth/change-password', { method: 'POST', cookie, json: { currentPassword: PASSWORD, newPassword: 'pendek' } });
    expect(short.status).toBe(400);
    expect((await json(short)).code).toBe('weak_password');
    const wrong = await t.request('/api/auth/change-password', { method: 'POST', cookie, json: { currentPassword: 'bukan-ini-123', newPassword: 'baru-dan-panjang-1' } });
    expect(wrong.status).toBe(401);
  });

  it('refuses cookie-authenticated writes without the X-Simpul-Request header (CSRF)', async () => {
    const cookie = await signInCookie(t, 'siti');
    const res = await t.request('/api/auth/sign-out', { method: 'POST', cookie, headers: { 'x-simpul-request': '0' } });
    expect(res.status).toBe(403);
    expect((await json(res)).code).toBe('csrf_rejected');
  });

  it('refuses a disabled user', async () => {
    const cookie = await signInCookie(t, 'siti');
    const admin = await seedUser(t, 'root', 'platform_admin');
    const adminCookie = await signInCookie(t, admin.username);
    const user = (await json(await t.request('/api/users', { cookie: adminCookie }))).items.find((u: { username: string }) => u.username === 'siti');
    expect((await t.request(`/api/users/${user.id}/disable`, { method: 'POST', cookie: adminCookie })).status).toBe(204);
    expect((await t.request('/api/auth/me', { cookie })).status).toBe(401);
    const again = await signIn('siti', PASSWORD);
    expect(again.status).toBe(403);
    expect((await json(again)).code).toBe('account_disabled');
  });
});
