import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import {
  DESKTOP,
  expectNoSeriousA11yViolations,
  openPage,
  PHONE,
  screenshot,
  signIn,
  useBrowser,
} from './browser.ts';

const accounts = inject('accounts');
const browser = useBrowser();


async function openSimulator(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Simulasi angsuran' }).click();
  await page.getByRole('heading', { level: 1, name: 'Simulasi angsuran' }).waitFor();
}

async function choose(page: Page, label: RegExp, option: string): Promise<void> {
  await page.getByRole('textbox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The cells of instalment row n (1-based) of the schedule table. */
async function row(page: Page, n: number): Promise<string[]> {
  return page
    .getByTestId('schedule-table')
    .locator('tbody tr')
    .nth(n - 1)
    .locator('td')
    .allInnerTexts();
}

describe('Simulasi angsuran', () => {
  test('flat 1.200.000 at 1% a month over 12 months: 12 × 112.000 and 23,70% effective a year', async () => {
    const { context, page } = await openPage(browser());
    await signIn(page, accounts.petugas);
    await openSimulator(page);

    await page.getByLabel('Pokok pinjaman (Rp)').fill('1200000');
    await page.getByLabel('Suku bunga (%)').fill('1');
    await choose(page, /^Periode suku bunga/, 'per bulan');
    await page.getByLabel('Jangka waktu (jumlah angsuran)').fill('12');
    await choose(page, /^Metode bunga/, 'Flat — bunga dari pokok awal');
    await choose(page, /^Frekuensi angsuran/, 'Bulanan');
    await page.getByLabel('Tanggal pencairan').fill('2026-01-15');

    // 1.200.000 / 12 = 100.000 pokok + 1% × 1.200.000 = 12.000 bunga = 112.000 each month.
    await expect
      .poll(() => row(page, 1))
      .toEqual(['1', '15 Feb 2026', '100.000', '12.000', '112.000', '1.100.000']);
    expect(await row(page, 12)).toEqual(['12', '15 Jan 2027', '100.000', '12.000', '112.000', '0']);
    expect(await page.getByTestId('schedule-table').locator('tbody tr').count()).toBe(12);
    expect(await page.getByTestId('sim-instalment').textContent()).toBe('Rp 112.000');
    // 12 × 12.000 = 144.000 bunga; 1.200.000 + 144.000 = 1.344.000 in all.
    expect(await page.getByTestId('sim-total-interest').textContent()).toBe('Rp 144.000');
    expect(await page.getByTestId('sim-total-paid').textContent()).toBe('Rp 1.344.000');
    // A flat 1% a month (12% a year nominal) really costs 23,70% a year: IRR 1,788%/month, compounded.
    expect(await page.getByTestId('sim-effective-rate').textContent()).toMatch(/^23,70\s?%$/);
    await page
      .getByText(/Bunga flat 1% per bulan sebenarnya setara dengan bunga efektif 23,70\s?% setahun/)
      .waitFor();

    // Annuity at the same rate: equal instalments, cheaper than flat.
    await choose(page, /^Metode bunga/, 'Anuitas — angsuran tetap');
    await expect
      .poll(() => page.getByTestId('sim-effective-rate').textContent())
      .toMatch(/^12,68\s?%$/);

    // A tenor of 0 cannot be computed: the field says why.
    await page.getByLabel('Jangka waktu (jumlah angsuran)').fill('0');
    await page.getByText('Isi jangka waktu dari 1 sampai 3660 angsuran.').first().waitFor();
    await context.close();
  });

  test('English shows English numbers and labels; the page passes axe at phone and desktop size', async () => {
    for (const [size, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      const { context, page } = await openPage(browser(), viewport);
      await signIn(page, accounts.pengawas);
      if (size === 'phone') await page.getByRole('button', { name: 'Buka menu' }).click();
      await openSimulator(page);
      await page.getByTestId('schedule-table').waitFor();
      await page.locator('.recharts-surface').waitFor();
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `simulator-${size}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await context.close();
    }

    const { context, page } = await openPage(browser());
    await signIn(page, accounts.pengurus);
    await openSimulator(page);
    await page.locator('label').filter({ hasText: /^EN$/ }).click();
    await page.getByLabel('Principal (Rp)').fill('1200000');
    await page.getByLabel('Interest rate (%)').fill('1');
    await page.getByLabel('Tenor (number of instalments)').fill('12');
    await expect.poll(() => page.getByTestId('sim-total-paid').textContent()).toBe('Rp 1,344,000');
    await page.getByRole('heading', { level: 1, name: 'Instalment simulator' }).waitFor();
    await context.close();
  });
});
