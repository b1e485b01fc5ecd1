import { describe, expect, inject, test } from 'vitest';
import { openPage, signIn, useBrowser } from './browser.ts';
import { JS_BUDGET_KB as BUDGET_KB, scriptsLoaded, totalKb as total } from './page-weight.ts';

const accounts = inject('accounts');
const browser = useBrowser();


describe(`JavaScript budget (< ${BUDGET_KB} kB gzip)`, () => {
  test('the sign-in page', async () => {
    const { context, page } = await openPage(browser());
    const sizes = await scriptsLoaded(page, async () => {
      await page.goto('/masuk');
      await page.getByRole('button', { name: 'Masuk' }).waitFor();
    });
    console.log(`sign-in: ${total(sizes).toFixed(1)} kB gzip in ${sizes.size} files`);
    expect(total(sizes)).toBeLessThan(BUDGET_KB);
    expect([...sizes.keys()].some((file) => /ScheduleChart|SimulatorPage/.test(file))).toBe(false);
    // English is fetched only when chosen (Bahasa Indonesia is the default).
    expect([...sizes.keys()].some((file) => /\/en-[\w-]+\.js$/.test(file))).toBe(false);
    await context.close();
  });

  test('Beranda opened directly with a session', async () => {
    const { context, page } = await openPage(browser());
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

  test('Portofolio opened directly with a session: its figures without the chart library', async () => {
    const { context, page } = await openPage(browser());
    await signIn(page, accounts.petugas);
    const sizes = await scriptsLoaded(page, async () => {
      await page.goto('/portofolio');
      await page.getByTestId('npl-gross').waitFor();
    });
    console.log(`portofolio: ${total(sizes).toFixed(1)} kB gzip in ${sizes.size} files`);
    expect(total(sizes)).toBeLessThan(BUDGET_KB);
    // A few large files, not dozens of small ones (each costs a round trip on slow 4G).
    expect(sizes.size).toBeLessThanOrEqual(6);
    expect([...sizes.keys()].some((file) => /charts-|TrendChart|SignInPage/.test(file))).toBe(false);
    await context.close();
  });
});
