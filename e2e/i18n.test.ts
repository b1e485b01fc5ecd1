import { describe, expect, inject, test } from 'vitest';
import { chooseLanguage, openPage, signIn, useBrowser } from './browser.ts';

const accounts = inject('accounts');
const browser = useBrowser();


describe('language', () => {
  test('Bahasa Indonesia by default; English is remembered across reloads; back to Indonesian', async () => {
    const { context, page } = await openPage(browser());
    await page.goto('/masuk');
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.getByRole('heading', { level: 1, name: 'Masuk ke Simpul' }).waitFor();

    await chooseLanguage(page, 'EN');
    await page.getByRole('heading', { level: 1, name: 'Sign in to Simpul' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Sign in to Simpul' }).waitFor();
    await signIn(page, accounts.petugas);
    expect(await page.getByRole('navigation').getByRole('link').allInnerTexts()).toEqual([
      'Home',
      'Instalment simulator',
      'Members',
      'Loans',
      'Loan products',
      'Portfolio',
      'Problem loans',
      'Registry furnishing',
      'Registry check',
      'Registry alerts',
      'Change password',
    ]);
    // Domain words and role names stay Indonesian in English.
    expect(await page.getByTestId('home-role').textContent()).toBe('Petugas kredit');

    // The API is asked in the UI language.
    const request = page.waitForRequest((r) => r.url().endsWith('/api/auth/me'));
    await page.reload();
    expect((await request).headers()['accept-language']).toBe('en');

    await chooseLanguage(page, 'ID');
    await page.getByRole('navigation').getByRole('link', { name: 'Beranda' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await context.close();
  });
});
