import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, json } from './harness.ts';
import { activeLoan, lendingWorld, seedMember, setBusinessDate, type LendingWorld } from './lending-fixtures.ts';

describeEachDialect('lending refusals change nothing', (dialect) => {
  let w: LendingWorld;
  let loanId: number;
  const post = (path: string, cookie: string, body: unknown = {}) => w.t.request(path, { method: 'POST', cookie, json: body });
  const application = (overrides: Record<string, unknown> = {}) => ({ memberId: w.memberId, productId: w.productId, amount: 5_000_000, tenor: 6, purpose: 'Modal usaha', ...overrides });
  const loanCount = async () => (await w.t.services.db.db.selectFrom('loans').select('id').execute()).length;
  const repaymentCount = async () => (await w.t.services.db.db.selectFrom('repayments').select('id').execute()).length;
  const expectCode = async (res: Response, status: number, code: string) => {
    const body = await json(res);
    expect({ status: res.status, code: body.code, field: body.errors?.[0]?.code ?? null }).toMatchObject({ status, ...(status === 400 && body.code === 'validation_failed' ? { field: code } : { code }) });
    return body;
  };

  beforeAll(async () => {
    w = await lendingWorld(dialect);
    loanId = await activeLoan(w);
    await setBusinessDate(w, '2026-11-20');
  });
  afterAll(async () => w.t.close());

  it('amount 500,000 under the product minimum 1,000,000 → amount_out_of_range, no loan stored', async () => {
    const before = await loanCount();
    const body = await expectCode(await post('/api/loans', w.cookies.petugas, application({ amount: 500_000 })), 400, 'amount_out_of_range');
    expect(body.errors[0].message).toBe('Plafon harus antara 1000000 dan 50000000.');
    expect(await loanCount()).toBe(before);
  });

  it('tenor 36 over the product maximum 24 → tenor_out_of_range (English text on Accept-Language: en)', async () => {
    const res = await w.t.request('/api/loans', { method: 'POST', cookie: w.cookies.petugas, json: application({ tenor: 36 }), headers: { 'accept-language': 'en' } });
    const body = await expectCode(res, 400, 'tenor_out_of_range');
    expect(body.errors[0].message).toBe('The tenor must be between 3 and 24 instalments.');
  });

  it('zero and negative amounts are refused with amount_not_positive', async () => {
    await expectCode(await post('/api/loans', w.cookies.petugas, application({ amount: 0 })), 400, 'amount_not_positive');
    await expectCode(await post('/api/loans', w.cookies.petugas, application({ amount: -5_000_000 })), 400, 'amount_not_positive');
  });

  it('an inactive member cannot apply; another cooperative’s member is "not found"', async () => {
    const inactive = await seedMember(w.t, w.coopA, 'A-0002', '3316014101900002', 'inactive');
    await expectCode(await post('/api/loans', w.cookies.petugas, application({ memberId: inactive })), 400, 'loan_member_inactive');
    const foreign = await seedMember(w.t, w.coopB, 'B-0001', '3316014101900003');
    await expectCode(await post('/api/loans', w.cookies.petugas, application({ memberId: foreign })), 400, 'not_found');
  });

  it('repayments of 0 and −100,000 are refused (amount_not_positive) and nothing is stored', async () => {
    const before = await repaymentCount();
    await expectCode(await post(`/api/loans/${loanId}/repayments`, w.cookies.petugas, { amount: 0, channel: 'cash', receiptNo: 'R-0' }), 400, 'amount_not_positive');
    await expectCode(await post(`/api/loans/${loanId}/repayments`, w.cookies.petugas, { amount: -100_000, channel: 'cash', receiptNo: 'R-1' }), 400, 'amount_not_positive');
    expect(await repaymentCount()).toBe(before);
  });

  it('a repayment dated 2026-11-01, before the disbursement on 2026-11-02, is refused', async () => {
    const body = await expectCode(await post(`/api/loans/${loanId}/repayments`, w.cookies.petugas, { paidOn: '2026-11-01', amount: 100_000, channel: 'cash', receiptNo: 'R-2' }), 400, 'repayment_before_disbursement');
    expect(body.detail).toContain('2026-11-02');
  });

  it('a repayment dated 2026-11-21, after the business date 2026-11-20, is refused', async () => {
    await expectCode(await post(`/api/loans/${loanId}/repayments`, w.cookies.petugas, { paidOn: '2026-11-21', amount: 100_000, channel: 'cash', receiptNo: 'R-3' }), 400, 'date_after_today');
  });

  it('a receipt number is unique per cooperative: the second KW-7 is a 409, the balance moved once (12,000,000 − 100,000)', async () => {
    expect((await post(`/api/loans/${loanId}/repayments`, w.cookies.petugas, { amount: 100_000, channel: 'cash', receiptNo: 'KW-7' })).status).toBe(201);
    await expectCode(await post(`/api/loans/${loanId}/repayments`, w.cookies.petugas, { amount: 100_000, channel: 'cash', receiptNo: 'KW-7' }), 409, 'receipt_taken');
    // 100,000 before the first due date pays instalment 1 in advance: interest 120,000 first, so principal is untouched.
    const detail = await json(await w.t.request(`/api/loans/${loanId}`, { cookie: w.cookies.petugas }));
    expect(detail.repayments).toHaveLength(1);
    expect(detail.repayments[0].allocation).toEqual({ penalty: 0, interest: 100_000, principal: 0, credit: 0 });
  });

  it('more than the payoff (12,000,000 principal left, interest not yet due waived) — 12,000,001 — is refused', async () => {
    const quote = await json(await w.t.request(`/api/loans/${loanId}/payoff`, { cookie: w.cookies.petugas }));
    expect(quote.payoffAmount).toBe(12_000_000);
    await expectCode(await post(`/api/loans/${loanId}/repayments`, w.cookies.petugas, { amount: 12_000_001, channel: 'cash', receiptNo: 'R-4' }), 400, 'amount_above_payoff');
  });

  it('a repayment on an application that is not disbursed is refused (409 loan_not_active)', async () => {
    const applied = await json(await post('/api/loans', w.cookies.petugas, application()));
    await expectCode(await post(`/api/loans/${applied.loan.id}/repayments`, w.cookies.petugas, { amount: 100_000, channel: 'cash', receiptNo: 'R-5' }), 409, 'loan_not_active');
  });

  it('disbursing an application that is not approved is refused (409 loan_not_approved)', async () => {
    const applied = await json(await post('/api/loans', w.cookies.petugas, application({ consentRef: 'SP-9' })));
    await expectCode(await post(`/api/loans/${applied.loan.id}/disburse`, w.cookies.pengurus), 409, 'loan_not_approved');
    expect((await json(await w.t.request(`/api/loans/${applied.loan.id}`, { cookie: w.cookies.petugas }))).loan.status).toBe('applied');
  });

  it('four eyes: a pengurus who applied cannot approve or reject it (403 own_application); another pengurus can', async () => {
    const applied = await json(await post('/api/loans', w.cookies.pengurus, application({ consentRef: 'SP-10' })));
    const id = applied.loan.id;
    const body = await expectCode(await post(`/api/loans/${id}/approve`, w.cookies.pengurus), 403, 'own_application');
    expect(body.detail).toContain('empat mata');
    await expectCode(await post(`/api/loans/${id}/reject`, w.cookies.pengurus, { reason: 'Tidak layak' }), 403, 'own_application');
    expect((await json(await post(`/api/loans/${id}/approve`, w.cookies.pengurus2))).loan).toMatchObject({ status: 'approved', decidedBy: { name: 'User pengurus2' } });
  });

  it('a rejection needs a reason; a rejected application cannot be approved afterwards', async () => {
    const applied = await json(await post('/api/loans', w.cookies.petugas, application({ consentRef: 'SP-11' })));
    const id = applied.loan.id;
    expect((await post(`/api/loans/${id}/reject`, w.cookies.pengurus, {})).status).toBe(400);
    const rejected = await json(await post(`/api/loans/${id}/reject`, w.cookies.pengurus, { reason: 'Kapasitas bayar kurang' }));
    expect(rejected.loan).toMatchObject({ status: 'rejected', decisionReason: 'Kapasitas bayar kurang' });
    await expectCode(await post(`/api/loans/${id}/approve`, w.cookies.pengurus2), 409, 'loan_wrong_status');
  });

  it('a petugas cannot approve, disburse or reverse (403); a pengawas cannot apply or repay (403)', async () => {
    expect((await post(`/api/loans/${loanId}/approve`, w.cookies.petugas)).status).toBe(403);
    expect((await post(`/api/loans/${loanId}/disburse`, w.cookies.petugas)).status).toBe(403);
    expect((await post(`/api/loans/${loanId}/repayments/1/reverse`, w.cookies.petugas, { reason: 'Salah input' })).status).toBe(403);
    expect((await post('/api/loans', w.cookies.pengawas, application())).status).toBe(403);
    expect((await post(`/api/loans/${loanId}/repayments`, w.cookies.pengawas, { amount: 1, channel: 'cash', receiptNo: 'X' })).status).toBe(403);
    expect((await w.t.request(`/api/loans/${loanId}`, { cookie: w.cookies.pengawas })).status).toBe(200);
  });
});
