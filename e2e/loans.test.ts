import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import type { Account } from './accounts.ts';
import { expectNoSeriousA11yViolations, openPage, signIn, useBrowser } from './browser.ts';

const accounts = inject('accounts');
const baseURL = inject('baseURL');
const browser = useBrowser();

// Other journeys share this instance: a sequence from the clock keeps our records apart.
const sequence = String(1000 + (Date.now() % 9000));
/** Blora, Jati (33.16.01): a woman born 1 January 1990 (day 01 + 40 = 41). */
const NIK = `33160141019${0}${sequence}`;
const NAME = `Rukmini Pinjam ${sequence}`;
const PRODUCT = `PJ${sequence}`;

/** Signs in through the API and returns a caller with that session. */
async function apiAs(account: Account) {
  const signIn = await fetch(`${baseURL}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-simpul-request': '1' },
    body: JSON.stringify({ username: account.username, password: account.password }),
  });
  const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
  return async (path: string, body: unknown) => {
    const res = await fetch(`${baseURL}/api${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'x-simpul-request': '1' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, { id: number }>;
  };
}

async function signedIn(account: Account): Promise<Page> {
  const { page } = await openPage(browser());
  await signIn(page, account);
  return page;
}

let loanUrl = '';

beforeAll(async () => {
  // Setup through the API: a product (pengurus) and a member (petugas).
  const pengurus = await apiAs(accounts.pengurus);
  await pengurus('/loan-products', {
    code: PRODUCT,
    name: `Pinjaman Usaha ${sequence}`,
    method: 'flat',
    ratePercent: 1,
    ratePeriod: 'month',
    frequency: 'monthly',
    minTenor: 3,
    maxTenor: 24,
    minAmount: 1_000_000,
    maxAmount: 20_000_000,
    installmentMultiple: null,
    penaltyRule: { kind: 'none' },
    allocationOrder: ['penalty', 'interest', 'principal'],
    classificationPreset: 'cooperative_4',
    collateralRequired: false,
    active: true,
  });
  const petugas = await apiAs(accounts.petugas);
  await petugas('/members', { fullName: NAME, nik: NIK });
});

describe('pinjaman', () => {
  test('the petugas applies for Rp 6.000.000 over 6 months: the preview shows 6 × (1.000.000 + 60.000) = 6 × 1.060.000', async () => {
    const page = await signedIn(accounts.petugas);
    await page.getByRole('navigation').getByRole('link', { name: 'Pinjaman', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Pinjaman' }).waitFor();
    await page.getByRole('link', { name: 'Ajukan pinjaman' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pengajuan pinjaman' }).waitFor();

    await page.getByRole('textbox', { name: 'Anggota' }).fill(NAME);
    await page.getByRole('option', { name: new RegExp(NAME) }).click();
    await page.getByRole('textbox', { name: 'Produk pinjaman' }).click();
    await page.getByRole('option', { name: new RegExp(PRODUCT) }).click();
    await page.getByLabel(/^Plafon \(Rp\)/).fill('6000000');
    await page.getByLabel(/^Jangka waktu/).fill('6');
    await page.getByLabel(/^Tujuan pinjaman/).fill('Modal warung kelontong');
    await page
      .getByTestId('preview-totals')
      .getByText(
        /6 angsuran, pertama Rp 1\.060\.000; total bunga Rp 360\.000, total dibayar Rp 6\.360\.000/,
      )
      .waitFor();
    await page.locator('[data-area="registry-check"]').getByText('Cek Registri').waitFor();
    await page.getByLabel(/Anggota telah menandatangani/).check();
    await page.getByLabel(/^Nomor formulir persetujuan/).fill(`SP-${sequence}`);
    await expectNoSeriousA11yViolations(page);
    await page.getByRole('button', { name: 'Simpan pengajuan' }).click();

    await page.getByRole('heading', { level: 1, name: /^Pinjaman PJ-/ }).waitFor();
    await page.getByText('Diajukan', { exact: true }).first().waitFor();
    loanUrl = new URL(page.url()).pathname;
    expect(loanUrl).toMatch(/^\/pinjaman\/\d+$/);
    // A petugas does not decide.
    expect(await page.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
    await page.context().close();
  });

  test('the pengurus approves and disburses: the loan is active with Rp 6.000.000 principal left', async () => {
    const page = await signedIn(accounts.pengurus);
    await page.goto(loanUrl);
    await page.getByRole('button', { name: 'Setujui' }).click();
    await page.getByText('Disetujui', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Cairkan' }).click();
    await page.getByText('Aktif', { exact: true }).first().waitFor();
    await expect.poll(() => page.getByTestId('outstanding').textContent()).toBe('Rp 6.000.000');
    expect(await page.getByTestId('loan-schedule').locator('tbody tr').count()).toBe(6);
    await page.getByRole('link', { name: 'Ringkasan perjanjian (PDF)' }).waitFor();
    await page.context().close();
  });

  test('the petugas takes instalment 1 (Rp 1.060.000): principal left falls 6.000.000 − 1.000.000 = 5.000.000', async () => {
    const page = await signedIn(accounts.petugas);
    await page.goto(loanUrl);
    await page.getByRole('heading', { name: 'Terima angsuran' }).waitFor();
    await page.getByRole('button', { name: /^Isi angsuran/ }).click();
    await page.getByLabel(/^Nomor kuitansi/).fill(`KW-${sequence}`);
    await page.getByRole('button', { name: 'Simpan pembayaran' }).click();
    await page
      .getByRole('status')
      .getByText('Pembayaran Rp 1.060.000 tersimpan. Sisa pokok Rp 5.000.000.')
      .waitFor();
    await expect.poll(() => page.getByTestId('outstanding').textContent()).toBe('Rp 5.000.000');
    const row = page.getByTestId('loan-repayments').locator('tbody tr').first();
    await row.getByText(`KW-${sequence}`).waitFor();
    await row.getByText('Denda Rp 0 · bunga Rp 60.000 · pokok Rp 1.000.000').waitFor();
    expect(
      await row.getByRole('link', { name: `Kuitansi KW-${sequence}` }).getAttribute('href'),
    ).toMatch(/\/receipt\.pdf$/);
    await page.context().close();
  });

  test('the pengawas reads the loan (Rp 5.000.000 left, the payment, the history) but has no action buttons', async () => {
    const page = await signedIn(accounts.pengawas);
    await page.goto(loanUrl);
    await expect.poll(() => page.getByTestId('outstanding').textContent()).toBe('Rp 5.000.000');
    await page.getByTestId('loan-repayments').getByText(`KW-${sequence}`).waitFor();
    await page.getByTestId('loan-history').getByText('Dicairkan').waitFor();
    for (const name of ['Setujui', 'Tolak', 'Cairkan', 'Simpan pembayaran', /^Batalkan/]) {
      expect(await page.getByRole('button', { name }).count()).toBe(0);
    }
    expect(await page.getByRole('heading', { name: 'Terima angsuran' }).count()).toBe(0);
    await expectNoSeriousA11yViolations(page);
    await page.context().close();
  });
});
