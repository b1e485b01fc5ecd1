import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openInstance } from '../packages/server/src/instance.ts';
import { createLogger } from '../packages/server/src/logging.ts';
import { addCooperative } from '../packages/server/src/modules/cooperatives/cooperatives.service.ts';
import { createUser } from '../packages/server/src/modules/identity/identity.service.ts';
import { startServer, type RunningServer } from '../packages/server/src/server.ts';
import type { Services } from '../packages/server/src/http/context.ts';
import { DESKTOP, expectNoSeriousA11yViolations, screenshot, useBrowser } from './browser.ts';

/**
 * The recovery journey needs loans that have aged for months, so it runs its own instance in
 * this process with a clock the test moves forward (10:00 Jakarta on each date). Data is set
 * up through the HTTP API; every decision of the journey is taken in the browser.
 */
const PASSWORD = 'rahasia-penanganan-01';
let clock = Date.parse('2026-01-05T03:00:00Z');
const at = (date: string) => {
  clock = Date.parse(`${date}T03:00:00Z`);
};
let services: Services;
let server: RunningServer;
const browser = useBrowser();
let dataDir: string;
const USERS = { rina: ['Rina Petugas', 'petugas'], budi: ['Budi Pengurus', 'pengurus'], sari: ['Sari Pengurus', 'pengurus'], wati: ['Wati Pengawas', 'pengawas'] } as const;
type User = keyof typeof USERS;

