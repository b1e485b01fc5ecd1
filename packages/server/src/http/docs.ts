import { createRequire } from 'node:module';
import path from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from './context.ts';
import { readStatic } from './static.ts';

const require = createRequire(import.meta.url);
const SWAGGER_DIR = path.dirname(require.resolve('swagger-ui-dist/package.json'));

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Simpul API</title><link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

// Kept out of the page so the strict Content-Security-Policy needs no inline script.
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui', deepLinking: true });`;

/** The browsable API reference at /api/docs, served from the swagger-ui-dist package (no CDN). */
export function docsRoutes(app: Hono<AppEnv>): void {
  app.get('/api/docs', (c) => c.html(PAGE));
  app.get('/api/docs/init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/api/docs/assets/:file', (c) => {
    const hit = readStatic(SWAGGER_DIR, `/${c.req.param('file')}`);
    if (!hit) return c.notFound();
    return c.body(new Uint8Array(hit.body), 200, { 'content-type': hit.type, 'cache-control': 'public, max-age=86400' });
  });
}
