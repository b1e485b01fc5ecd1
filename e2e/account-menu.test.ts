import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { openPage, signIn, useBrowser } from './browser.ts';

// The account menu's code (Mantine's Menu, floating-ui) is fetched on first use
// (packages/web/src/app/UserMenu.tsx), not with the first screen: the button must work the same.
const accounts = inject('accounts');
const browser = useBrowser();


const MENU_CHUNK = /\/assets\/menu-[\w-]+\.js$/;

/** Holds the menu's chunk until the returned function is called: the visitor acts before it arrives. */
async function holdMenuChunk(page: Page): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(MENU_CHUNK, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

describe('account menu loaded on first use', () => {
  test('the first screen does not fetch it; from the keyboard, before its code has arrived, it opens, closes on Escape and keeps the focus', async () => {
    const { context, page } = await openPage(browser());
    const menuChunks: string[] = [];
    page.on('request', (request) => {
      if (MENU_CHUNK.test(request.url())) menuChunks.push(request.url());
    });
    await signIn(page, accounts.petugas);
    await page.reload();
    await page.getByTestId('home-role').waitFor();
    expect(menuChunks).toEqual([]);

    const release = await holdMenuChunk(page);
    const button = page.getByRole('button', { name: /^Menu akun / });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => menuChunks.length).toBe(1);
    expect(await page.getByRole('menu').count()).toBe(0);
    release();
    await page.getByRole('menu').waitFor();
    expect(await page.getByRole('menuitem').allTextContents()).toEqual(['Ganti kata sandi', 'Keluar']);
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'hidden' });
    expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);
    // Loaded: Enter opens it at once, as before.
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    await context.close();
  });

  test('pressed before its code has arrived, it opens once the code is in', async () => {
    const { context, page } = await openPage(browser());
    await signIn(page, accounts.petugas);
    await page.reload();
    await page.getByTestId('home-role').waitFor();
    const release = await holdMenuChunk(page);
    await page.getByRole('button', { name: /^Menu akun/ }).click();
    expect(await page.getByRole('menu').count()).toBe(0);
    release();
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/masuk');
    await context.close();
  });
});
