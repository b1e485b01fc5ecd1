import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request, type APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Services } from '../packages/server/src/http/context.ts';
import { openInstance } from '../packages/server/src/instance.ts';
import { createLogger } from '../packages/server/src/logging.ts';
import { addCooperative } from '../packages/server/src/modules/cooperatives/cooperatives.service.ts';
import { createUser } from '../packages/server/src/modules/identity/identity.service.ts';
import { startServer, type RunningServer } from '../packages/server/src/server.ts';
import { DESKTOP, expectNoSeriousA11yViolations, openPage, signIn, useBrowser } from './browser.ts';

const accounts = inject('accounts');
const baseURL = inject('baseURL');
const browser = useBrowser();

/** The month the dashboard checks: the one before today's (the server's business month). */
function lastMonth(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

const LIST = [
  'kode,nama,jenis,kecamatan,jumlah_anggota,tahun_rat_terakhir,ikut_registri,status,alasan_status',
  'SUP01,KSP Sumber Rejeki,KSP,Jati,120,2025,ya,aktif,',
  'SUP02,KSP Tani Jaya,KSP,Cepu,80,2025,ya,aktif,',
  'SUP03,KSP Amanah Sehat,KSP,Blora,60,2025,ya,aktif,',
  'SUP04,Koperasi Lama Tidur,KSU,Jepon,15,2019,tidak,tidak aktif,Tidak ada kegiatan sejak 2020',
].join('\n');

const ACCOUNT_HEADER = 'no_rekening,nik,nama_lengkap,tanggal_lahir,opened_on,plafon,baki_debet,hari_tunggakan,status';
/** NPL: SUP01 6,000,000 ÷ 10,000,000 = 60 %; SUP02 1,000,000 ÷ 10,000,000 = 10 %; SUP03 0 %. */
const BOOKS: Record<string, [string, number, number][]> = {
  SUP01: [['R1', 4_000_000, 0], ['R2', 6_000_000, 200]],
  SUP02: [['T1', 9_000_000, 0], ['T2', 1_000_000, 120]],
  SUP03: [['A1', 5_000_000, 0]],
};

async function apiAs(username: string, password: string): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL, extraHTTPHeaders: { 'x-simpul-request': '1' } });
  const res = await ctx.post('/api/auth/sign-in', { data: { username, password } });
  if (res.status() !== 200) throw new Error(`sign-in ${username}: ${res.status()}`);
  return ctx;
}

/** The Dinas's list imported, and each cooperative's petugas furnishing its month. */
async function seedDistrict(): Promise<void> {
  const admin = await apiAs(accounts.admin.username, accounts.admin.password);
  const imported = await admin.post('/api/cooperatives/import?fileName=daftar.csv', { headers: { 'content-type': 'text/csv' }, data: Buffer.from(LIST) });
  expect(imported.status()).toBe(200);
  const { items } = (await (await admin.get('/api/cooperatives')).json()) as { items: { id: number; code: string }[] };
  for (const [code, rows] of Object.entries(BOOKS)) {
    const id = items.find((c) => c.code === code)?.id;
    const username = `petugas-${code.toLowerCase()}`;
    const created = await admin.post('/api/users', { data: { username, fullName: `Petugas ${code}`, role: 'petugas', cooperativeId: id, password: 'petugas-sup-rahasia-1' } });
    expect(created.status()).toBe(201);
    const petugas = await apiAs(username, 'petugas-sup-rahasia-1');
    const file = [ACCOUNT_HEADER, ...rows.map(([ref, outstanding, dpd], i) => `${code}-${ref},33160145019${String(i + 1).padStart(5, '0')},Sri Wahyuni,1990-01-05,2025-01-15,20000000,${outstanding},${dpd},active`)].join('\n');
    const res = await petugas.post(`/api/registry/furnishing/files?period=${lastMonth()}&fileName=${code}.csv`, { headers: { 'content-type': 'text/csv' }, data: Buffer.from(file) });
    expect(await res.json()).toMatchObject({ accepted: rows.length, rejected: 0 });
    await petugas.dispose();
  }
  await admin.dispose();
}

beforeAll(async () => {
  await seedDistrict();
});

