import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, json } from './harness.ts';
import { lendingWorld, productBody, type LendingWorld } from './lending-fixtures.ts';

describeEachDialect('loan products', (dialect) => {
  let w: LendingWorld;
  const create = (body: unknown, cookie = w.cookies.pengurus) => w.t.request('/api/loan-products', { method: 'POST', cookie, json: body });
  const terms = (overrides: Record<string, unknown> = {}) => (({ code: _c, ...rest }) => rest)(productBody(overrides));

  beforeAll(async () => {
    w = await lendingWorld(dialect);
  });
  afterAll(async () => w.t.close());

  it('a pengurus creates an annuity product at 18 %/year with a per-day 0.1 % penalty, Rp 1,000 multiple and 4-class preset', async () => {
    const res = await create(productBody({ code: 'mkr', name: 'Pinjaman Mikro', method: 'annuity', ratePercent: 18, ratePeriod: 'year', installmentMultiple: 1_000, penaltyRule: { kind: 'per_day', basis: 'percent', value: 0.1, graceDays: 3, cap: 50_000 }, classificationPreset: 'cooperative_4', collateralRequired: true }));
    expect(res.status).toBe(201);
    expect((await json(res)).product).toMatchObject({ code: 'MKR', method: 'annuity', ratePercent: 18, ratePeriod: 'year', installmentMultiple: 1_000, penaltyRule: { kind: 'per_day', value: 0.1, graceDays: 3, cap: 50_000 }, classificationPreset: 'cooperative_4', collateralRequired: true, active: true });
  });

  it('petugas and pengawas read the 2 products; neither may create one (403)', async () => {
    for (const cookie of [w.cookies.petugas, w.cookies.pengawas]) {
      expect((await json(await w.t.request('/api/loan-products', { cookie }))).items.map((p: { code: string }) => p.code)).toEqual(['MKR', 'PU']);
      expect((await create(productBody({ code: 'X1' }), cookie)).status).toBe(403);
    }
  });

  it('refusals: duplicate code (409), min tenor 12 > max 6, a 150 % penalty, an unknown preset, an allocation order naming principal twice', async () => {
    expect((await json(await create(productBody()))).code).toBe('product_code_taken');
    const ranges = await json(await create(productBody({ code: 'R1', minTenor: 12, maxTenor: 6 })));
    expect(ranges.errors).toEqual([{ path: 'maxTenor', code: 'range_inverted', message: 'Batas atas harus sama atau di atas batas bawah (12).' }]);
    const penalty = await json(await create(productBody({ code: 'R2', penaltyRule: { kind: 'per_day', basis: 'percent', value: 150, graceDays: 0 } })));
    expect(penalty.errors[0]).toMatchObject({ path: 'penaltyRule.value', code: 'invalid_penalty_rule' });
    expect((await create(productBody({ code: 'R3', classificationPreset: 'bank_x' }))).status).toBe(400);
    const order = await json(await create(productBody({ code: 'R4', allocationOrder: ['principal', 'interest', 'principal'] })));
    expect(order.errors[0].code).toBe('invalid_allocation_order');
    expect((await json(await w.t.request('/api/loan-products', { cookie: w.cookies.pengurus }))).items).toHaveLength(2);
  });

  it('a product edit (rate 1 % → 1.5 %) does not move a loan applied before it: the loan keeps 1 %', async () => {
    const applied = await json(await w.t.request('/api/loans', { method: 'POST', cookie: w.cookies.petugas, json: { memberId: w.memberId, productId: w.productId, amount: 2_000_000, tenor: 6, purpose: 'Modal' } }));
    const res = await w.t.request(`/api/loan-products/${w.productId}`, { method: 'PUT', cookie: w.cookies.pengurus, json: terms({ ratePercent: 1.5 }) });
    expect((await json(res)).product.ratePercent).toBe(1.5);
    expect((await json(await w.t.request(`/api/loans/${applied.loan.id}`, { cookie: w.cookies.petugas }))).loan.ratePercent).toBe(1);
  });

  it('an inactive product takes no applications (product_inactive); a collateral-required product refuses an application without collateral', async () => {
    await w.t.request(`/api/loan-products/${w.productId}`, { method: 'PUT', cookie: w.cookies.pengurus, json: terms({ active: false }) });
    const inactive = await json(await w.t.request('/api/loans', { method: 'POST', cookie: w.cookies.petugas, json: { memberId: w.memberId, productId: w.productId, amount: 2_000_000, tenor: 6, purpose: 'Modal' } }));
    expect(inactive.errors[0].code).toBe('product_inactive');
    const mkr = (await json(await w.t.request('/api/loan-products', { cookie: w.cookies.petugas }))).items.find((p: { code: string }) => p.code === 'MKR');
    const noCollateral = await json(await w.t.request('/api/loans', { method: 'POST', cookie: w.cookies.petugas, json: { memberId: w.memberId, productId: mkr.id, amount: 2_000_000, tenor: 6, purpose: 'Modal' } }));
    expect(noCollateral.errors[0].code).toBe('collateral_required');
  });

  it('product changes are audited (created ×2, updated ×2)', async () => {
    const actions = await w.t.services.db.db.selectFrom('audit_log').select('action').where('subject_type', '=', 'loan_product').orderBy('id').execute();
    expect(actions.map((a) => a.action)).toEqual(['loan_product.created', 'loan_product.created', 'loan_product.updated', 'loan_product.updated']);
  });
});
