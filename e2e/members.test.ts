import { describe, expect, inject, test } from 'vitest';
import {
  expectNoSeriousA11yViolations,
  openPage,
  PHONE,
  signIn,
  useBrowser,
} from './browser.ts';

const accounts = inject('accounts');
const browser = useBrowser();

// Other journeys share this instance: a sequence from the clock keeps this NIK our own.
const sequence = String(1000 + (Date.now() % 9000));
/** Blora, Jati (33.16.01): a woman born 21 March 1991 (day 21 + 40 = 61). */
const NIK = `3316016103 91${sequence}`.replace(' ', '');
const NAME = `Sri Wahyuni ${sequence}`;


describe('anggota', () => {
  test('the petugas registers a member (birth-date warning), edits her phone, finds her by NIK, deposits simpanan wajib (Rp 50.000), reverses a mistaken sukarela deposit (25.000 − 25.000 = 0)', async () => {
    const { context, page } = await openPage(browser());
    await signIn(page, accounts.petugas);
    await page.getByRole('navigation').getByRole('link', { name: 'Anggota' }).click();
    await page.getByRole('heading', { level: 1, name: 'Anggota' }).waitFor();

    await page.getByRole('button', { name: 'Daftarkan anggota' }).click();
    const dialog = page.getByRole('dialog', { name: 'Daftarkan anggota' });
    await dialog.getByLabel(/^Nama lengkap/).fill(NAME);
    await dialog.getByLabel(/^NIK/).fill(NIK);
    await dialog.getByLabel(/^Tanggal lahir/).fill('1991-03-22'); // one day off: a warning, not a refusal
    await dialog.getByLabel(/^Nomor HP/).click(); // leaving the NIK field checks it at once
    await dialog.getByText('Menurut NIK: lahir 21 Mar 1991, Perempuan.').waitFor();
    await dialog.getByText('Tanggal lahir berbeda dengan yang tertera di NIK.').waitFor();
    await dialog.getByLabel(/^Nomor HP/).fill('081298765432');
    await expectNoSeriousA11yViolations(page);
    await dialog.getByRole('button', { name: 'Daftarkan anggota' }).click();

    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'terdaftar dengan nomor' });
    await notice.getByText('Tanggal lahir berbeda dengan yang tertera di NIK.').waitFor();
    await page.getByText(NIK, { exact: true }).waitFor(); // decrypted for her own cooperative
    await page.getByText('081298765432').waitFor();
    await page.locator('[data-area="member-loans"]').waitFor(); // the loans module's place on the page

    // A new phone number: only the changed field goes to the server.
    await page.getByRole('button', { name: 'Ubah data' }).click();
    const edit = page.getByRole('dialog', { name: 'Ubah data' });
    await edit.getByLabel(/^Nomor HP/).fill('085611112222');
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Perubahan data anggota tersimpan.').waitFor();
    await page.getByText('085611112222').waitFor();

    // Find her again by NIK, typed with spaces as on the card.
    await page.getByRole('link', { name: 'Kembali ke daftar anggota' }).click();
    await page
      .getByRole('searchbox', { name: 'Cari anggota' })
      .fill(`${NIK.slice(0, 6)} ${NIK.slice(6, 12)} ${NIK.slice(12)}`);
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByText('1 anggota').waitFor();
    await page.getByRole('link', { name: NAME }).click();

    const form = page.getByRole('form', { name: 'Setoran dan penarikan' });
    const chooseKind = async (kind: string) => {
      await form.getByRole('textbox', { name: 'Jenis simpanan' }).click();
      await page.getByRole('option', { name: kind }).click();
    };
    await form.getByRole('textbox', { name: /^Jumlah/ }).fill('50000');
    await form.getByRole('button', { name: 'Setor' }).click();
    await page.getByText('Setoran Simpanan wajib Rp 50.000 tercatat.').waitFor();
    await expect.poll(() => page.getByTestId('balance-wajib').textContent()).toBe('Rp 50.000');

    // A mistaken sukarela deposit is reversed with a reason, never deleted: 25,000 − 25,000 = 0.
    await chooseKind('Simpanan sukarela');
    await form.getByRole('textbox', { name: /^Jumlah/ }).fill('25000');
    await form.getByRole('button', { name: 'Setor' }).click();
    await expect.poll(() => page.getByTestId('balance-sukarela').textContent()).toBe('Rp 25.000');
    await page
      .getByRole('button', { name: /^Batalkan transaksi nomor/ })
      .last()
      .click();
    const reverse = page.getByRole('dialog', { name: /^Batalkan transaksi nomor/ });
    await reverse.getByLabel(/^Alasan pembatalan/).fill('salah jenis simpanan');
    await reverse.getByRole('button', { name: 'Batalkan' }).click();
    await expect.poll(() => page.getByTestId('balance-sukarela').textContent()).toBe('Rp 0');
    await page.getByText(/Membatalkan nomor \d+: salah jenis simpanan/).waitFor();
    expect(await page.getByTestId('balance-total').textContent()).toBe('Rp 50.000');

    // Simpanan wajib stays while she is a member: the form says so and will not send it.
    await chooseKind('Simpanan wajib');
    await form.getByText('Tarik', { exact: true }).click();
    await form
      .getByText('Simpanan pokok dan wajib baru dapat ditarik setelah anggota keluar.')
      .waitFor();
    expect(await form.getByRole('button', { name: 'Tarik' }).isDisabled()).toBe(true);
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });

  test('the pengawas reads members and savings on a phone, with no register, deposit or deactivate controls', async () => {
    const { context, page } = await openPage(browser(), PHONE);
    await signIn(page, accounts.pengawas);
    await page.goto('/anggota');
    await page.getByRole('heading', { level: 1, name: 'Anggota' }).waitFor();
    await page.getByRole('searchbox', { name: 'Cari anggota' }).fill(NAME);
    await page.getByRole('button', { name: 'Cari' }).click();
    await page.getByRole('link', { name: NAME }).click();
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await expect.poll(() => page.getByTestId('balance-wajib').textContent()).toBe('Rp 50.000');
    await page.getByRole('region', { name: 'Mutasi simpanan' }).waitFor();
    expect(await page.getByRole('button', { name: 'Daftarkan anggota' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Setoran dan penarikan' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Nonaktifkan anggota' }).count()).toBe(0);
    await context.close();
  });

  test('the Analis Dinas has no Anggota menu, and the page is closed to them', async () => {
    const { context, page } = await openPage(browser());
    await signIn(page, accounts.analyst);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Anggota' }).count()).toBe(
      0,
    );
    await page.goto('/anggota');
    expect(await page.getByRole('heading', { level: 1, name: 'Anggota' }).count()).toBe(0);
    await context.close();
  });
});
