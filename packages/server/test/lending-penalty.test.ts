import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, json } from './harness.ts';
import { lendingWorld, productBody, setBusinessDate, type LendingWorld } from './lending-fixtures.ts';

describeEachDialect('denda, DPD and kolektibilitas of a late loan', (dialect) => {
  let w: LendingWorld;
  let loanId: number;
  const detail = async () => json(await w.t.request(`/api/loans/${loanId}`, { cookie: w.cookies.petugas }));

  beforeAll(async () => {
    w = await lendingWorld(dialect);
    const product = await json(await w.t.request('/api/loan-products', {
      method: 'POST', cookie: w.cookies.pengurus,
      json: productBody({ code: 'DND', penaltyRule: { kind: 'per_day', basis: 'fixed', value: 1_000, graceDays: 0 }, classificationPreset: 'cooperative_4' }),
    }));
    const applied = await json(await w.t.request('/api/loans', { method: 'POST', cookie: w.cookies.petugas, json: { memberId: w.memberId, productId: product.product.id, amount: 3_000_000, tenor: 3, purpose: 'Modal pasar', consentRef: 'SP-D1' } }));
    loanId = applied.loan.id;
    for (const step of ['approve', 'disburse']) await w.t.request(`/api/loans/${loanId}/${step}`, { method: 'POST', cookie: w.cookies.pengurus, json: {} });
    await setBusinessDate(w, '2027-01-12');
  });
  afterAll(async () => w.t.close());

  it('nothing paid by 2027-01-12: arrears 2 × 1,030,000 = 2,060,000, DPD 41, denda 41 × 1,000 + 10 × 1,000 = 51,000, Kurang Lancar, PPAP 10 % × 3,000,000 = 300,000', async () => {
    const { loan, payoffAmount } = await detail();
    expect(loan.installmentAmount).toBe(1_030_000);
    expect(loan.state).toMatchObject({ outstandingPrincipal: 3_000_000, arrears: 2_060_000, penaltyDue: 51_000, daysPastDue: 41, classCode: 'KL', allowance: 300_000, nextDueOn: '2026-12-02' });
    // Payoff: all principal + the 2 × 30,000 interest due + 51,000 denda; instalment 3's interest waived.
    expect(payoffAmount).toBe(3_000_000 + 60_000 + 51_000);
  });

  it('1,081,000 paid: denda 41,000 → bunga 30,000 → pokok 1,000,000 of instalment 1, then instalment 2’s denda 10,000; DPD 10 → Lancar', async () => {
    const res = await w.t.request(`/api/loans/${loanId}/repayments`, { method: 'POST', cookie: w.cookies.petugas, json: { amount: 1_081_000, channel: 'cash', receiptNo: 'KW-D1' } });
    const body = await json(res);
    expect(body.repayments[0].allocation).toEqual({ penalty: 51_000, interest: 30_000, principal: 1_000_000, credit: 0 });
    expect(body.loan.state).toMatchObject({ outstandingPrincipal: 2_000_000, arrears: 1_030_000, penaltyDue: 0, daysPastDue: 10, classCode: 'L', nextDueOn: '2027-01-02' });
    const stored = await w.t.services.db.db.selectFrom('loans').select(['penalty_due', 'days_past_due', 'class_code', 'allowance']).where('id', '=', loanId).executeTakeFirstOrThrow();
    // Lancar: 0.5 % of 2,000,000 = 10,000.
    expect(stored).toEqual({ penalty_due: 0, days_past_due: 10, class_code: 'L', allowance: 10_000 });
  });
});
