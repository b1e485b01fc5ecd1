import { afterAll, beforeAll, expect, it } from 'vitest';
import { decryptField } from '../src/config/field-crypto.ts';
import { describeEachDialect, json } from './harness.ts';
import { lendingWorld, setBusinessDate, type LendingWorld } from './lending-fixtures.ts';

describeEachDialect('a loan from application to settlement', (dialect) => {
  let w: LendingWorld;
  let loanId: number;
  const post = (path: string, cookie: string, body: unknown = {}) => w.t.request(path, { method: 'POST', cookie, json: body });
  const registryRow = () => w.t.services.db.db.selectFrom('registry_accounts').select(['status', 'outstanding']).where('cooperative_id', '=', w.coopA).where('account_ref', '=', 'PJ-2026-00001').executeTakeFirst();
  const detail = async () => json(await w.t.request(`/api/loans/${loanId}`, { cookie: w.cookies.pengawas }));

  beforeAll(async () => {
    w = await lendingWorld(dialect);
  });
  afterAll(async () => w.t.close());

  it('a petugas applies for 12,000,000 over 12 months; declared income 3,500,000 is stored encrypted', async () => {
    const res = await post('/api/loans', w.cookies.petugas, { memberId: w.memberId, productId: w.productId, amount: 12_000_000, tenor: 12, purpose: 'Modal warung', collateral: [{ type: 'vehicle_fiducia', value: 8_000_000 }], declaredIncome: 3_500_000, declaredExpenses: 1_500_000 });
    expect(res.status).toBe(201);
    const body = await json(res);
    loanId = body.loan.id;
    expect(body.loan).toMatchObject({ status: 'applied', loanNo: 'PJ-2026-00001', ratePercent: 1, method: 'flat', declaredIncome: 3_500_000, declaredExpenses: 1_500_000, consentRef: null });
    const row = await w.t.services.db.db.selectFrom('loans').select(['declared_income_enc']).where('id', '=', loanId).executeTakeFirstOrThrow();
    expect(row.declared_income_enc).not.toContain('3500000');
    expect(decryptField(w.t.services.keys, row.declared_income_enc ?? '')).toBe('3500000');
  });

  it('approval waits for the consent to a registry check (409 consent_required), then the consent is recorded', async () => {
    const refused = await post(`/api/loans/${loanId}/approve`, w.cookies.pengurus);
    expect(refused.status).toBe(409);
    expect((await json(refused)).code).toBe('consent_required');
    const res = await post(`/api/loans/${loanId}/consent`, w.cookies.petugas, { consentRef: 'SP-2026-0042' });
    expect(res.status).toBe(200);
    expect((await json(res)).loan).toMatchObject({ consentRef: 'SP-2026-0042', consentAt: '2026-11-02T03:00:00.000Z' });
  });

  it('a pengurus (not the applicant) approves; disbursing on 2026-11-01, before the approval, is refused', async () => {
    const res = await post(`/api/loans/${loanId}/approve`, w.cookies.pengurus, { reason: 'Usaha berjalan' });
    expect(res.status).toBe(200);
    expect((await json(res)).loan.status).toBe('approved');
    const early = await post(`/api/loans/${loanId}/disburse`, w.cookies.pengurus, { on: '2026-11-01' });
    expect(early.status).toBe(400);
    expect((await json(early)).code).toBe('disbursed_before_approval');
    expect((await detail()).loan.status).toBe('approved');
  });

  it('disbursed 2026-11-02: flat 1 % → 12 × (1,000,000 + 120,000) = 12 × 1,120,000, maturity 2027-11-02', async () => {
    const res = await post(`/api/loans/${loanId}/disburse`, w.cookies.pengurus, { on: '2026-11-02' });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.loan).toMatchObject({ status: 'active', disbursedOn: '2026-11-02', installmentAmount: 1_120_000, maturityOn: '2027-11-02' });
    expect(body.installments).toHaveLength(12);
    expect(body.installments[0]).toMatchObject({ dueDate: '2026-12-02', principal: 1_000_000, interest: 120_000, total: 1_120_000, balance: 11_000_000 });
    expect(body.installments.reduce((s: number, r: { total: number }) => s + r.total, 0)).toBe(13_440_000);
    expect(body.loan.state).toMatchObject({ outstandingPrincipal: 12_000_000, arrears: 0, daysPastDue: 0, classCode: 'L', nextDueOn: '2026-12-02' });
  });

  it('the registry holds the new loan the day it is disbursed: active, 12,000,000 outstanding', async () => {
    expect(await registryRow()).toEqual({ status: 'active', outstanding: 12_000_000 });
  });

  it('instalment 1 paid on its due date: outstanding 12,000,000 − 1,000,000 = 11,000,000, DPD 0', async () => {
    await setBusinessDate(w, '2026-12-02');
    const res = await post(`/api/loans/${loanId}/repayments`, w.cookies.petugas, { amount: 1_120_000, channel: 'cash', receiptNo: 'KW-0001' });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.settled).toBe(false);
    expect(body.loan.state).toMatchObject({ outstandingPrincipal: 11_000_000, arrears: 0, daysPastDue: 0, classCode: 'L', lastPaymentOn: '2026-12-02', nextDueOn: '2027-01-02' });
    expect(body.repayments[0].allocation).toEqual({ penalty: 0, interest: 120_000, principal: 1_000_000, credit: 0 });
  });

  it('10 days late, 500,000 paid: interest 120,000 then principal 380,000 → outstanding 10,620,000, arrears 620,000, DPK, allowance 5 % × (10,620,000 − 50 % × 8,000,000) = 331,000', async () => {
    await setBusinessDate(w, '2027-01-12');
    const res = await post(`/api/loans/${loanId}/repayments`, w.cookies.petugas, { amount: 500_000, channel: 'transfer', receiptNo: 'KW-0002' });
    expect(res.status).toBe(201);
    expect((await json(res)).loan.state).toMatchObject({ outstandingPrincipal: 10_620_000, arrears: 620_000, daysPastDue: 10, classCode: 'DPK', allowance: 331_000, nextDueOn: '2027-01-02' });
    const stored = await w.t.services.db.db.selectFrom('loans').select(['outstanding_principal', 'arrears', 'days_past_due', 'class_code', 'state_as_of']).where('id', '=', loanId).executeTakeFirstOrThrow();
    expect(stored).toEqual({ outstanding_principal: 10_620_000, arrears: 620_000, days_past_due: 10, class_code: 'DPK', state_as_of: '2027-01-12' });
  });

  it('the payoff quote on 2027-01-12 is the principal left, 10,620,000 (future interest waived); paying it settles the loan', async () => {
    const quote = await json(await w.t.request(`/api/loans/${loanId}/payoff`, { cookie: w.cookies.petugas }));
    expect(quote).toEqual({ on: '2027-01-12', payoffAmount: 10_620_000, outstandingPrincipal: 10_620_000, interestDue: 0, penaltyDue: 0 });
    const res = await post(`/api/loans/${loanId}/repayments`, w.cookies.petugas, { amount: 10_620_000, channel: 'cash', receiptNo: 'KW-0003' });
    const body = await json(res);
    expect(body.settled).toBe(true);
    expect(body.loan).toMatchObject({ status: 'settled', closedOn: '2027-01-12' });
    expect(body.loan.state).toMatchObject({ outstandingPrincipal: 0, arrears: 0, daysPastDue: 0 });
    expect(await registryRow()).toMatchObject({ status: 'settled', outstanding: 0 });
  });

  it('a settled loan takes no repayment (409 loan_not_active) and nothing is stored', async () => {
    const res = await post(`/api/loans/${loanId}/repayments`, w.cookies.petugas, { amount: 1_000, channel: 'cash', receiptNo: 'KW-0004' });
    expect(res.status).toBe(409);
    expect((await json(res)).code).toBe('loan_not_active');
    expect((await detail()).repayments).toHaveLength(3);
  });

  it('reversing the 10,620,000 payoff (pengurus, with a reason) reopens the loan with 10,620,000 outstanding', async () => {
    const payoff = (await detail()).repayments.find((r: { receiptNo: string }) => r.receiptNo === 'KW-0003');
    const res = await post(`/api/loans/${loanId}/repayments/${payoff.id}/reverse`, w.cookies.pengurus, { reason: 'Transfer tidak masuk' });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.loan).toMatchObject({ status: 'active', closedOn: null });
    expect(body.loan.state.outstandingPrincipal).toBe(10_620_000);
    expect(await registryRow()).toEqual({ status: 'active', outstanding: 10_620_000 });
    expect(body.repayments.find((r: { id: number }) => r.id === payoff.id)).toMatchObject({ reversalReason: 'Transfer tidak masuk', allocation: null });
    const again = await post(`/api/loans/${loanId}/repayments/${payoff.id}/reverse`, w.cookies.pengurus, { reason: 'Lagi' });
    expect((await json(again)).code).toBe('already_reversed');
  });

  it('every transition is in the audit chain, with no member data in the details', async () => {
    const rows = await w.t.services.db.db.selectFrom('audit_log').select(['action', 'details']).where('subject_type', '=', 'loan').where('subject_id', '=', String(loanId)).orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['loan.applied', 'loan.consent_recorded', 'loan.approved', 'loan.disbursed', 'loan.repayment_recorded', 'loan.repayment_recorded', 'loan.repayment_recorded', 'loan.settled', 'loan.repayment_reversed']);
    expect(rows.map((r) => r.details).join(' ')).not.toMatch(/3316014101900001|Anggota|3500000/);
  });

  it('the history lists applied, consent, approved, disbursed, 3 repayments, the settlement undone by a reversal', async () => {
    const kinds = (await detail()).history.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['applied', 'consent', 'approved', 'disbursed', 'repayment', 'repayment', 'repayment', 'reversal']);
  });
});
