import { afterAll, beforeAll, expect, it } from 'vitest';
import { json, describeEachDialect, testInstance, type TestInstance } from './harness.ts';

describeEachDialect('HTTP edge: bad input gets a clear answer', (dialect) => {
  let t: TestInstance;
  beforeAll(async () => {
    t = await testInstance(dialect);
  });
  afterAll(async () => t.close());

  it('malformed JSON → 400 malformed_json, never a stack trace', async () => {
    const res = await t.request('/api/auth/sign-in', { method: 'POST', body: '{"username": "a",', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body).toMatchObject({ code: 'malformed_json', status: 400 });
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts/);
  });

  it('missing fields → 400 validation_failed naming each field', async () => {
    const res = await t.request('/api/auth/sign-in', { method: 'POST', json: { username: '' }, headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.code).toBe('validation_failed');
    expect(body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'username', code: 'too_short' }),
        expect.objectContaining({ path: 'password', code: 'required', message: 'Required.' }),
      ]),
    );
  });

  it('unknown API route → 404 route_not_found as problem+json', async () => {
    const res = await t.request('/api/tidak-ada');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await json(res)).code).toBe('route_not_found');
  });

  it('signed out → 401 on a protected route', async () => {
    const res = await t.request('/api/users');
    expect(res.status).toBe(401);
    expect((await json(res)).code).toBe('unauthenticated');
  });

  it('a body over 1 MiB → 413 payload_too_large', async () => {
    const res = await t.request('/api/auth/sign-in', { method: 'POST', json: { username: 'x'.repeat(1_100_000), password: 'y' } });
    expect(res.status).toBe(413);
    expect((await json(res)).code).toBe('payload_too_large');
  });

  it('publishes an OpenAPI 3.1 document where every operation declares its access', async () => {
    const doc = await json(await t.request('/api/openapi.json'));
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.values(doc.paths as Record<string, Record<string, { 'x-access'?: unknown }>>).flatMap((p) => Object.values(p));
    expect(operations.length).toBeGreaterThan(5);
    for (const op of operations) expect(op['x-access']).toBeDefined();
  });

  it('serves a browsable API reference at /api/docs without any CDN', async () => {
    const page = await t.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/api/docs/assets/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    expect((await t.request('/api/docs/assets/swagger-ui-bundle.js')).status).toBe(200);
  });

  it('sends security headers and a request id', async () => {
    const res = await t.request('/api/health');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toMatch(/[\w-]{8,}/);
  });
});
