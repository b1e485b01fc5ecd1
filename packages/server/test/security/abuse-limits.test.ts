import { OpenAPIHono, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defineRoute } from '../../src/http/access.ts';
import type { AppEnv } from '../../src/http/context.ts';
import { authenticate, requestContext } from '../../src/http/middleware.ts';
import { problemResponse } from '../../src/http/problem.ts';
import { rateLimit, type RateLimitRule } from '../../src/http/rate-limit.ts';
import { issueApiKey } from '../../src/modules/identity/api-keys.service.ts';
import { SIGN_IN_FAILURES } from '../../src/modules/identity/sign-in-throttle.ts';
import { describeEachDialect, json, PASSWORD, seedCooperative, seedUser, signInCookie, testInstance, type TestInstance } from '../harness.ts';

const RULE: RateLimitRule = { bucket: 'uji', limit: 3, windowMs: 60_000 };

/** A small app with the real middleware and two rate-limited routes (access note and middleware). */
function limitedApp(t: TestInstance): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  app.use('*', requestContext(t.services));
  app.use('/api/*', authenticate);
  const route = defineRoute({ method: 'get', path: '/api/uji', access: { roles: ['petugas'], apiKey: true, rateLimit: RULE }, responses: { 200: { description: 'ok', content: { 'application/json': { schema: z.object({ ok: z.boolean() }) } } } } });
  app.openapi(route, (c) => c.json({ ok: true }, 200));
  app.use('/api/uji-mw', rateLimit(RULE));
  app.get('/api/uji-mw', (c) => c.json({ ok: true }, 200));
  app.onError((err, c) => problemResponse(c, err));
  return app;
}

