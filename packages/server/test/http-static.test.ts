import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { acceptedEncoding, serveWeb } from '../src/http/static.ts';

// No database is involved: the web app's files are served from a directory.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-static-'));
fs.mkdirSync(path.join(root, 'assets'));
const script = `export const figures = [${Array.from({ length: 2000 }, (_, i) => i).join(', ')}];\n`;
fs.writeFileSync(path.join(root, 'assets', 'index-abc123.js'), script);
fs.writeFileSync(path.join(root, 'assets', 'tiny-abc123.js'), 'export {};\n');
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Simpul</title>');
const app = new Hono().get('*', (c) => serveWeb(c, root));
const get = (file: string, acceptEncoding?: string) => app.request(file, { headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the web app is served compressed when the browser accepts it', () => {
  it('brotli first, else gzip, else as stored; the body is the same file', async () => {
    const br = await get('/assets/index-abc123.js', 'gzip, deflate, br, zstd');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('accept-encoding');
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(brBody.length).toBeLessThan(script.length / 3);
    expect(zlib.brotliDecompressSync(brBody).toString()).toBe(script);

    const gz = await get('/assets/index-abc123.js', 'gzip');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(zlib.gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(script);

    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const plain = await get('/assets/index-abc123.js', accept);
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(await plain.text()).toBe(script);
    }
  });

  it("the build's own compressed copies are sent when there are some", async () => {
    fs.writeFileSync(path.join(root, 'assets', 'built-abc123.js'), script);
    // Quality 0: bytes the server's own compression (quality 9) would not produce.
    const builtBr = zlib.brotliCompressSync(script, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 0 } });
    const builtGz = zlib.gzipSync(script, { level: 1 });
    fs.writeFileSync(path.join(root, 'assets', 'built-abc123.js.br'), builtBr);
    fs.writeFileSync(path.join(root, 'assets', 'built-abc123.js.gz'), builtGz);
    const br = await get('/assets/built-abc123.js', 'gzip, br');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(Buffer.from(await br.arrayBuffer()).equals(builtBr)).toBe(true);
    const gz = await get('/assets/built-abc123.js', 'gzip');
    expect(Buffer.from(await gz.arrayBuffer()).equals(builtGz)).toBe(true);
    expect(await (await get('/assets/built-abc123.js')).text()).toBe(script);
  });

  it('tiny files and the SPA fallback go as they are', async () => {
    expect((await get('/assets/tiny-abc123.js', 'br')).headers.get('content-encoding')).toBeNull();
    const page = await get('/portofolio', 'br');
    expect(page.headers.get('content-encoding')).toBeNull();
    expect(await page.text()).toContain('<title>Simpul</title>');
  });

  it('reads q-values', () => {
    expect(acceptedEncoding('gzip;q=1.0, br;q=0.0')).toBe('gzip');
    expect(acceptedEncoding('BR')).toBe('br');
    expect(acceptedEncoding('deflate')).toBeUndefined();
  });
});
