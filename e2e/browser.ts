import { AxeBuilder } from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Account } from './accounts.ts';

const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '.artifacts');

export const PHONE = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

/** Debian's Chromium, headless, with a fresh profile (Playwright makes a temp user-data-dir). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
}

/**
 * The browser of a test file: launched before its tests, closed after them. Call it at the top
 * of the file (before the file's own beforeAll, which may then use it).
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('useBrowser: the browser is launched in beforeAll, use it in tests and hooks');
    return browser;
  };
}

/** A new isolated context (own cookies and localStorage) and page at the given size. */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport,
    baseURL: inject('baseURL'),
    locale: 'id-ID',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  return { context, page };
}

/** Signs in through the form and waits for the home page. */
export async function signIn(page: Page, account: Account): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel(/Nama pengguna|Username/).fill(account.username);
  await page.getByLabel(/^(Kata sandi|Password)/).fill(account.password);
  await page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(account.fullName) }).waitFor();
}

/** Clicks the ID / EN switch the way a user does (on its visible label). */
export async function chooseLanguage(page: Page, language: 'ID' | 'EN'): Promise<void> {
  await page
    .locator('label')
    .filter({ hasText: new RegExp(`^${language}$`) })
    .click();
}

/** Waits until no CSS transition or animation runs (a fading modal fails contrast checks). */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running'),
  );
}

/** Fails with the list of serious or critical axe violations on the current page. */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  await settle(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(serious).toEqual([]);
}

/** Saves a screenshot under e2e/.artifacts for a human to look at. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}
