import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import type { GetModuleInfo, OutputBundle, OutputChunk } from 'rollup';

/**
 * How the build cuts the JavaScript into files. On slow 4G every request costs ~0.6 s of
 * latency and HTTP/1.1 opens at most 6 connections per host, so ~35 small chunks arrived in
 * waves; a few larger files arrive in one. The groups:
 *   - `boot`: boot.ts, the page's script, and the few small modules it needs;
 *   - `main`: the app (main.tsx and what it imports statically: React, router, Mantine's
 *     base, i18n) — loaded on every page;
 *   - `shell`: the rest of the library code the pages use (Mantine components, icons) and
 *     the common components — one file for every signed-in page and the sign-in page;
 *   - `charts`: recharts and @mantine/charts, only when a chart is shown;
 *   - `dates`: the date picker and dayjs, only for the few forms with a date field;
 *   - each page's own code stays its own chunk (rarely used pages cost nothing until opened).
 */
const CHARTS = /\/node_modules\/(recharts|@mantine\/charts)\//;
const DATES = /\/node_modules\/(@mantine\/dates|dayjs)\//;
const SHELL_SOURCES = /\/src\/(app|components)\//;

function staticClosure(roots: string[], getModuleInfo: GetModuleInfo, stop: (id: string) => boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id) || stop(id)) continue;
    seen.add(id);
    queue.push(...(getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

function chunkGroups() {
  let groups: { boot: Set<string>; app: Set<string>; usedByPages: Set<string> } | undefined;
  // Every group is named: an unnamed module that a named group imports would be pulled into
  // that group (React into `shell`, boot.ts's helpers into the app).
  return (id: string, { getModuleIds, getModuleInfo }: { getModuleIds: () => IterableIterator<string>; getModuleInfo: GetModuleInfo }): string | undefined => {
    if (!groups) {
      const ids = [...getModuleIds()];
      const closure = (suffix: string) => staticClosure(ids.filter((m) => m.endsWith(suffix)), getModuleInfo, () => false);
      groups = {
        boot: closure('/src/boot.ts'),
        app: closure('/src/main.tsx'),
        // Library code the app's sources reach without going through a chart library.
        usedByPages: staticClosure(ids.filter((m) => m.includes('/src/') && !m.includes('/node_modules/')), getModuleInfo, (m) => CHARTS.test(m)),
      };
    }
    const { boot, app, usedByPages } = groups;
    if (boot.has(id)) return 'boot';
    if (app.has(id)) return 'main';
    if (id.includes('/node_modules/')) {
      if (CHARTS.test(id)) return 'charts';
      if (DATES.test(id)) return 'dates';
      return usedByPages.has(id) ? 'shell' : 'charts';
    }
    return SHELL_SOURCES.test(id) ? 'shell' : undefined;
  };
}

/**
 * index.html's only script is the tiny boot.ts, which imports the app (main.tsx)
 * dynamically after starting the session check. Vite preloads only static imports, so this
 * adds <link rel="modulepreload"> for the app's files and its stylesheet: they download at
 * once, in parallel with boot.ts, instead of after it.
 */
function preloadApp(): Plugin {
  return {
    name: 'simpul-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return [];
        const chunks = Object.values(bundle as OutputBundle).filter((c): c is OutputChunk => c.type === 'chunk');
        const main = chunks.find((c) => c.moduleIds.some((id) => id.endsWith('/src/main.tsx')));
        if (!main) throw new Error('preloadApp: no chunk for src/main.tsx');
        const files = new Set<string>();
        const visit = (chunk: OutputChunk) => {
          if (files.has(chunk.fileName) || chunk.isEntry) return;
          files.add(chunk.fileName);
          for (const name of chunk.imports) {
            const imported = bundle[name];
            if (imported?.type === 'chunk') visit(imported);
          }
        };
        visit(main);
        const css = new Set([...files].flatMap((file) => [...((bundle[file] as OutputChunk).viteMetadata?.importedCss ?? [])]));
        const absent = (href: string) => !html.includes(`/${href}"`);
        return [
          ...[...css].filter(absent).map((href) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `/${href}` }, injectTo: 'head' as const })),
          ...[...files].filter(absent).map((href) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${href}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

// The server serves dist/ with an SPA fallback in production; in development Vite serves the
// app and forwards /api to a local `simpul serve`.
export default defineConfig(({ command }) => ({
  plugins: [react(), preloadApp()],
  // A build is always a production build, even from a shell (or vitest) with NODE_ENV=test:
  // otherwise React's development build, 60 kB gzip heavier, would ship.
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The app chunk and the lazy chart chunk (recharts) are each ~400–500 kB raw;
    // e2e/bundle.test.ts keeps what sign-in and Beranda load under 300 kB gzip.
    chunkSizeWarningLimit: 600,
    rollupOptions: { output: { manualChunks: chunkGroups() } },
  },
}));