describeEachDialect('abuse limits', (dialect) => {
  let t: TestInstance;
  let coopId: number;
  beforeAll(async () => {
    t = await testInstance(dialect);
    coopId = (await seedCooperative(t, 'KSPA')).id;
    await seedUser(t, 'siti', 'petugas', coopId);
    await seedUser(t, 'budi', 'petugas', coopId);
    await seedUser(t, 'admin', 'platform_admin');
  });
  afterAll(async () => t.close());

  const signIn = (username: string, password: string, cookie?: string) => t.request('/api/auth/sign-in', { method: 'POST', cookie, json: { username, password }, headers: { 'accept-language': 'en' } });

  it('rate limit 3 per minute per caller: the 4th call is 429 rate_limited with Retry-After 20 s (60 / 3), other callers unaffected, refilled after 20 s', async () => {
    const app = limitedApp(t);
    const siti = await signInCookie(t, 'siti');
    const budi = await signInCookie(t, 'budi');
    const key = (await issueApiKey(t.services, null, coopId, 'inti')).key;
    const call = (headers: Record<string, string>, path = '/api/uji') => app.request(path, { headers: { 'accept-language': 'en', ...headers } });
    for (let i = 0; i < 3; i++) expect((await call({ cookie: siti })).status).toBe(200);
    const fourth = await call({ cookie: siti });
    expect(fourth.status).toBe(429);
    expect(fourth.headers.get('retry-after')).toBe('20');
    expect(await json(fourth)).toMatchObject({ code: 'rate_limited', detail: 'Too many requests. Try again in 20 seconds.' });
    expect((await call({ cookie: budi })).status).toBe(200);
    expect((await call({ authorization: `Bearer ${key}` })).status).toBe(200);
    t.clock.advance(19_000);
    expect((await call({ cookie: siti })).status).toBe(429);
    t.clock.advance(1_000);
    expect((await call({ cookie: siti })).status).toBe(200);
    expect((await call({ cookie: siti })).status).toBe(429);
  });

  it('the rate limit runs after the access check: a signed-out caller gets 401, never a 429 that reveals the route', async () => {
    const app = limitedApp(t);
    for (let i = 0; i < 5; i++) expect((await app.request('/api/uji')).status).toBe(401);
  });

  it('rateLimit() as a middleware limits signed-out callers by address: 3 pass, the 4th is 429', async () => {
    const app = limitedApp(t);
    for (let i = 0; i < 3; i++) expect((await app.request('/api/uji-mw')).status).toBe(200);
    expect((await app.request('/api/uji-mw')).status).toBe(429);
  });

  it(`${SIGN_IN_FAILURES.limit} failed sign-ins from one address over many usernames → the next sign-in is 429 even with the right password, until 15 minutes pass`, async () => {
    t.clock.advance(60 * 60_000); // a fresh window, whatever earlier cases did
    for (let i = 0; i < SIGN_IN_FAILURES.limit; i++) expect((await signIn(`tebak${i}`, 'Password123')).status).toBe(401);
    const blocked = await signIn('siti', PASSWORD);
    expect(blocked.status).toBe(429);
    expect((await json(blocked)).code).toBe('too_many_failed_sign_ins');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    t.clock.advance(15 * 60_000);
    expect((await signIn('siti', PASSWORD)).status).toBe(200);
  });

  it('successful sign-ins never count: 30 good sign-ins then a wrong password is 401, not 429', async () => {
    t.clock.advance(60 * 60_000);
    for (let i = 0; i < 30; i++) expect((await signIn('budi', PASSWORD)).status).toBe(200);
    expect((await signIn('budi', 'salah-sekali')).status).toBe(401);
  });

  it('signing in rotates the session: the cookie held before is ended, the new token differs', async () => {
    const before = await signInCookie(t, 'siti');
    const res = await signIn('siti', PASSWORD, before);
    const after = res.headers.get('set-cookie')?.split(';')[0] ?? '';
    expect(after).toMatch(/^simpul_session=.{40,}/);
    expect(after).not.toBe(before);
    expect((await t.request('/api/auth/me', { cookie: before })).status).toBe(401);
    expect((await t.request('/api/auth/me', { cookie: after })).status).toBe(200);
  });

  it('CSRF: a cookie-session write without X-Simpul-Request (a cross-site form) is 403 and creates nothing; with it 201; API keys and reads need no header', async () => {
    const admin = await signInCookie(t, 'admin');
    const form = await t.request('/api/cooperatives', { method: 'POST', cookie: admin, headers: { 'x-simpul-request': '', 'content-type': 'application/x-www-form-urlencoded' }, body: 'code=CSRF1&name=Palsu' });
    expect(form.status).toBe(403);
    expect((await json(form)).code).toBe('csrf_rejected');
    const jsonNoHeader = await t.request('/api/cooperatives', { method: 'POST', cookie: admin, headers: { 'x-simpul-request': '0' }, json: { code: 'CSRF2', name: 'Palsu' } });
    expect(jsonNoHeader.status).toBe(403);
    const codes = (await json(await t.request('/api/cooperatives', { cookie: admin, headers: { 'x-simpul-request': '' } }))).items.map((c: { code: string }) => c.code);
    expect(codes).not.toContain('CSRF1');
    expect(codes).not.toContain('CSRF2');
    expect((await t.request('/api/cooperatives', { method: 'POST', cookie: admin, json: { code: 'CSRF3', name: 'Sah' } })).status).toBe(201);
    const key = (await issueApiKey(t.services, null, coopId, 'inti-2')).key;
    const status = await t.request('/api/registry/furnishing/status', { headers: { authorization: `Bearer ${key}`, 'x-simpul-request': '' } });
    expect(status.status).toBe(200);
  });

  it('security headers on answers of every kind (200, 401, 404, problem): CSP with frame-ancestors none and no inline script, nosniff, no-referrer, DENY', async () => {
    for (const path of ['/api/health', '/api/users', '/api/tidak-ada', '/halaman']) {
      const res = await t.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("object-src 'none'");
      expect(csp.match(/script-src ([^;]*)/)?.[1], path).toBe("'self'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
  });
});
