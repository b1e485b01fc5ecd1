import { issueApiKey } from '../src/modules/identity/api-keys.service.ts';
import { json, seedCooperative, type TestInstance } from './harness.ts';

/**
 * The hand-computed world of the inquiry tests (clock: 2026-11-02, so the newest history
 * month is 2026-10):
 * - Sri Wahyuni (NIK 3316014501900001, born 1990-01-05) borrows at KSPA and KSPC;
 *   KSPA PJ-A1: 5,000,000 monthly 470,000, reported Aug DPD 0, Sep DPD 45, Oct DPD 0, outstanding 2,350,000;
 *   KSPC PC-0001 (opened 2026-09-20): 3,000,000 weekly 60,000 (= 260,000 a month), reported Oct DPD 0, outstanding 3,000,000.
 * - Budi Santoso (NIK 3316110707850002, born 1985-07-07) has never borrowed: a clean applicant.
 * KSPB is where the officer checks the applicant.
 */
export const SRI = { nik: '3316014501900001', fullName: 'Sri Wahyuni', birthDate: '1990-01-05' };
export const BUDI = { nik: '3316110707850002', fullName: 'Budi Santoso', birthDate: '1985-07-07' };

const identity = { nik: SRI.nik, full_name: SRI.fullName, birth_date: SRI.birthDate };

function accountA(period: string, dpd: number, outstanding: number) {
  return {
    account_ref: 'PJ-A1', ...identity, product: 'Pinjaman Umum', opened_on: '2026-05-15', original_amount: 5_000_000, tenor: 12, frequency: 'monthly',
    instalment_amount: 470_000, outstanding, arrears: dpd > 0 ? 470_000 : 0, days_past_due: dpd, status: 'active', last_payment_on: `${period}-10`,
  };
}

const accountC = {
  account_ref: 'PC-0001', ...identity, product: 'Pinjaman Mingguan', opened_on: '2026-09-20', original_amount: 3_000_000, tenor: 50, frequency: 'weekly',
  instalment_amount: 60_000, outstanding: 3_000_000, arrears: 0, days_past_due: 0, status: 'active',
};

export interface World {
  a: number;
  b: number;
  c: number;
  keys: { a: string; b: string; c: string };
}

/** Furnishes a JSON batch with a cooperative's API key; throws unless every row is accepted. */
export async function furnish(t: TestInstance, key: string, period: string, accounts: Record<string, string | number | null>[]): Promise<void> {
  const res = await t.request('/api/registry/furnishing/batches', { method: 'POST', json: { period, accounts }, headers: { authorization: `Bearer ${key}` } });
  const body = await json(res);
  if (res.status !== 200 || body.rejected !== 0) throw new Error(`furnishing failed: ${res.status} ${JSON.stringify(body)}`);
}

/** Three cooperatives with API keys; Sri's loans at KSPA (3 months) and KSPC (1 month). */
export async function seedWorld(t: TestInstance): Promise<World> {
  const [a, b, c] = [await seedCooperative(t, 'KSPA'), await seedCooperative(t, 'KSPB'), await seedCooperative(t, 'KSPC')];
  const keys = {
    a: (await issueApiKey(t.services, null, a.id, 'core')).key,
    b: (await issueApiKey(t.services, null, b.id, 'core')).key,
    c: (await issueApiKey(t.services, null, c.id, 'core')).key,
  };
  await furnish(t, keys.a, '2026-08', [accountA('2026-08', 0, 3_800_000)]);
  await furnish(t, keys.a, '2026-09', [accountA('2026-09', 45, 3_330_000)]);
  await furnish(t, keys.a, '2026-10', [accountA('2026-10', 0, 2_350_000)]);
  await furnish(t, keys.c, '2026-10', [accountC]);
  return { a: a.id, b: b.id, c: c.id, keys };
}

/** An inquiry over the API with an API key (or a cookie). */
export function inquire(t: TestInstance, auth: { key?: string; cookie?: string }, body: Record<string, unknown>, query = '', lang = 'id') {
  const headers: Record<string, string> = { 'accept-language': lang };
  if (auth.key) headers.authorization = `Bearer ${auth.key}`;
  return t.request(`/api/registry/inquiries${query}`, { method: 'POST', json: body, headers, ...(auth.cookie ? { cookie: auth.cookie } : {}) });
}
