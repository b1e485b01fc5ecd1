import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

/** The JavaScript budget of one page: gzip bytes a phone downloads (issue 9: < 300 kB). */
export const JS_BUDGET_KB = 300;

/**
 * Collects the JavaScript the page loads while `action` runs; returns gzip kB per file
 * (level 9, whatever the server sent), so the figure does not depend on server compression.
 * Shared by the e2e budget test and bench/web.bench.ts.
 */
export async function scriptsLoaded(page: Page, action: () => Promise<void>): Promise<Map<string, number>> {
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

export const totalKb = (sizes: Map<string, number>): number => [...sizes.values()].reduce((a, b) => a + b, 0);
