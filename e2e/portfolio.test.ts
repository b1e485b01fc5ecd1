import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, expectNoSeriousA11yViolations, PHONE, screenshot, useBrowser } from './browser.ts';

/**
 * The portfolio journey runs against its own instance loaded with a small demo district
 * (3 cooperatives, seed 5: BLR03 is the troubled one), so its loans and cooperatives touch
 * no other journey's data.
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'packages/server/bin/simpul.js');
const DEMO_PASSWORD = 'simpul-demo-2026';

const browser = useBrowser();
let server: ChildProcess;
let baseURL: string;
let dataDir: string;

function simpul(env: NodeJS.ProcessEnv, ...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 150_000 });
  if (r.status !== 0) throw new Error(`simpul ${args.join(' ')} failed: ${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

async function freePort(): Promise<number> {
  const probe = net.createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-e2e-portfolio-'));
  const env: NodeJS.ProcessEnv = { ...process.env, SIMPUL_DATA_DIR: dataDir, SIMPUL_CLOSE_OF_DAY: 'off' };
  delete env.SIMPUL_DATABASE_URL;
  simpul(env, 'init', '--admin-password', 'admin-rahasia-01');
  simpul(env, 'demo', '--cooperatives', '3', '--members', '25', '--seed', '5');
  const port = await freePort();
  server = spawn(process.execPath, [CLI, 'serve', '--port', String(port)], { cwd: ROOT, env, stdio: 'ignore' });
  baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ok = await fetch(`${baseURL}/api/health`).then((r) => r.ok).catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('the portfolio instance did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}, 180_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signedIn(username: string, viewport: { width: number; height: number } = DESKTOP) {
  const context = await browser().newContext({ viewport, baseURL, locale: 'id-ID' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto('/masuk');
  await page.getByLabel(/Nama pengguna/).fill(username);
  await page.getByLabel(/^Kata sandi/).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /^Masuk$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/masuk'));
  await page.getByRole('heading', { level: 1 }).waitFor();
  return { context, page };
}

/** The API's figure, formatted as the page formats it (id-ID, two decimals). */
function percent(fraction: number, digits = 2): string {
  return new Intl.NumberFormat('id-ID', { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction);
}

describe('Portofolio', () => {
  test('the pengurus of the troubled cooperative sees gross NPL above the 5 % line, as the API computes it, with its health band', async () => {
    const { context, page } = await signedIn('pengurus.blr03');
    await page.getByRole('navigation').getByRole('link', { name: 'Portofolio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Portofolio' }).waitFor();
    const api = (await (await page.request.get('/api/portfolio')).json()) as { ratios: { nplGross: number; healthBand: string; loanCount: number } };
    expect(api.ratios.nplGross).toBeGreaterThan(0.05);
    await expect.poll(() => page.getByTestId('npl-gross').innerText()).toBe(`NPL bruto ${percent(api.ratios.nplGross)} terhadap batas ${percent(0.05)}`);
    await page.getByText('Di atas batas 5 %').waitFor();
    const band = { sehat: 'Sehat', cukup_sehat: 'Cukup Sehat', kurang_sehat: 'Kurang Sehat', tidak_sehat: 'Tidak Sehat' }[api.ratios.healthBand] ?? '?';
    await page.getByText(band, { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Tren 12 bulan (akhir bulan)' }).waitFor();
    const trendRows = await page.getByRole('region', { name: 'Tren 12 bulan (akhir bulan)' }).locator('tbody tr').count();
    expect(trendRows).toBeGreaterThanOrEqual(12);
    const classes = await page.getByRole('region', { name: 'Per kolektibilitas' }).locator('tbody tr').allInnerTexts();
    expect(classes.join('\n')).toMatch(/Macet \(M\)/);
    await screenshot(page, 'portfolio-troubled');
    await expectNoSeriousA11yViolations(page);
    await context.close();
  });

  test('a careful cooperative is within the 5 % line; on a phone the figures stack and stay readable', async () => {
    const { context, page } = await signedIn('pengawas.blr01', PHONE);
    await page.goto('/portofolio');
    await page.getByRole('heading', { level: 1, name: 'Portofolio' }).waitFor();
    const api = (await (await page.request.get('/api/portfolio')).json()) as { ratios: { nplGross: number } };
    expect(api.ratios.nplGross).toBeLessThanOrEqual(0.05);
    await expect.poll(() => page.getByTestId('npl-gross').innerText()).toBe(`NPL bruto ${percent(api.ratios.nplGross)} terhadap batas ${percent(0.05)}`);
    await page.getByText('Dalam batas 5 %').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'portfolio-phone');
    await context.close();
  });

  test('the Dinas analyst has no Portofolio page (the Dinas view is the supervision dashboard)', async () => {
    const { context, page } = await signedIn('analis');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Portofolio' }).count()).toBe(0);
    expect((await page.request.get('/api/portfolio')).status()).toBe(403);
    await context.close();
  });
});
