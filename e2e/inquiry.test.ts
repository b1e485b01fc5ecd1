import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import type { Account } from './accounts.ts';
import { expectNoSeriousA11yViolations, openPage, signIn, useBrowser } from './browser.ts';

const accounts = inject('accounts');
const baseURL = inject('baseURL');
const browser = useBrowser();

/**
 * The world of this journey, set up through the API as the cooperatives' own systems would:
 * Rina Kusuma borrows at KSP-A (reported Sep DPD 45, then current in Oct) and at KSP-C;
 * Eko Pratama has never borrowed. An officer at KSP-B checks both.
 */
const RINA = { nik: '3316016208880003', fullName: 'Rina Kusuma', birthDate: '1988-08-22' };
const EKO = { nik: '3316111503920004', fullName: 'Eko Pratama', birthDate: '1992-03-15' };
const PASSWORD = 'rahasia-registri-01';
const staff = (code: string): Account => ({ username: `petugas.${code.toLowerCase()}`, password: PASSWORD, fullName: `Petugas ${code}`, role: 'petugas', cooperative: code });

async function call(cookie: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${baseURL}/api${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { cookie, 'content-type': 'application/json', 'x-simpul-request': '1' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function signInApi(username: string, password: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-simpul-request': '1' }, body: JSON.stringify({ username, password }) });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!res.ok || !cookie) throw new Error(`sign-in ${username}: ${res.status}`);
  return cookie;
}

function rinaAt(ref: string, period: string, dpd: number, extra: Record<string, unknown> = {}) {
  return {
    account_ref: ref, nik: RINA.nik, full_name: RINA.fullName, birth_date: RINA.birthDate, product: 'Pinjaman Umum', opened_on: '2026-05-15',
    original_amount: 5_000_000, frequency: 'monthly', instalment_amount: 470_000, outstanding: 3_000_000, arrears: dpd > 0 ? 470_000 : 0,
    days_past_due: dpd, status: 'active', ...extra,
  };
}

async function seedWorld(): Promise<void> {
  const admin = await signInApi(accounts.admin.username, accounts.admin.password);
  for (const code of ['KSP-A', 'KSP-B', 'KSP-C']) {
    const { cooperative: coop } = (await call(admin, '/cooperatives', { code, name: `Koperasi ${code}` })) as { cooperative: { id: number } };
    const u = staff(code);
    await call(admin, '/users', { username: u.username, fullName: u.fullName, role: 'petugas', cooperativeId: coop.id, password: PASSWORD });
  }
  const a = await signInApi('petugas.ksp-a', PASSWORD);
  await call(a, '/registry/furnishing/batches', { period: '2026-09', accounts: [rinaAt('A-100', '2026-09', 45)] });
  await call(a, '/registry/furnishing/batches', { period: '2026-10', accounts: [rinaAt('A-100', '2026-10', 0)] });
  const c = await signInApi('petugas.ksp-c', PASSWORD);
  await call(c, '/registry/furnishing/batches', { period: '2026-10', accounts: [rinaAt('C-200', '2026-10', 0, { opened_on: '2026-08-01', original_amount: 2_000_000, outstanding: 1_500_000, instalment_amount: 200_000 })] });
}

beforeAll(async () => {
  await seedWorld();
}, 60_000);

async function check(page: Page, person: typeof RINA, purpose: RegExp, consent: string): Promise<number> {
  await page.getByLabel(/^NIK/).fill(person.nik);
  await page.getByLabel(/^Nama lengkap/).fill(person.fullName);
  await page.getByLabel(/^Tanggal lahir/).fill(person.birthDate);
  await page.getByRole('textbox', { name: /^Tujuan pemeriksaan/ }).click();
  await page.getByRole('option', { name: purpose }).click();
  await page.getByLabel(/^Nomor formulir persetujuan/).fill(consent);
  await page.getByRole('button', { name: 'Periksa', exact: true }).click();
  const report = page.locator('[data-area="credit-report"]');
  await report.waitFor();
  return Number(await report.getByTestId('score-value').innerText());
}

describe('Cek registri', () => {
  test('KSP-B checks Rina: her loans at KSP-A and KSP-C with histories, a lower score than clean Eko (680 < 800); KSP-A gets a stacking alert; her own report lists KSP-B', async () => {
    const { context, page } = await openPage(browser());
    await signIn(page, staff('KSP-B'));
    await page.getByRole('navigation').getByRole('link', { name: 'Cek registri' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cek registri' }).waitFor();

    // Without a consent reference the inquiry is refused and no report appears.
    await page.getByLabel(/^NIK/).fill(RINA.nik);
    await page.getByLabel(/^Nama lengkap/).fill(RINA.fullName);
    await page.getByLabel(/^Tanggal lahir/).fill(RINA.birthDate);
    await page.getByRole('button', { name: 'Periksa', exact: true }).click();
    await page.getByText(/Nomor persetujuan anggota .* wajib diisi/).waitFor();
    expect(await page.locator('[data-area="credit-report"]').count()).toBe(0);

    const rinaScore = await check(page, RINA, /^Pinjaman baru/, 'PRS-B-001');
    const rows = page.locator('[data-area="credit-report"] tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.locator('tr[data-cooperative="KSP-A"]').getByTestId('history').innerText()).toMatch(/^02-{22}$/);
    expect(await page.locator('tr[data-cooperative="KSP-C"]').getByTestId('history').innerText()).toMatch(/^0-{23}$/);
    expect(await page.getByTestId('identity-match').getAttribute('data-match')).toBe('full');
    await page.getByText('Cocok: nama dan tanggal lahir sesuai data pelapor').waitFor();
    await expectNoSeriousA11yViolations(page);

    const ekoScore = await check(page, EKO, /^Pinjaman baru/, 'PRS-B-002');
    await page.getByText('Tidak ada rekening di registri untuk orang ini.').waitFor();
    // Rina: 800 − 2×40 (31–60 DPD last month) − 40 (two lenders) = 680; Eko: 800
    expect([rinaScore, ekoScore]).toEqual([680, 800]);
    await context.close();

    // KSP-A: an unread stacking alert about its own account A-100, from KSP-B.
    const a = await openPage(browser());
    await signIn(a.page, staff('KSP-A'));
    await a.page.getByRole('navigation').getByRole('link', { name: 'Peringatan registri' }).click();
    const alert = a.page.locator('tr[data-kind="inquiry_elsewhere"]');
    await alert.waitFor();
    expect(await alert.locator('td').allInnerTexts()).toEqual(expect.arrayContaining(['A-100', 'Koperasi KSP-B (KSP-B)']));
    expect(await a.page.getByTestId('unread-count').textContent()).toBe('1 belum dibaca');
    await expectNoSeriousA11yViolations(a.page);
    await a.context.close();

    // Rina asks KSP-C for her own report: KSP-B's inquiry is listed with its purpose.
    const c = await openPage(browser());
    await signIn(c.page, staff('KSP-C'));
    await c.page.getByRole('navigation').getByRole('link', { name: 'Cek registri' }).click();
    await check(c.page, RINA, /^Permintaan anggota sendiri/, 'loket KSP-C');
    const who = c.page.getByTestId('who-looked');
    await who.waitFor();
    expect(await who.innerText()).toMatch(/Koperasi KSP-B \(KSP-B\) · Pinjaman baru/);
    await c.page.getByRole('heading', { name: 'Hak Anda' }).waitFor();
    await c.context.close();
  });
});
