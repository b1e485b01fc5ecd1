import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, json } from './harness.ts';
import { activeLoan, lendingWorld, productBody, type LendingWorld } from './lending-fixtures.ts';

describeEachDialect('lending across cooperatives and roles', (dialect) => {
  let w: LendingWorld;
  let loanId: number;
  let repaymentId: number;

  beforeAll(async () => {
    w = await lendingWorld(dialect);
    loanId = await activeLoan(w);
    const res = await w.t.request(`/api/loans/${loanId}/repayments`, { method: 'POST', cookie: w.cookies.petugas, json: { amount: 100_000, channel: 'cash', receiptNo: 'KW-1' } });
    repaymentId = (await json(res)).repaymentId;
  });
  afterAll(async () => w.t.close());

  const routes = (): [string, string, unknown][] => [
    ['GET', `/api/loans/${loanId}`, undefined],
    ['GET', `/api/loans/${loanId}/payoff`, undefined],
    ['GET', `/api/loans/${loanId}/agreement.pdf`, undefined],
    ['GET', `/api/loans/${loanId}/repayments/${repaymentId}/receipt.pdf`, undefined],
    ['POST', `/api/loans/${loanId}/consent`, { consentRef: 'X-1' }],
    ['POST', `/api/loans/${loanId}/approve`, {}],
    ['POST', `/api/loans/${loanId}/reject`, { reason: 'Bukan milik Anda' }],
    ['POST', `/api/loans/${loanId}/disburse`, {}],
    ['POST', `/api/loans/${loanId}/repayments`, { amount: 1_000, channel: 'cash', receiptNo: 'B-1' }],
    ['POST', `/api/loans/${loanId}/repayments/${repaymentId}/reverse`, { reason: 'Bukan milik Anda' }],
    ['GET', `/api/loan-products/${w.productId}`, undefined],
    ['PUT', `/api/loan-products/${w.productId}`, (({ code: _c, ...terms }) => terms)(productBody({ name: 'Diambil alih' }))],
  ];

  it('every loan and product route answers 404 for cooperative A’s records to B’s pengurus — the same as for a missing id', async () => {
    const answers: string[] = [];
    for (const [method, path, body] of routes()) {
      const res = await w.t.request(path, { method, cookie: w.cookies.pengurusB, ...(body === undefined ? {} : { json: body }) });
      answers.push(`${method} ${path} ${res.status} ${(await json(res)).code}`);
    }
    expect(answers).toEqual(routes().map(([method, path]) => `${method} ${path} 404 not_found`));
    const missing = await w.t.request('/api/loans/999999', { cookie: w.cookies.pengurusB });
    expect(missing.status).toBe(404);
  });

  it('nothing changed in A after B’s attempts: one repayment of 100,000, product name unchanged', async () => {
    const detail = await json(await w.t.request(`/api/loans/${loanId}`, { cookie: w.cookies.pengurus }));
    expect(detail.repayments.map((r: { amount: number; reversedAt: string | null }) => [r.amount, r.reversedAt])).toEqual([[100_000, null]]);
    expect((await json(await w.t.request(`/api/loan-products/${w.productId}`, { cookie: w.cookies.pengurus }))).product.name).toBe('Pinjaman Umum');
  });

  it('B’s lists hold none of A’s loans or products', async () => {
    expect((await json(await w.t.request('/api/loans', { cookie: w.cookies.petugasB }))).items).toEqual([]);
    expect((await json(await w.t.request('/api/loan-products', { cookie: w.cookies.petugasB }))).items).toEqual([]);
    expect((await json(await w.t.request('/api/loans', { cookie: w.cookies.petugas }))).items).toHaveLength(1);
  });

  it('Dinas roles get 403 on every loan and product route', async () => {
    for (const cookie of [w.cookies.analyst, w.cookies.admin]) {
      for (const [method, path, body] of [['GET', '/api/loans', undefined], ['GET', '/api/loan-products', undefined], ['POST', '/api/loan-products', productBody({ code: 'DN' })], ...routes()] as [string, string, unknown][]) {
        const res = await w.t.request(path, { method, cookie, ...(body === undefined ? {} : { json: body }) });
        expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 403`);
      }
    }
  });
});
