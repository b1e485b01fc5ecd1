import { encryptField } from '../src/config/field-crypto.ts';
import { keyedHash } from '../src/config/keys.ts';
import { json, seedCooperative, seedUser, signInCookie, testInstance, type TestInstance } from './harness.ts';
import type { Dialect } from '../src/db/database.ts';

/**
 * A member row written straight into the workspace table (encrypted NIK, blind index), so
 * the lending tests do not depend on the members module's API.
 */
export async function seedMember(t: TestInstance, cooperativeId: number, memberNo: string, nik: string, status: 'active' | 'inactive' = 'active'): Promise<number> {
  const at = t.services.now().toISOString();
  const row = await t.services.db.db
    .insertInto('members')
    .values({
      cooperative_id: cooperativeId, member_no: memberNo, full_name: `Anggota ${memberNo}`, name_search: `anggota ${memberNo.toLowerCase()}`,
      birth_date: '1990-01-01', sex: 'F', nik_enc: encryptField(t.services.keys, nik), nik_index: keyedHash(t.services.keys.blindIndex, nik),
      phone_enc: null, address_enc: null, income_enc: null, kecamatan_code: null, joined_on: '2020-01-01', status, left_on: null, created_at: at, updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Flat 1 %/month, monthly, Rp 1–50 million over 3–24 months, OJK bank classes, no penalty. */
export function productBody(overrides: Record<string, unknown> = {}) {
  return {
    code: 'PU', name: 'Pinjaman Umum', method: 'flat', ratePercent: 1, ratePeriod: 'month', frequency: 'monthly',
    minTenor: 3, maxTenor: 24, minAmount: 1_000_000, maxAmount: 50_000_000, installmentMultiple: null,
    penaltyRule: { kind: 'none' }, allocationOrder: ['penalty', 'interest', 'principal'], classificationPreset: 'ojk_bank',
    collateralRequired: false, active: true, ...overrides,
  };
}

/**
 * Moves the test clock to 10:00 Jakarta time (03:00 UTC) of `date` (never backwards) and
 * signs everyone in again, since sessions do not outlive days.
 */
export async function setBusinessDate(w: LendingWorld, date: string): Promise<void> {
  const target = Date.parse(`${date}T03:00:00Z`);
  const delta = target - w.t.clock.now().getTime();
  if (delta < 0) throw new Error(`clock cannot go back to ${date}`);
  w.t.clock.advance(delta);
  for (const name of Object.keys(w.cookies) as (keyof LendingWorld['cookies'])[]) w.cookies[name] = await signInCookie(w.t, name.toLowerCase());
}

export interface LendingWorld {
  t: TestInstance;
  coopA: number;
  coopB: number;
  cookies: { petugas: string; pengurus: string; pengurus2: string; pengawas: string; petugasB: string; pengurusB: string; analyst: string; admin: string };
  memberId: number;
  productId: number;
}

/** Two cooperatives with every role, one member and one product in A (clock on 2026-11-02). */
export async function lendingWorld(dialect: Dialect): Promise<LendingWorld> {
  const t = await testInstance(dialect);
  const coopA = (await seedCooperative(t, 'KSPA')).id;
  const coopB = (await seedCooperative(t, 'KSPB')).id;
  const users: [string, Parameters<typeof seedUser>[2], number | null][] = [
    ['petugas', 'petugas', coopA], ['pengurus', 'pengurus', coopA], ['pengurus2', 'pengurus', coopA], ['pengawas', 'pengawas', coopA],
    ['petugasB', 'petugas', coopB], ['pengurusB', 'pengurus', coopB], ['analyst', 'dinas_analyst', null], ['admin', 'platform_admin', null],
  ];
  const cookies: Record<string, string> = {};
  for (const [name, role, coop] of users) {
    await seedUser(t, name.toLowerCase(), role, coop);
    cookies[name] = await signInCookie(t, name.toLowerCase());
  }
  const memberId = await seedMember(t, coopA, 'A-0001', '3316014101900001');
  const res = await t.request('/api/loan-products', { method: 'POST', cookie: cookies.pengurus, json: productBody() });
  if (res.status !== 201) throw new Error(`product: ${res.status} ${await res.text()}`);
  const productId = (await json(res)).product.id as number;
  return { t, coopA, coopB, cookies: cookies as LendingWorld['cookies'], memberId, productId };
}

/** Applies (petugas, with consent), approves (pengurus) and disburses on the business date. */
export async function activeLoan(w: LendingWorld, amount = 12_000_000, tenor = 12): Promise<number> {
  const { t, cookies } = w;
  const applied = await t.request('/api/loans', { method: 'POST', cookie: cookies.petugas, json: { memberId: w.memberId, productId: w.productId, amount, tenor, purpose: 'Modal warung', consentRef: 'SP-001' } });
  if (applied.status !== 201) throw new Error(`apply: ${applied.status} ${await applied.text()}`);
  const id = (await json(applied)).loan.id as number;
  for (const step of ['approve', 'disburse']) {
    const res = await t.request(`/api/loans/${id}/${step}`, { method: 'POST', cookie: cookies.pengurus, json: {} });
    if (res.status !== 200) throw new Error(`${step}: ${res.status} ${await res.text()}`);
  }
  return id;
}
