import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser, openPage, signIn } from './browser.ts';

const accounts = inject('accounts');
const BUDGET_KB = 300; // gzip JavaScript a phone downloads for one page
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Collects the JavaScript the page loads while `action` runs; returns gzip kB per file. */
async function scriptsLoaded(
  page: Page,
  action: () => Promise<void>,
): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    if (!response.url().endsWith('.js')) return;
    pending.push(
      response.body().then((body) => {
        sizes.set(new URL(response.url()).pathname, gzipSync(body, { level: 9 }).length / 1024);
      }),
    );
  });
  await action();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  return sizes;
}

const total = (sizes: Map<string, number>) => [...sizes.values()].reduce((a, b) => a + b, 0);

describe(`JavaScript budget (< ${BUDGET_KB} kB gzip)`, () => {
  test('the sign-in page', async () => {
    const { context, page } = await openPage(browser);
    const sizes = await scriptsLoaded(page, async () => {
      await page.goto('/masuk');
      await page.getByRole('button', { name: 'Masuk' }).waitFor();
    });
    console.log(`sign-in: ${total(sizes).toFixed(1)} kB gzip in ${sizes.size} files`);
    expect(total(sizes)).toBeLessThan(BUDGET_KB);
    expect([...sizes.keys()].some((file) => /ScheduleChart|SimulatorPage/.test(file))).toBe(false);
    await context.close();
  });

  test('Beranda opened directly with a session', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, accounts.petugas);
    const sizes = await scriptsLoaded(page, async () => {
      await page.reload();
      await page.getByTestId('home-role').waitFor();
    });
    console.log(`home: ${total(sizes).toFixed(1)} kB gzip in ${sizes.size} files`);
    expect(total(sizes)).toBeLessThan(BUDGET_KB);
    expect([...sizes.keys()].some((file) => /ScheduleChart|SignInPage/.test(file))).toBe(false);
    await context.close();
  });
});