async function call(cookie: string, method: string, url: string, body?: unknown): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const res = await fetch(`${server.url}${url}`, {
    method, headers: { cookie, 'content-type': 'application/json', 'x-simpul-request': '1' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text() };
}

async function cookieOf(user: User): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-simpul-request': '1' }, body: JSON.stringify({ username: user, password: PASSWORD }) });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function ok(cookie: string, method: string, url: string, body?: unknown) {
  const res = await call(cookie, method, url, body);
  expect(res.status, `${method} ${url}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

/** A browser page signed in through the form as `user`. */
async function signedIn(user: User): Promise<Page> {
  const context = await browser().newContext({ viewport: DESKTOP, baseURL: server.url, locale: 'id-ID' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto('/masuk');
  await page.getByLabel(/Nama pengguna/).fill(user);
  await page.getByLabel(/^Kata sandi/).fill(PASSWORD);
  await page.getByRole('button', { name: /^Masuk$/ }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(USERS[user][0]) }).waitFor();
  return page;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-e2e-recovery-'));
  const env = { ...process.env, SIMPUL_DATA_DIR: dataDir, SIMPUL_KEY: randomBytes(32).toString('base64') };
  services = await openInstance({ db: path.join(dataDir, 'simpul.sqlite'), env, now: () => new Date(clock), logger: createLogger({ quiet: true }) });
  const coop = await addCooperative(services, null, { code: 'KSPR', name: 'KSP Rukun Santoso' });
  for (const [username, [fullName, role]] of Object.entries(USERS)) {
    await createUser(services, null, { username, fullName, role, cooperativeId: coop.id, password: PASSWORD });
  }
  server = await startServer(services, 0);
}, 120_000);

afterAll(async () => {
  await server?.close();
  await services?.db.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Member, products and two loans of 6,000,000 over 12 months disbursed on 2026-01-05, through the API. */
async function setUp() {
  const budi = await cookieOf('budi');
  const rina = await cookieOf('rina');
  const product = (await ok(budi, 'POST', '/api/loan-products', {
    code: 'PD', name: 'Pinjaman Dagang', method: 'flat', ratePercent: 1, ratePeriod: 'month', frequency: 'monthly', minTenor: 3, maxTenor: 24, minAmount: 1_000_000,
    maxAmount: 50_000_000, installmentMultiple: null, penaltyRule: { kind: 'per_installment', basis: 'fixed', value: 25_000, graceDays: 0 },
    allocationOrder: ['penalty', 'interest', 'principal'], classificationPreset: 'ojk_bank', collateralRequired: false, active: true,
  })).product.id as number;
  const member = (await ok(rina, 'POST', '/api/members', { fullName: 'Sri Wahyuni', nik: '3316014101900001', monthlyIncome: 5_000_000 })).member.id as number;
  const loans: { id: number; loanNo: string }[] = [];
  for (const purpose of ['Modal warung', 'Modal jahit']) {
    const loan = (await ok(rina, 'POST', '/api/loans', { memberId: member, productId: product, amount: 6_000_000, tenor: 12, purpose, consentRef: 'SP-001' })).loan;
    await ok(budi, 'POST', `/api/loans/${loan.id}/approve`, {});
    await ok(budi, 'POST', `/api/loans/${loan.id}/disburse`, {});
    loans.push({ id: loan.id, loanNo: loan.loanNo });
  }
  return { member, first: loans[0]!, second: loans[1]! };
}

async function registryAccount(memberId: number, loanNo: string) {
  const report = await ok(await cookieOf('rina'), 'POST', `/api/registry/inquiries/member/${memberId}`, { purpose: 'account_review', consentRef: 'SP-001' });
  // The report masks account numbers but for their last four characters.
  return (report.accounts as { accountRef: string; status: string; history: string }[]).find((a) => a.accountRef.endsWith(loanNo.slice(-4)));
}

test('one loan from arrears through negotiation, a broken promise and a restructuring approved by a senior pengurus; another through hapus buku, a recovery and hapus tagih', async () => {
  const { member, first, second } = await setUp();

  // 2026-04-10: three instalments unpaid on each loan (DPD 64).
  at('2026-04-10');
  let page = await signedIn('rina');
  await page.goto('/penanganan');
  await page.getByRole('heading', { level: 1, name: 'Penanganan kredit' }).waitFor();
  await expect.poll(() => page.getByRole('region', { name: /Pinjaman menunggak/ }).getByRole('row').count()).toBe(3);
  await page.getByRole('button', { name: `Buka kasus ${first.loanNo}` }).click();
  await page.getByRole('heading', { level: 1, name: `Kasus ${first.loanNo} — Sri Wahyuni` }).waitFor();
  const causes = page.getByRole('region', { name: 'Sebab kredit bermasalah' });
  await causes.getByRole('textbox', { name: 'Sebab' }).click();
  await page.getByRole('option', { name: 'Usaha gagal' }).click();
  await causes.getByRole('textbox', { name: 'Catatan' }).fill('Pasar dipindah, warung sepi');
  await causes.getByRole('button', { name: 'Catat sebab' }).click();
  await causes.getByRole('listitem').filter({ hasText: 'Usaha gagal' }).waitFor();
  const log = page.getByRole('region', { name: 'Catatan negosiasi' });
  await log.getByLabel('Tanggal').fill('2026-04-10');
  await log.getByLabel('Jam (JJ:MM)').fill('10:00');
  await log.getByLabel('Tempat').fill('Rumah anggota, Desa Sumber');
  await log.getByLabel(/Keadaan anggota/).fill('Dagangan sepi sejak pasar pindah, suami sakit.');
  await log.getByLabel('Hasil').fill('Sanggup membayar Rp 500.000 tanggal 15 April.');
  await log.getByRole('button', { name: 'Simpan catatan negosiasi' }).click();
  await log.getByText('Sesuai etika penagihan').waitFor();
  const promises = page.getByRole('region', { name: 'Janji bayar' });
  await promises.getByLabel('Jumlah (Rp)').fill('500000');
  await promises.getByLabel('Tanggal janji').fill('2026-04-15');
  await promises.getByRole('button', { name: 'Catat janji bayar' }).click();
  await promises.getByText('Menunggu').waitFor();
  const caseUrl = page.url();

  // 2026-04-20: nothing paid — the promise is broken; an officer proposes rescheduling.
  at('2026-04-20');
  page = await signedIn('rina');
  await page.goto(caseUrl);
  await page.getByRole('region', { name: 'Janji bayar' }).getByText('Diingkari').waitFor();
  const options = page.getByRole('region', { name: 'Kemampuan bayar dan pilihan' });
  await options.getByLabel('Penghasilan per bulan (Rp)').fill('5000000');
  await options.getByLabel('Pengeluaran per bulan (Rp)').fill('3000000');
  await options.getByLabel(/Jangka waktu penjadwalan ulang/).fill('18');
  await options.getByRole('button', { name: 'Hitung pilihan' }).click();
  await options.getByText(/Angsuran terbesar yang terjangkau: Rp\s?1\.500\.000/).waitFor();
  await options.getByLabel('Alasan usulan').fill('Usaha mulai pulih, perlu angsuran lebih ringan');
  await options.getByRole('button', { name: 'Usulkan Jadwal ulang' }).click();
  await page.getByText('Menunggu persetujuan').waitFor();
  await screenshot(page, 'recovery-case-proposed');

  // The loan's original approver may not approve its restructuring; another pengurus does.
  page = await signedIn('budi');
  await page.goto(caseUrl);
  await page.getByRole('button', { name: 'Setujui dan laksanakan' }).click();
  await page.getByRole('alert').filter({ hasText: 'Pemberi persetujuan awal pinjaman tidak boleh menyetujui' }).waitFor();
  page = await signedIn('sari');
  await page.goto(caseUrl);
  await page.getByRole('button', { name: 'Setujui dan laksanakan' }).click();
  await page.getByText(/Dilaksanakan .*: pokok baru Rp\s?6\.[0-9.]+, 18 angsuran/).waitFor();
  await page.getByText('Direstrukturisasi', { exact: true }).first().waitFor();
  const restructured = await registryAccount(member, first.loanNo);
  expect(restructured?.status).toBe('restructured');
  expect(restructured?.history.charAt(0)).toBe('R');

  // 2026-08-10: the second loan is 186 days past due — Macet; three visits were documented.
  at('2026-08-10');
  const rina = await cookieOf('rina');
  const second_case = (await ok(rina, 'POST', '/api/recovery/cases', { loanId: second.id })).case.id as number;
  for (const metOn of ['2026-08-03', '2026-08-05', '2026-08-07']) {
    await ok(rina, 'POST', `/api/recovery/cases/${second_case}/negotiations`, {
      metOn, metTime: '10:00', place: 'Rumah anggota', attendees: [{ name: 'Sri Wahyuni', role: 'member' }], situation: 'Tidak ada penghasilan', outcome: 'Belum sanggup',
    });
  }
  page = await signedIn('rina');
  await page.goto(`/penanganan?kasus=${second_case}`);
  const writeOff = page.getByRole('region', { name: 'Hapus buku' });
  await writeOff.getByText('Memenuhi syarat hapus buku.', { exact: false }).waitFor();
  await writeOff.getByLabel('Alasan usulan hapus buku').fill('Macet lebih dari 180 hari, tiga kunjungan tanpa hasil');
  await writeOff.getByRole('button', { name: 'Usulkan hapus buku' }).click();
  await writeOff.getByText('Menunggu keputusan pengurus').waitFor();
  page = await signedIn('sari');
  await page.goto(`/penanganan?kasus=${second_case}`);
  await page.getByRole('button', { name: 'Setujui (pengurus)' }).click();
  await page.getByText('Menunggu tinjauan pengawas').waitFor();
  page = await signedIn('wati');
  await page.goto(`/penanganan?kasus=${second_case}`);
  await page.getByRole('button', { name: 'Setuju dan laksanakan (pengawas)' }).click();
  await page.getByRole('region', { name: 'Tagihan di luar neraca' }).waitFor();

  // A recovery larger than the claim is refused; 500,000 is recorded: 6,000,000 − 500,000 = 5,500,000 left.
  page = await signedIn('rina');
  await page.goto(`/penanganan?kasus=${second_case}`);
  const claim = page.getByRole('region', { name: 'Tagihan di luar neraca' });
  await claim.getByLabel('Jumlah pemulihan (Rp)').fill('7000000');
  await claim.getByLabel('No. kuitansi').fill('RB-1');
  await claim.getByRole('button', { name: 'Catat pemulihan' }).click();
  await claim.getByRole('alert').filter({ hasText: 'melebihi sisa tagihan' }).waitFor();
  await claim.getByLabel('Jumlah pemulihan (Rp)').fill('500000');
  await claim.getByRole('button', { name: 'Catat pemulihan' }).click();
  await claim.getByText(/Rp\s?5\.500\.000/).waitFor();

  // Hapus tagih: the consequence is spelled out; without the RAT record it is refused.
  page = await signedIn('budi');
  await page.goto(`/penanganan?kasus=${second_case}`);
  await page.getByRole('button', { name: 'Hapus tagih…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Hapus tagih' });
  await dialog.getByText(/tidak dapat dibatalkan/).waitFor();
  await dialog.getByLabel('Saya mengerti dan keputusan RAT sudah ada').check();
  await dialog.getByRole('button', { name: 'Hapus tagih sekarang' }).click();
  await dialog.getByRole('alert').filter({ hasText: 'keputusan RAT' }).waitFor();
  await dialog.getByLabel('Tanggal RAT').fill('2026-07-30');
  await dialog.getByLabel('Nomor keputusan RAT').fill('RAT/2026/03');
  await dialog.getByLabel('Anggota hadir').fill('45');
  await dialog.getByLabel('Kuorum').fill('40');
  await dialog.getByRole('button', { name: 'Hapus tagih sekarang' }).click();
  await page.getByText(/Dihapus tagih .* berdasarkan keputusan RAT RAT\/2026\/03/).waitFor();
  await screenshot(page, 'recovery-forgiven');
  const forgiven = await registryAccount(member, second.loanNo);
  expect(forgiven?.status).toBe('forgiven');
  expect(forgiven?.history.charAt(0)).toBe('F');

  await expectNoSeriousA11yViolations(page);
  await page.goto('/penanganan');
  await page.getByRole('tab', { name: 'Laporan' }).click();
  await page.getByRole('heading', { name: 'Corong penyelesaian' }).waitFor();
  await page.getByRole('row', { name: /Hapus tagih 1/ }).waitFor();
  await page.getByText('500.000 dari Rp 6.000.000 yang dihapus buku', { exact: false }).waitFor();
  await expectNoSeriousA11yViolations(page);
  const accounts = await ok(await cookieOf('wati'), 'GET', '/api/recovery/accounts');
  expect(accounts.totals).toMatchObject({ writtenOff: 6_000_000, recovered: 500_000, forgiven: 5_500_000, offBalance: 0, reconciles: true });
}, 240_000);
