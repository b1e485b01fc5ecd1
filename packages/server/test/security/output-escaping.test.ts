import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSession } from '../../src/modules/identity/sessions.service.ts';
import { describeEachDialect, json, testInstance, type TestInstance } from '../harness.ts';
import { sample, type OpenApiDocument } from './openapi.ts';
import { ACTIVE_PDF, pdfText } from './pdf-text.ts';
import { idIn, World, type Actor } from './world.ts';

const HOSTILE = '<script>alert("x")</script> Siti (Nur) \\ ) Tj /JavaScript';

/**
 * User text in the documents Simpul prints: a member named with markup and PDF syntax
 * appears in the loan agreement as those very characters, and adds no active content.
 */
describeEachDialect('output escaping of user text', (dialect) => {
  let t: TestInstance;
  let world: World;
  let petugas: Actor;
  let pengurus: Actor;
  beforeAll(async () => {
    t = await testInstance(dialect);
    world = new World(t, (await json(await t.request('/api/openapi.json'))) as OpenApiDocument);
    await world.setUp();
    const find = (role: string) => world.actors.find((a) => a.role === role && a.coop === 'A');
    const [p, g] = [find('petugas'), find('pengurus')];
    if (!p || !g) throw new Error('actors missing');
    [petugas, pengurus] = [p, g];
  });
  afterAll(async () => t.close());

  /** POSTs a body sampled from the route's schema with `overrides`; returns the created id. */
  async function post(actor: Actor, path: string, template: string, overrides: Record<string, unknown>): Promise<number | undefined> {
    const op = world.ops.find((o) => o.method === 'POST' && o.path === template);
    const base = op?.bodySchema ? sample(op.bodySchema, world.context('A'), 'body', 0, true) : {};
    const res = await world.send(actor, 'POST', path, { type: 'application/json', data: JSON.stringify({ ...(base as object), ...overrides }) });
    expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBeLessThan(300);
    return idIn(JSON.parse(res.text || '{}'));
  }

  it('a member named <script>… with PDF operators: the loan agreement PDF shows the name as text and holds no JavaScript or actions; the API returns it as JSON text', async () => {
    const memberId = await post(petugas, '/api/members', '/api/members', { fullName: HOSTILE });
    const productId = await post(pengurus, '/api/loan-products', '/api/loan-products', { frequency: 'monthly', ratePercent: 1.5, minAmount: 100_000, maxAmount: 100_000_000, minTenor: 1, maxTenor: 60, installmentMultiple: 100 });
    const loanId = await post(petugas, '/api/loans', '/api/loans', { memberId, productId, amount: 5_000_000, tenor: 12 });
    await post(petugas, `/api/loans/${loanId}/consent`, '/api/loans/{id}/consent', { consentRef: 'PRS-2026-0001' });
    await post(pengurus, `/api/loans/${loanId}/approve`, '/api/loans/{id}/approve', {});
    await post(pengurus, `/api/loans/${loanId}/disburse`, '/api/loans/{id}/disburse', { on: '2026-11-02' });
    const member = await world.send(petugas, 'GET', `/api/members/${memberId}`);
    expect(member.text).toContain(JSON.stringify(HOSTILE).slice(1, -1));
    const res = await t.request(`/api/loans/${loanId}/agreement.pdf`, { cookie: `simpul_session=${await startSession(t.services, petugas.userId ?? 0)}` });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf)).toContain(HOSTILE);
    expect(pdf.toString('latin1')).not.toMatch(ACTIVE_PDF);
  });
});
