import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import type { GetModuleInfo, OutputBundle, OutputChunk } from 'rollup';

/**
 * How the build cuts the JavaScript into files. On slow 4G every request costs ~0.6 s of
 * latency and HTTP/1.1 opens at most 6 connections per host, so ~35 small chunks arrived in
 * waves; a few larger files arrive in one. The groups:
 *   - `boot`: the page's only script — boot.ts, the few small modules it needs and Vite's
 *     module-preload helper (a few kB);
 *   - `main`: the app (main.tsx and what it imports statically: React, router, Mantine's
 *     base, i18n) — loaded on every page;
 *   - `shell`: the library code and common components of the signed-in shell, of sign-in
 *     and of the first screens (Beranda, Portofolio) — one file for all of them;
 *   - `pages`: library code only the other pages use (selects, number inputs, modals, ...),
 *     one file, loaded with the first of them;
 *   - `charts`: recharts and @mantine/charts, only when a chart is shown;
 *   - `dates`: the date picker and dayjs, only for the few forms with a date field;
 *   - `menu`: the account menu (src/app/UserMenuPopover.tsx) with Mantine's Menu and popover
 *     and floating-ui under them, fetched on the menu's first use (UserMenu.tsx) and by the
 *     pages whose selects and popovers need the same code;
 *   - each page's own code stays its own chunk (rarely used pages cost nothing until opened).
 */
const CHARTS = /\/node_modules\/(recharts|@mantine\/charts)\//;
const DATES = /\/node_modules\/(@mantine\/dates|dayjs)\//;
const SHELL_SOURCES = /\/src\/(app\/|components\/|format\.ts$)/;
/** The screens boot.ts warms, and sign-in: their library code belongs in `shell`. */
const FIRST_SCREENS = /\/src\/routes\/(auth\/SignInPage|home\/HomePage|portfolio\/PortfolioPage)\.tsx$/;
/** The shell's part loaded on first use, not with the first screen. */
const MENU = /\/src\/app\/UserMenuPopover\.tsx$/;

/** The names a module imports from `specifier` (`import { A, B as C } from '...'`), or undefined for any other form. */
function namedImports(code: string, specifier: string): string[] | undefined {
  const names: string[] = [];
  for (const match of code.matchAll(/import\s*(\{[^}]*\}|[^'";]*)\s*from\s*["']([^"']+)["']/g)) {
    if (match[2] !== specifier) continue;
    if (!match[1]?.startsWith('{')) return undefined;
    names.push(...match[1].slice(1, -1).split(',').map((n) => n.trim().split(/\s+as\s+/)[0] ?? '').filter((n) => n && n !== 'type' && !n.startsWith('type ')));
  }
  return names.length > 0 ? names : undefined;
}

/**
 * The modules `roots` reach by static imports. Through a package's index that only re-exports
 * (Mantine, Tabler icons) it follows only the names actually imported, as tree-shaking will:
 * otherwise everything the index lists would count as reached.
 */
function staticClosure(roots: string[], getModuleInfo: GetModuleInfo, stop: (id: string) => boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  const visit = (id: string) => {
    if (seen.has(id) || stop(id)) return;
    seen.add(id);
    const info = getModuleInfo(id);
    for (const imported of info?.importedIds ?? []) {
      const index = getModuleInfo(imported);
      const reexports = Object.entries(index?.exportedBindings ?? {}).filter(([source]) => source !== '.');
      const specifier = imported.match(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1];
      const names = reexports.length >= 20 && specifier && info?.code ? namedImports(info.code, specifier) : undefined;
      if (!names || !index) {
        queue.push(imported);
        continue;
      }
      seen.add(imported);
      const sources = new Set(reexports.filter(([, exported]) => exported.some((n) => names.includes(n))).map(([source]) => source));
      for (const target of index.importedIds) {
        const bare = [...sources].some((source) => !source.startsWith('.') && target.includes(`/node_modules/${source}/`));
        if (bare || sources.has(`./${path.relative(path.dirname(imported), target)}`)) queue.push(target);
      }
    }
  };
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) visit(id);
  return seen;
}

function chunkGroups() {
  let groups: { boot: Set<string>; app: Set<string>; shell: Set<string>; menu: Set<string>; usedByPages: Set<string> } | undefined;
  // Every library module gets a named group: an unnamed module that a named group imports
  // would be pulled into that group (React into `charts`, every Mantine component into `main`).
  return (id: string, { getModuleIds, getModuleInfo }: { getModuleIds: () => IterableIterator<string>; getModuleInfo: GetModuleInfo }): string | undefined => {
    if (!groups) {
      const ids = [...getModuleIds()];
      const sources = ids.filter((m) => m.includes('/src/') && !m.includes('/node_modules/'));
      const closure = (roots: string[]) => staticClosure(roots, getModuleInfo, () => false);
      groups = {
        // The page's entry (index.html's script) is boot.ts and Vite's module-preload helper.
        boot: closure(ids.filter((m) => m.endsWith('/src/boot.ts') || m.endsWith('/index.html'))),
        app: closure(ids.filter((m) => m.endsWith('/src/main.tsx'))),
        shell: closure(sources.filter((m) => (SHELL_SOURCES.test(m) || FIRST_SCREENS.test(m)) && !MENU.test(m))),
        menu: closure(sources.filter((m) => MENU.test(m))),
        // Library code the app's sources reach without going through a chart library.
        usedByPages: staticClosure(sources, getModuleInfo, (m) => CHARTS.test(m)),
      };
    }
    const { boot, app, shell, menu, usedByPages } = groups;
    if (boot.has(id)) return 'boot';
    if (app.has(id)) return 'main';
    if (id.includes('/node_modules/')) {
      if (CHARTS.test(id)) return 'charts';
      if (DATES.test(id)) return 'dates';
      if (shell.has(id)) return 'shell';
      if (menu.has(id)) return 'menu';
      return usedByPages.has(id) ? 'pages' : 'charts';
    }
    if (MENU.test(id)) return 'menu';
    return SHELL_SOURCES.test(id) ? 'shell' : undefined;
  };
}

/**
 * index.html's only script is the tiny boot.ts, which imports the app (main.tsx)
 * dynamically after starting the session check. Vite preloads only static imports, so this
 * adds <link rel="modulepreload"> for the app's files, the shell's, and their stylesheets:
 * they download at once, in parallel with boot.ts, instead of after it.
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
        // Every screen but a bare error page needs the shell (sign-in too).
        for (const chunk of chunks) if (chunk.name === 'shell') visit(chunk);
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

const MERGE_REFS = path.resolve(import.meta.dirname, 'src/app/mergeRefs.ts');

/**
 * Mantine's ScrollArea takes one small hook, useMergeRefs, from @floating-ui/react; in the
 * shell (the navigation and wide tables are ScrollAreas) that import kept the whole of
 * floating-ui in the `shell` chunk, though only the account menu and other pages' popovers
 * position anything. ScrollArea gets src/app/mergeRefs.ts instead; floating-ui goes with
 * the menu (`menu`).
 */
function scrollAreaRefs(): Plugin {
  return {
    name: 'simpul-scroll-area-refs',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '@floating-ui/react' && importer && /\/@mantine\/core\/esm\/components\/ScrollArea\/ScrollArea\.mjs$/.test(importer)) return MERGE_REFS;
      return null;
    },
  };
}

