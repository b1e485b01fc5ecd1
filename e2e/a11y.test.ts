import { describe, expect, inject, test } from 'vitest';
import {
  DESKTOP,
  expectNoSeriousA11yViolations,
  openPage,
  PHONE,
  screenshot,
  signIn,
  useBrowser,
} from './browser.ts';

const accounts = inject('accounts');
const browser = useBrowser();


describe('accessibility (axe: no serious or critical violations) and screenshots', () => {
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    test(`sign-in and Beranda at ${size} size`, async () => {
      const { context, page } = await openPage(browser(), viewport);
      await page.goto('/masuk');
      await page.getByRole('heading', { level: 1, name: 'Masuk ke Simpul' }).waitFor();
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `sign-in-${size}`);

      await signIn(page, accounts.pengurus);
      await expectNoSeriousA11yViolations(page);
      await screenshot(page, `home-${size}`);
      await context.close();
    });
  }

  test('sign-in with an error shown', async () => {
    const { context, page } = await openPage(browser(), PHONE);
    await page.goto('/masuk');
    await page.getByLabel('Nama pengguna').fill('siapa');
    await page.getByLabel(/^Kata sandi/).fill('salah');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'sign-in-error-phone');
    await context.close();
  });

  test('the open phone menu, users and cooperatives pages', async () => {
    const { context, page } = await openPage(browser(), PHONE);
    await signIn(page, accounts.admin);
    await page.getByRole('button', { name: 'Buka menu' }).click();
    await page
      .getByRole('navigation')
      .getByRole('link', { name: 'Pengguna' })
      .waitFor({ state: 'visible' });
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'menu-phone', false);
    await page.getByRole('navigation').getByRole('link', { name: 'Pengguna' }).click();
    await page.getByRole('cell', { name: 'pengurus1', exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await screenshot(page, 'users-phone');
    await context.close();

    const desktop = await openPage(browser(), DESKTOP);
    await signIn(desktop.page, accounts.admin);
    await desktop.page.goto('/koperasi');
    await desktop.page.getByRole('cell', { name: 'KSP Maju Bersama', exact: true }).waitFor();
    await expectNoSeriousA11yViolations(desktop.page);
    await desktop.page.getByRole('button', { name: 'Tambah koperasi' }).click();
    await desktop.page.getByRole('dialog').waitFor();
    await expectNoSeriousA11yViolations(desktop.page);
    await screenshot(desktop.page, 'add-cooperative-desktop');
    await desktop.context.close();
  });

  test('keyboard: the skip link comes first and every control shows where focus is', async () => {
    const { context, page } = await openPage(browser());
    await signIn(page, accounts.admin);
    await page.reload();
    await page.getByTestId('home-role').waitFor();
    const seen: string[] = [];
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const visible =
          (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') ||
          style.boxShadow !== 'none';
        return {
          name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40),
          visible,
        };
      });
      if (!focused) continue;
      seen.push(focused.name);
      expect(focused.visible, `no visible focus on "${focused.name}"`).toBe(true);
    }
    expect(seen[0]).toBe('Lewati ke konten utama');
    expect(seen).toContain('Simulasi angsuran');
    await context.close();
  });
});
