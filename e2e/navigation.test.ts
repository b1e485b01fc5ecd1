import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import type { AccountName } from './accounts.ts';
import { openPage, PHONE, signIn, useBrowser } from './browser.ts';

const accounts = inject('accounts');
const browser = useBrowser();


/** The menu each role must see, in order, and nothing else. */
const EXPECTED: Record<Exclude<AccountName, 'newcomer'>, string[]> = {
  admin: ['Beranda', 'Simulasi angsuran', 'Koperasi', 'Pengawasan', 'Cek registri', 'Pengguna', 'Ganti kata sandi'],
  analyst: ['Beranda', 'Koperasi', 'Pengawasan', 'Ganti kata sandi'],
  pengurus: ['Beranda', 'Simulasi angsuran', 'Anggota', 'Pinjaman', 'Produk pinjaman', 'Portofolio', 'Penanganan kredit', 'Pelaporan registri', 'Cek registri', 'Peringatan registri', 'Pengguna', 'Ganti kata sandi'],
  petugas: ['Beranda', 'Simulasi angsuran', 'Anggota', 'Pinjaman', 'Produk pinjaman', 'Portofolio', 'Penanganan kredit', 'Pelaporan registri', 'Cek registri', 'Peringatan registri', 'Ganti kata sandi'],
  // The pengawas reviews and reads: no registry inquiry of their own.
  pengawas: ['Beranda', 'Simulasi angsuran', 'Anggota', 'Pinjaman', 'Produk pinjaman', 'Portofolio', 'Penanganan kredit', 'Pelaporan registri', 'Peringatan registri', 'Ganti kata sandi'],
};

function navLinks(page: Page): Promise<string[]> {
  return page.getByRole('navigation').getByRole('link').allInnerTexts();
}

describe('navigation by role', () => {
  for (const [name, expected] of Object.entries(EXPECTED) as [AccountName, string[]][]) {
    test(`${name} sees ${expected.join(', ')}`, async () => {
      const { context, page } = await openPage(browser());
      await signIn(page, accounts[name]);
      expect((await navLinks(page)).map((s) => s.trim())).toEqual(expected);
      await context.close();
    });
  }

  test('a page outside the role answers "not found" even when typed into the address bar', async () => {
    const { context, page } = await openPage(browser());
    await signIn(page, accounts.analyst);
    await page.goto('/simulasi');
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    await page.goto('/pengguna');
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    await context.close();
  });
});

describe('phone (360 × 740)', () => {
  test('the menu hides behind a burger, opens, navigates and closes', async () => {
    const { context, page } = await openPage(browser(), PHONE);
    await signIn(page, accounts.pengurus);
    const burger = page.getByRole('button', { name: 'Buka menu' });
    expect(await burger.isVisible()).toBe(true);
    expect(
      await page.getByRole('navigation').getByRole('link', { name: 'Pengguna' }).isVisible(),
    ).toBe(false);

    await burger.click();
    const users = page.getByRole('navigation').getByRole('link', { name: 'Pengguna' });
    await users.waitFor({ state: 'visible' });
    await users.click();
    await page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    await expect.poll(() => users.isVisible()).toBe(false);

    // Nothing sticks out sideways at 360 px.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
