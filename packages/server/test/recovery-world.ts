import { expect } from 'vitest';
import type { Dialect } from '../src/db/database.ts';
import { subjectKey } from '../src/modules/registry/pseudonym.ts';
import { json } from './harness.ts';
import { lendingWorld, productBody, type LendingWorld } from './lending-fixtures.ts';

export { setBusinessDate } from './lending-fixtures.ts';
export type { LendingWorld };

/** The lending world (two cooperatives, every role; clock on 2026-11-02) plus a product with a late penalty. */
export async function recoveryWorld(dialect: Dialect): Promise<LendingWorld & { penaltyProductId: number }> {
  const w = await lendingWorld(dialect);
  const body = productBody({ code: 'PD', name: 'Pinjaman Denda', penaltyRule: { kind: 'per_installment', basis: 'fixed', value: 25_000, graceDays: 0 } });
  const res = await w.t.request('/api/loan-products', { method: 'POST', cookie: w.cookies.pengurus, json: body });
  expect(res.status).toBe(201);
  return { ...w, penaltyProductId: (await json(res)).product.id as number };
}

/** Applies (petugas), approves (pengurus) and disburses on the business date: 6,000,000 over 12 months, flat 1 %. */
export async function disbursedLoan(w: LendingWorld, productId: number, amount = 6_000_000, tenor = 12): Promise<{ id: number; loanNo: string }> {
  const { t, cookies } = w;
  const applied = await t.request('/api/loans', { method: 'POST', cookie: cookies.petugas, json: { memberId: w.memberId, productId, amount, tenor, purpose: 'Modal warung', consentRef: 'SP-001' } });
  expect(applied.status).toBe(201);
  const loan = (await json(applied)).loan;
  for (const step of ['approve', 'disburse']) {
    const res = await t.request(`/api/loans/${loan.id}/${step}`, { method: 'POST', cookie: cookies.pengurus, json: {} });
    expect(res.status).toBe(200);
  }
  return { id: loan.id as number, loanNo: loan.loanNo as string };
}

/** An open account of the same person at cooperative B in the registry (what B furnished). */
export async function accountElsewhere(w: LendingWorld, nik: string): Promise<void> {
  await w.t.services.db.db.insertInto('registry_accounts').values({
    subject_key: subjectKey(w.t.services.keys, nik), cooperative_id: w.coopB, account_ref: 'B-001', name_token: 'x', birth_token: 'y', product: 'Umum',
    opened_on: '2026-06-01', original_amount: 3_000_000, tenor: 12, frequency: 'monthly', instalment_amount: 280_000, outstanding: 2_000_000, arrears: 0,
    days_past_due: 0, status: 'active', last_payment_on: null, closed_on: null, written_off_on: null, written_off_amount: null, last_period: '2026-10',
    not_reported_since: null, source: 'file', updated_at: new Date().toISOString(),
  }).execute();
}

/** POST/GET helpers that return status and body. */
export async function call(w: LendingWorld, cookie: string, path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') {
  const res = await w.t.request(path, { method, cookie, ...(body === undefined ? {} : { json: body }) });
  return { status: res.status, body: await json(res) };
}
