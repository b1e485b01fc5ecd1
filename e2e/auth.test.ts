import { describe, expect, inject, test } from 'vitest';
import { chooseLanguage, openPage, signIn, useBrowser } from './browser.ts';

const accounts = inject('accounts');
const browser = useBrowser();


describe('sign-in', () => {
  test('a petugas signs in and sees their name, cooperative and role on Beranda', async () => {
    const { context, page } = await openPage(browser());
    await page.goto('/');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/masuk');
    await signIn(page, accounts.petugas);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByTestId('home-role').textContent()).toBe('Petugas kredit');
    expect(await page.getByTestId('home-cooperative').textContent()).toBe('KSP Maju Bersama');
    expect(await page.getByTestId('home-username').textContent()).toBe('petugas1');
    await context.close();
  });

  test('a wrong password shows a translated error and no session', async () => {
    const { context, page } = await openPage(browser());
    await page.goto('/masuk');
    await page.getByLabel('Nama pengguna').fill(accounts.pengawas.username);
    await page.getByLabel(/^Kata sandi/).fill('bukan-kata-sandinya');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Nama pengguna atau kata sandi salah.');

    await chooseLanguage(page, 'EN');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Wrong username or password.');
    expect(new URL(page.url()).pathname).toBe('/masuk');
    await context.close();
  });

  test('the server being down is reported as such, not as a wrong password', async () => {
    const { context, page } = await openPage(browser());
    await page.goto('/masuk');
    await page.route('**/api/auth/sign-in', (route) => route.abort('connectionrefused'));
    await page.getByLabel('Nama pengguna').fill(accounts.petugas.username);
    await page.getByLabel(/^Kata sandi/).fill(accounts.petugas.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Server tidak dapat dihubungi');
    await context.close();
  });

  test('signing out returns to sign-in with a note, and Beranda then needs a new sign-in', async () => {
    const { context, page } = await openPage(browser());
    await signIn(page, accounts.pengawas);
    await page.getByRole('button', { name: /Menu akun/ }).click();
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/masuk');
    await page.getByRole('status').filter({ hasText: 'Anda telah keluar.' }).waitFor();
    await page.goto('/');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/masuk');
    await context.close();
  });

  test('a 401 while signed in (session gone) sends the user to sign-in with "sesi berakhir"', async () => {
    const { context, page } = await openPage(browser());
    await signIn(page, accounts.admin);
    await context.clearCookies(); // as if the session had expired on the server
    await page.getByRole('navigation').getByRole('link', { name: 'Pengguna' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/masuk');
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContain('Sesi Anda telah berakhir. Silakan masuk kembali.');
    await context.close();
  });
});

describe('change password', () => {
  test('a short password is refused in the browser; a real change works for the next sign-in', async () => {
    const account = accounts.analyst;
    const newPassword = 'analis-baru-2026';
    const { context, page } = await openPage(browser());
    await signIn(page, account);
    await page.getByRole('navigation').getByRole('link', { name: 'Ganti kata sandi' }).click();

    await page.getByLabel(/^Kata sandi saat ini/).fill(account.password);
    await page.getByLabel(/^Kata sandi baru/).fill('pendek');
    await page.getByLabel(/^Ulangi kata sandi baru/).fill('pendek');
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await expect
      .poll(() => page.getByText('Kata sandi minimal 10 karakter.', { exact: true }).count())
      .toBe(1);

    await page.getByLabel(/^Kata sandi saat ini/).fill('salah-sekali-123');
    await page.getByLabel(/^Kata sandi baru/).fill(newPassword);
    await page.getByLabel(/^Ulangi kata sandi baru/).fill(newPassword);
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await expect
      .poll(() => page.getByText('Kata sandi saat ini salah.', { exact: true }).count())
      .toBe(1);
    expect(new URL(page.url()).pathname).toBe('/ganti-kata-sandi'); // not taken for an expired session

    await page.getByLabel(/^Kata sandi saat ini/).fill(account.password);
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContainEqual(expect.stringContaining('Kata sandi berhasil diganti.'));
    await context.close();

    // Sign in with the new password, then put the old one back for the other journeys.
    const second = await openPage(browser());
    await signIn(second.page, { ...account, password: newPassword });
    await second.page.goto('/ganti-kata-sandi');
    await second.page.getByLabel(/^Kata sandi saat ini/).fill(newPassword);
    await second.page.getByLabel(/^Kata sandi baru/).fill(account.password);
    await second.page.getByLabel(/^Ulangi kata sandi baru/).fill(account.password);
    await second.page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await expect.poll(() => second.page.getByText('Kata sandi berhasil diganti.').count()).toBe(1);
    await second.context.close();
  });
});

describe('temporary password', () => {
  test('an account created with a generated password must change it before anything else', async () => {
    const account = accounts.newcomer;
    const { context, page } = await openPage(browser());
    await page.goto('/masuk');
    await page.getByLabel('Nama pengguna').fill(account.username);
    await page.getByLabel(/^Kata sandi/).fill(account.password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ganti kata sandi' }).waitFor();
    await page.getByText('Anda masih memakai kata sandi sementara.', { exact: false }).waitFor();

    expect(await page.getByRole('navigation').getByRole('link').allInnerTexts()).toEqual([
      'Ganti kata sandi',
    ]);
    await page.goto('/simulasi'); // every other page leads back here
    await page.getByRole('heading', { level: 1, name: 'Ganti kata sandi' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/ganti-kata-sandi');

    await page.getByLabel(/^Kata sandi saat ini/).fill(account.password);
    await page.getByLabel(/^Kata sandi baru/).fill('kata-sandi-agus-2026');
    await page.getByLabel(/^Ulangi kata sandi baru/).fill('kata-sandi-agus-2026');
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await page.getByRole('link', { name: 'Kembali ke Beranda' }).click();
    await page.getByRole('heading', { level: 1, name: 'Selamat datang, Agus Pratama' }).waitFor();
    await context.close();
  });
});
