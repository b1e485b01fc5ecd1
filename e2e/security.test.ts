import { describe, expect, inject, test } from 'vitest';
import { openPage, signIn, useBrowser } from './browser.ts';

const accounts = inject('accounts');
const browser = useBrowser();

// Other journeys share this instance: a sequence from the clock keeps this NIK our own.
const sequence = String(1000 + ((Date.now() + 4321) % 9000));
/** Blora, Jati (33.16.01): a woman born 5 January 1990 (day 05 + 40 = 45). */
const NIK = `331601450190${sequence}`;
/** Markup that would run if the page put a member's name into HTML unescaped. */
const HOSTILE = `<img src=x onerror="window.__xss=1"><script>window.__xss=1</script> Siti ${sequence}`;


describe('output escaping in the web app', () => {
  test('a member named <script>/<img onerror> shows as those characters on the member list and page, and nothing runs', async () => {
    const { context, page } = await openPage(browser());
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await signIn(page, accounts.petugas);
    const created = await page.request.post('/api/members', {
      headers: { 'x-simpul-request': '1' },
      data: { fullName: HOSTILE, nik: NIK, birthDate: '1990-01-05' },
    });
    expect(created.status(), await created.text()).toBe(201);
    const memberId = ((await created.json()) as { member?: { id: number }; id?: number }).member?.id;

    await page.goto(`/anggota?q=${encodeURIComponent(sequence)}`);
    await page.getByText(HOSTILE, { exact: true }).first().waitFor();
    await page.goto(`/anggota/${memberId}`);
    await page.getByRole('heading', { level: 1, name: HOSTILE }).waitFor();

    const injected = await page.evaluate(() => ({
      ran: (window as unknown as { __xss?: number }).__xss ?? null,
      images: document.querySelectorAll('img[src="x"]').length,
      scripts: Array.from(document.querySelectorAll('script')).filter((s) => s.textContent?.includes('__xss')).length,
    }));
    expect(injected).toEqual({ ran: null, images: 0, scripts: 0 });
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
