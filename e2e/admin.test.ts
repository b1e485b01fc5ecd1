import { describe, expect, inject, test } from 'vitest';
import { openPage, signIn, useBrowser } from './browser.ts';

const accounts = inject('accounts');
const browser = useBrowser();


describe('cooperatives', () => {
  test('the Admin Dinas registers a cooperative; a duplicate code is refused next to the field', async () => {
    const { context, page } = await openPage(browser());
    await signIn(page, accounts.admin);
    await page.getByRole('navigation').getByRole('link', { name: 'Koperasi' }).click();
    await page.getByRole('cell', { name: 'KSP Maju Bersama', exact: true }).waitFor();

    for (const attempt of ['first', 'duplicate']) {
      await page.getByRole('button', { name: 'Tambah koperasi' }).click();
      const dialog = page.getByRole('dialog', { name: 'Tambah koperasi' });
      await dialog.getByLabel(/^Kode/).fill('ksu07');
      await dialog.getByLabel(/^Nama koperasi/).fill('KSU Sido Makmur');
      await dialog.getByRole('button', { name: 'Simpan' }).click();
      if (attempt === 'first') {
        await dialog.waitFor({ state: 'hidden' });
        await page.getByRole('cell', { name: 'KSU Sido Makmur', exact: true }).waitFor();
      } else {
        await dialog.getByText('Kode koperasi "KSU07" sudah dipakai.').waitFor();
        await dialog.getByRole('button', { name: 'Batal' }).click();
      }
    }
    await context.close();
  });

  test('the Analis Dinas sees the list but cannot add', async () => {
    const { context, page } = await openPage(browser());
    await signIn(page, accounts.analyst);
    await page.getByRole('navigation').getByRole('link', { name: 'Koperasi' }).click();
    await page.getByRole('cell', { name: 'KSP Maju Bersama', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Tambah koperasi' }).count()).toBe(0);
    await context.close();
  });
});

describe('users', () => {
  test('a pengurus adds a petugas to their cooperative, disables them, and they can no longer sign in', async () => {
    const { context, page } = await openPage(browser());
    await signIn(page, accounts.pengurus);
    await page.getByRole('navigation').getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('cell', { name: 'pengurus1', exact: true }).waitFor();
    expect(await page.getByRole('cell', { name: 'analis' }).count()).toBe(0); // Dinas accounts are not theirs

    await page.getByRole('button', { name: 'Tambah pengguna' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah pengguna' });
    await dialog.getByLabel(/^Nama pengguna/).fill('petugas2');
    await dialog.getByLabel(/^Nama lengkap/).fill('Rina Kartika');
    await dialog.getByLabel(/^Kata sandi awal/).fill('sementara-123');
    expect(await dialog.getByLabel(/^Koperasi/).count()).toBe(0); // always their own
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /petugas2/ });
    await row.getByText('Aktif', { exact: true }).waitFor();

    await row.getByRole('button', { name: 'Nonaktifkan petugas2' }).click();
    const confirm = page.getByRole('dialog', { name: 'Nonaktifkan pengguna' });
    await confirm.getByRole('button', { name: 'Nonaktifkan' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.getByText('Nonaktif', { exact: true }).waitFor();
    // Cannot disable oneself: no button on the own row.
    expect(await page.getByRole('button', { name: 'Nonaktifkan pengurus1' }).count()).toBe(0);
    await context.close();

    const other = await openPage(browser());
    await other.page.goto('/masuk');
    await other.page.getByLabel('Nama pengguna').fill('petugas2');
    await other.page.getByLabel(/^Kata sandi/).fill('sementara-123');
    await other.page.getByRole('button', { name: 'Masuk' }).click();
    await expect
      .poll(() => other.page.getByRole('alert').textContent())
      .toContain('Akun ini dinonaktifkan.');
    await other.context.close();
  });
});
