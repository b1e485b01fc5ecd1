import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Reads a file below `root` named by a URL path; never one outside it. */
export function readStatic(root: string, urlPath: string): { body: Buffer; type: string } | undefined {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const file = path.resolve(root, `.${decoded}`);
  if (!file.startsWith(path.resolve(root) + path.sep)) return undefined;
  try {
    if (!fs.statSync(file).isFile()) return undefined;
    return { body: fs.readFileSync(file), type: TYPES[path.extname(file)] ?? 'application/octet-stream' };
  } catch {
    return undefined;
  }
}

type Encoding = 'br' | 'gzip';

/** The best encoding the client accepts (q > 0), brotli first; none for identity only. */
export function acceptedEncoding(header: string | undefined): Encoding | undefined {
  const accepted = new Set<string>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((p) => p.trim());
    const q = params.find((p) => p.startsWith('q='));
    if (name && (!q || Number(q.slice(2)) > 0)) accepted.add(name);
  }
  return accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : undefined;
}

const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;
/** The names the web build gives its compressed copies (packages/web/vite.config.ts, precompress). */
const SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };
/**
 * Compressed copies of the hashed assets, kept once read or made: a hashed name never
 * changes content, and the app's few dozen files hold a few MB. Without this a phone on slow
 * 4G downloads ~1.4 MB of JavaScript and CSS instead of ~0.35 MB. The build writes copies at
 * brotli's highest quality (11: ~7 % smaller than 9, too slow to make per request — ~4 s for
 * the main bundle); a file without one is compressed on first request at quality 9 (within
 * 10 % of the maximum's size at a twentieth of its time, ~0.2 s for the main bundle).
 */
const compressedAssets = new Map<string, Buffer>();

function compressed(root: string, urlPath: string, body: Buffer, encoding: Encoding): Buffer {
  const cacheKey = `${encoding}:${path.join(root, urlPath)}`;
  let out = compressedAssets.get(cacheKey);
  if (!out) {
    out = readStatic(root, `${urlPath}${SUFFIX[encoding]}`)?.body ??
      (encoding === 'br'
        ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
        : zlib.gzipSync(body, { level: 9 }));
    compressedAssets.set(cacheKey, out);
  }
  return out;
}

/**
 * Serves the built web app: hashed assets cached for a year (compressed when the client
 * accepts it), anything else falls back to index.html so the SPA's routes work on reload.
 */
export function serveWeb(c: Context, root: string): Response {
  const hit = readStatic(root, c.req.path);
  if (hit) {
    const immutable = c.req.path.startsWith('/assets/');
    const cacheControl = immutable ? 'public, max-age=31536000, immutable' : 'no-cache';
    const encoding = immutable && COMPRESSIBLE.test(hit.type) && hit.body.length > 1024 ? acceptedEncoding(c.req.header('accept-encoding')) : undefined;
    if (encoding) {
      const body = compressed(root, c.req.path, hit.body, encoding);
      return c.body(new Uint8Array(body), 200, { 'content-type': hit.type, 'cache-control': cacheControl, 'content-encoding': encoding, vary: 'accept-encoding' });
    }
    return c.body(new Uint8Array(hit.body), 200, { 'content-type': hit.type, 'cache-control': cacheControl, ...(immutable ? { vary: 'accept-encoding' } : {}) });
  }
  const index = readStatic(root, '/index.html');
  if (!index) return c.text('Simpul web app is not built: run "npm run build:web"', 503);
  return c.body(new Uint8Array(index.body), 200, { 'content-type': index.type, 'cache-control': 'no-cache' });
}
