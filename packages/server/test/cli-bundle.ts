/**
 * The `simpul` CLI as the tests start it: the same sources as bin/simpul.js, compiled once
 * per test run into one ES module instead of by tsx on every start. Under tsx each process
 * sends every module it loads (ours and node_modules') through the loader thread, which
 * made a CLI start cost ~2 s of CPU; the tests start more than a hundred of them. The
 * bundle leaves node_modules external (Node loads them itself) and keeps each source file's
 * own import.meta.url, so paths resolved from it (the web build, package.json, the
 * furnishing worker's thread file, which still loads through tsx) are the tree's.
 * cli.test.ts still starts bin/simpul.js itself, so the shim stays tested.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const SERVER = path.resolve(import.meta.dirname, '..');

/** What bin/simpul.js does after registering tsx. */
const ENTRY = `import { main } from '../src/cli/main.ts';\nprocess.exitCode = await main(process.argv);\n`;

/** Each TypeScript file's import.meta.url/dirname/filename as the file's own, not the bundle's. */
const ownImportMeta: esbuild.Plugin = {
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = fs.readFileSync(args.path, 'utf8');
      return {
        loader: 'ts',
        contents: source
          .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
          .replaceAll('import.meta.dirname', JSON.stringify(path.dirname(args.path)))
          .replaceAll('import.meta.filename', JSON.stringify(args.path)),
      };
    });
  },
};

/** Third-party packages stay external; our workspace packages (TypeScript sources) are bundled. */
const externalDependencies: esbuild.Plugin = {
  name: 'external-dependencies',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@simpul/') ? undefined : { path: args.path, external: true }));
  },
};

/** Bundles of runs that were killed before their teardown (a day old: not a run still going). */
function removeStale(cache: string): void {
  if (!fs.existsSync(cache)) return;
  for (const name of fs.readdirSync(cache)) {
    const dir = path.join(cache, name);
    if (name.startsWith('simpul-test-cli-') && Date.now() - fs.statSync(dir).mtimeMs > 86_400_000) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Builds the bundle under packages/server/node_modules/.cache (so Node resolves the
 * external packages from there as from the sources) and returns its path and a remover.
 */
export async function buildCliBundle(): Promise<{ file: string; remove(): void }> {
  const cache = path.join(SERVER, 'node_modules', '.cache');
  removeStale(cache);
  const dir = path.join(cache, `simpul-test-cli-${randomBytes(4).toString('hex')}`);
  const file = path.join(dir, 'simpul.mjs');
  await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: path.join(SERVER, 'bin'), sourcefile: 'simpul-test-cli.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: file,
    logLevel: 'warning',
    plugins: [externalDependencies, ownImportMeta],
  });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