describe('Pengawasan (Dinas)', () => {
  test('the analyst sees the district, opens the worst cooperative, downloads the list above 5 %, and cannot reach member data', async () => {
    const { context, page } = await openPage(browser());
    await signIn(page, accounts.analyst);
    await page.getByRole('navigation').getByRole('link', { name: 'Pengawasan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pengawasan' }).waitFor();

    // Above 5 %, worst first: SUP01 (60 %) then SUP02 (10 %); SUP03 (0 %) is not listed.
    const above = page.getByRole('region', { name: 'Koperasi dengan NPL di atas 5 % (terburuk di atas)' });
    await expect.poll(() => above.locator('tbody tr td:first-child a').allInnerTexts()).toEqual(['KSP Sumber Rejeki', 'KSP Tani Jaya']);
    await expect.poll(() => above.locator('tbody tr').first().locator('td').nth(3).innerText()).toBe('60,00%');
    await expectNoSeriousA11yViolations(page);
    // Causes of problem loans: these cooperatives only furnish files, so there are no cases yet.
    await page.getByRole('region', { name: 'Sebab kredit bermasalah' }).getByText('Belum ada kasus kredit bermasalah tercatat.').waitFor();

    // Every cooperative, a page at a time: the server searches, filters and orders.
    const all = page.getByRole('region', { name: 'Semua koperasi' });
    const search = page.getByRole('search', { name: 'Cari kode atau nama' });
    const choose = async (label: string, option: string) => {
      await search.getByRole('textbox', { name: label }).click();
      await page.getByRole('option', { name: option, exact: true }).click();
    };
    await search.getByRole('searchbox', { name: 'Cari kode atau nama' }).fill('sup');
    await search.getByRole('button', { name: 'Cari' }).click();
    await expect.poll(() => page.getByTestId('cooperatives-count').innerText()).toBe('4 koperasi');
    await choose('Urutkan menurut', 'NPL bruto');
    await choose('Arah', 'Turun');
    // NPL 60 %, 10 %, then 0 % (SUP03) and no loans (SUP04), by code.
    await expect.poll(() => all.locator('tbody tr td:first-child a').allInnerTexts()).toEqual(['KSP Sumber Rejeki', 'KSP Tani Jaya', 'KSP Amanah Sehat', 'Koperasi Lama Tidur']);
    await choose('Kecamatan', 'Cepu');
    await expect.poll(() => all.locator('tbody tr td:first-child a').allInnerTexts()).toEqual(['KSP Tani Jaya']);
    await choose('Kecamatan', 'Semua');
    await choose('Kesehatan', 'Tidak Sehat');
    await expect.poll(() => all.locator('tbody tr td:first-child a').allInnerTexts()).toEqual(['KSP Sumber Rejeki']);

    // The list above 5 % as a file, as the person downloads it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Unduh Koperasi dengan NPL di atas 5 % (terburuk di atas) (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('koperasi-npl-di-atas-5-persen.csv');
    const csv = fs.readFileSync((await download.path()) ?? '', 'utf8');
    const codes = csv.trim().split(/\r\n/).slice(1).map((line) => line.split(',')[0]);
    expect(codes.filter((c) => c?.startsWith('SUP'))).toEqual(['SUP01', 'SUP02']);

    // The worst cooperative's page: its own figures, no account or member.
    await above.getByRole('link', { name: 'KSP Sumber Rejeki' }).click();
    await page.getByRole('heading', { level: 1, name: 'KSP Sumber Rejeki' }).waitFor();
    await expect.poll(() => page.getByTestId('npl-gross').innerText()).toBe('60,00% terhadap batas 5%');
    expect(await page.getByText('SUP01-R2').count()).toBe(0);
    expect(await page.getByText('Sri Wahyuni').count()).toBe(0);

    // Member-level data: every such API route refuses the analyst's session, and the page is not theirs.
    const doc = (await (await page.request.get('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const memberPaths = Object.entries(doc.paths).filter(([p, ops]) => /members|loans|inquiries|report/i.test(p) && 'get' in ops).map(([p]) => p.replace(/\{[^}]+\}/g, '1'));
    expect(memberPaths.length).toBeGreaterThan(3);
    for (const path of memberPaths) expect([403, 404], path).toContain((await page.request.get(path)).status());
    await page.goto('/anggota');
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    await page.goto('/pinjaman');
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    await context.close();
  });

  test('the Admin Dinas marks a cooperative inactive with a reason; the list shows the reason', async () => {
    const { context, page } = await openPage(browser());
    await signIn(page, accounts.admin);
    await page.getByRole('navigation').getByRole('link', { name: 'Koperasi', exact: true }).click();
    await page.getByRole('button', { name: 'Ubah data KSP Amanah Sehat' }).click();
    await page.getByRole('menuitem', { name: 'Ubah status' }).click();
    const dialog = page.getByRole('dialog', { name: 'Status KSP Amanah Sehat' });
    await dialog.getByLabel(/^Alasan/).fill('Tidak RAT dua tahun berturut-turut');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Tidak RAT dua tahun berturut-turut').waitFor();
    await context.close();
  });
});

/**
 * Causes need recovery cases, and cases need loans that have aged: this runs its own
 * instance in this process with a clock the test moves forward. A petugas records a cause
 * through the API; the analyst sees the district's causes chart and its table in the browser.
 */
describe('Pengawasan: sebab kredit bermasalah', () => {
  const PASSWORD = 'rahasia-sebab-kredit-01';
  let clock = Date.parse('2026-01-05T03:00:00Z');
  let services: Services;
  let server: RunningServer;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-e2e-causes-'));
    const env = { ...process.env, SIMPUL_DATA_DIR: dataDir, SIMPUL_KEY: randomBytes(32).toString('base64') };
    services = await openInstance({ db: path.join(dataDir, 'simpul.sqlite'), env, now: () => new Date(clock), logger: createLogger({ quiet: true }) });
    const coop = await addCooperative(services, null, { code: 'KSPC', name: 'KSP Cahaya' });
    for (const [username, role] of [['rina', 'petugas'], ['budi', 'pengurus']] as const) await createUser(services, null, { username, fullName: username, role, cooperativeId: coop.id, password: PASSWORD });
    await createUser(services, null, { username: 'dewi', fullName: 'Dewi Analis', role: 'dinas_analyst', cooperativeId: null, password: PASSWORD });
    server = await startServer(services, 0);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await services?.db.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function as(username: string): Promise<APIRequestContext> {
    const ctx = await request.newContext({ baseURL: server.url, extraHTTPHeaders: { 'x-simpul-request': '1' } });
    expect((await ctx.post('/api/auth/sign-in', { data: { username, password: PASSWORD } })).status()).toBe(200);
    return ctx;
  }
  async function ok(ctx: APIRequestContext, url: string, data: unknown) {
    const res = await ctx.post(url, { data });
    expect(res.status(), `${url}: ${await res.text()}`).toBeLessThan(300);
    return res.json();
  }

  test('a case with the cause "Usaha gagal" shows on the district dashboard as a bar and a row', async () => {
    const [budi, rina] = [await as('budi'), await as('rina')];
    const product = (await ok(budi, '/api/loan-products', {
      code: 'PU', name: 'Pinjaman Umum', method: 'flat', ratePercent: 1, ratePeriod: 'month', frequency: 'monthly', minTenor: 3, maxTenor: 24, minAmount: 1_000_000,
      maxAmount: 50_000_000, installmentMultiple: null, penaltyRule: { kind: 'none' }, allocationOrder: ['penalty', 'interest', 'principal'], classificationPreset: 'ojk_bank', collateralRequired: false, active: true,
    })).product.id as number;
    const member = (await ok(rina, '/api/members', { fullName: 'Sri Wahyuni', nik: '3316014101900001', monthlyIncome: 5_000_000 })).member.id as number;
    const loan = (await ok(rina, '/api/loans', { memberId: member, productId: product, amount: 6_000_000, tenor: 12, purpose: 'Modal warung', consentRef: 'SP-001' })).loan;
    await ok(budi, `/api/loans/${loan.id}/approve`, {});
    await ok(budi, `/api/loans/${loan.id}/disburse`, {});
    clock = Date.parse('2026-04-10T03:00:00Z'); // three instalments unpaid
    const petugas = await as('rina');
    const caseId = (await ok(petugas, '/api/recovery/cases', { loanId: loan.id })).case.id as number;
    await ok(petugas, `/api/recovery/cases/${caseId}/causes`, { code: 'business_failure', note: 'Pasar dipindah' });
    for (const ctx of [budi, rina, petugas]) await ctx.dispose();

    const context = await browser().newContext({ viewport: DESKTOP, baseURL: server.url, locale: 'id-ID' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await signIn(page, { username: 'dewi', password: PASSWORD, fullName: 'Dewi Analis', role: 'dinas_analyst' });
    await page.goto('/pengawasan');
    const causes = page.getByRole('region', { name: 'Sebab kredit bermasalah' });
    await causes.getByTestId('causes-chart').locator('svg').first().waitFor();
    await expect.poll(() => causes.getByRole('row', { name: /Usaha gagal/ }).innerText()).toMatch(/Usaha gagal\s+1\s+1\s+6\.000\.000/);
    expect(await page.getByText('Sri Wahyuni').count()).toBe(0);
    await context.close();
  });
});
