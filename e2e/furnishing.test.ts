import { describe, expect, inject, test } from 'vitest';
import { expectNoSeriousA11yViolations, openPage, signIn, useBrowser } from './browser.ts';

const accounts = inject('accounts');
const browser = useBrowser();


const HEADER = 'no_rekening,nik,nama_lengkap,tanggal_lahir,opened_on,plafon,baki_debet,hari_tunggakan,status';
/** Rows 2 and 4 are good; row 3 has a 15-digit NIK, so only it is rejected. */
const FILE = [
  HEADER,
  'E2E-001,3316014501900001,Sri Wahyuni,1990-01-05,2026-01-15,5.000.000,2.350.000,0,active',
  'E2E-002,331601450190001,Budi Santoso,1990-01-05,2026-02-01,3000000,1500000,0,active',
  'E2E-003,3316011203850002,Agus Salim,1985-03-12,2026-03-01,2000000,2000000,45,active',
].join('\n');

describe('Pelaporan registri', () => {
  test('a petugas sends a 3-row file: rows 2 and 4 stored, row 3 reported with its column, value and reason', async () => {
    const { context, page } = await openPage(browser());
    await signIn(page, accounts.petugas);
    await page.getByRole('navigation').getByRole('link', { name: 'Pelaporan registri' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pelaporan registri' }).waitFor();

    // As a person does it: click the file field, pick the file in the chooser.
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel('Berkas CSV atau XLSX').click()]);
    await chooser.setFiles({ name: 'oktober.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE) });
    await page.getByLabel(/^Periode \(YYYY-MM\)/).fill('2026-10');
    await page.getByRole('button', { name: 'Kirim', exact: true }).click();

    await page.getByText('2 dari 3 baris disimpan untuk periode 2026-10.').waitFor();
    const findings = page.getByRole('region', { name: 'Temuan per baris' });
    const cells = await findings.locator('tbody tr').first().locator('td').allInnerTexts();
    expect(cells.slice(0, 2)).toEqual(['3', 'nik']);
    expect(cells[3]).toBe('Kesalahan');
    await expect.poll(() => page.getByRole('link', { name: 'Unduh laporan kesalahan (CSV)' }).first().getAttribute('href')).toMatch(/\/api\/registry\/furnishing\/batches\/\d+\/issues\.csv$/);

    // The history lists the batch, and the status shows the period just sent.
    const history = page.getByRole('region', { name: 'Riwayat pengiriman' });
    await expect.poll(() => history.locator('tbody tr').first().locator('td').allInnerTexts()).toEqual(
      expect.arrayContaining(['2026-10', 'Berkas', 'oktober.csv', '2', '1']),
    );
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });
});