const require = createRequire(import.meta.url);
const MANTINE_STYLES = path.resolve(import.meta.dirname, 'src/app/mantine.css');
const GLOBAL_STYLES = new Set(['baseline', 'default-css-variables', 'global']);

/**
 * Where a component's rules stand in Mantine's own styles.css (by its first class): the order
 * that lets a component's rules override those of what it builds on.
 */
let mantineAll: string | undefined;
function mantineOrder(name: string): number {
  const all = (mantineAll ??= readFileSync(require.resolve('@mantine/core/styles.css'), 'utf8'));
  const firstClass = readFileSync(require.resolve(`@mantine/core/styles/${name}.css`), 'utf8').match(/\.m_[0-9a-f]+/)?.[0];
  return firstClass ? all.indexOf(firstClass) : -1;
}

/**
 * src/app/mantine.css lists the Mantine component styles the app needs instead of all of
 * them; this fails the build when the app bundles a component (one of @mantine/core's
 * `X.module.css` class maps) whose `styles/X.css` is not listed — a new component cannot ship
 * unstyled — or when the list is not in styles.css's order.
 */
function mantineStyles(): Plugin {
  return {
    name: 'simpul-mantine-styles',
    apply: 'build',
    generateBundle(_options, bundle) {
      const names = [...readFileSync(MANTINE_STYLES, 'utf8').matchAll(/@mantine\/core\/styles\/([\w-]+)\.css/g)].map((m) => m[1] ?? '');
      const listed = new Set(names);
      const missing = new Set<string>();
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        for (const [id, module] of Object.entries(chunk.modules)) {
          const name = id.match(/\/@mantine\/core\/esm\/.*\/([\w-]+)\.module\.css\.mjs$/)?.[1];
          if (name && module.renderedLength > 0 && !listed.has(name)) missing.add(name);
        }
      }
      if (missing.size > 0) this.error(`src/app/mantine.css lacks the styles of ${[...missing].sort().join(', ')}: add @import '@mantine/core/styles/<name>.css'`);
      const components = names.filter((name) => !GLOBAL_STYLES.has(name));
      const sorted = [...components].sort((a, b) => mantineOrder(a) - mantineOrder(b));
      if (sorted.join() !== components.join()) this.error(`src/app/mantine.css: list the components in @mantine/core/styles.css's order: ${sorted.join(', ')}`);
    },
  };
}

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes a brotli (quality 11) and a gzip copy beside each hashed asset, which the server
 * sends instead of compressing on request (packages/server/src/http/static.ts). Quality 11
 * takes ~4 s for the main bundle — once per build, not per server start — and is ~7 %
 * smaller than the quality 9 the server can afford per request: ~17 kB less on a first visit,
 * about 0.1 s on slow 4G. Files of 1 kB or less go uncompressed, as the server sends them.
 */
function precompress(): Plugin {
  return {
    name: 'simpul-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      await Promise.all(
        Object.values(bundle)
          .filter((file) => /\.(js|css|svg|json)$/.test(file.fileName))
          .map(async (file) => {
            const body = Buffer.from(file.type === 'chunk' ? file.code : file.source);
            if (body.length <= 1024) return;
            const out = path.join(dir, file.fileName);
            const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length };
            await Promise.all([
              brotli(body, { params }).then((br) => fs.writeFile(`${out}.br`, br)),
              gzip(body, { level: 9 }).then((gz) => fs.writeFile(`${out}.gz`, gz)),
            ]);
          }),
      );
    },
  };
}

// The server serves dist/ with an SPA fallback in production; in development Vite serves the
// app and forwards /api to a local `simpul serve`.
export default defineConfig(({ command }) => ({
  plugins: [scrollAreaRefs(), react(), preloadApp(), mantineStyles(), precompress()],
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
    // The app chunk (main) and the lazy chart chunk (recharts) are each ~420–550 kB raw;
    // e2e/bundle.test.ts keeps what sign-in, Beranda and Portofolio load under 300 kB gzip.
    chunkSizeWarningLimit: 600,
    rollupOptions: { output: { manualChunks: chunkGroups() } },
  },
}));
