import fs from 'node:fs';
import path from 'node:path';
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

/**
 * Serves the built web app: hashed assets cached for a year, anything else falls back to
 * index.html so the SPA's routes work on reload.
 */
export function serveWeb(c: Context, root: string): Response {
  const hit = readStatic(root, c.req.path);
  if (hit) {
    const immutable = c.req.path.startsWith('/assets/');
    return c.body(new Uint8Array(hit.body), 200, {
      'content-type': hit.type,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
  }
  const index = readStatic(root, '/index.html');
  if (!index) return c.text('Simpul web app is not built: run "npm run build:web"', 503);
  return c.body(new Uint8Array(index.body), 200, { 'content-type': index.type, 'cache-control': 'no-cache' });
}
