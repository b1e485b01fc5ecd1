import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/server.ts';
import { PASSWORD, describeEachDialect, json, seedUser, testInstance, type TestInstance } from './harness.ts';

const MiB = 1024 * 1024;

/** A body sent in chunks without Content-Length. */
const streamed = (bytes: number) => new Blob([new Uint8Array(bytes).fill(0x20)]).stream();

/** Request bodies through Node's HTTP server, where JSON is read from the socket stream (src/http/body.ts). */
describeEachDialect('request bodies over HTTP', (dialect) => {
  let t: TestInstance;
  let server: RunningServer;
  const post = (path: string, body: string | ReadableStream<Uint8Array>, type = 'application/json', init: RequestInit = {}) =>
    fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': type, 'x-simpul-request': '1' }, body, ...init });

  beforeAll(async () => {
    t = await testInstance(dialect);
    await seedUser(t, 'budi', 'platform_admin');
    server = await startServer(t.services, 0);
  });
  afterAll(async () => {
    await server.close();
    await t.close();
  });

  it('reads a JSON body, with or without a UTF-8 byte-order mark, and in chunks', async () => {
    const body = JSON.stringify({ username: 'budi', password: PASSWORD });
    expect((await post('/api/auth/sign-in', body)).status).toBe(200);
    expect((await post('/api/auth/sign-in', `\uFEFF${body}`, 'application/json; charset=utf-8')).status).toBe(200);
    const chunks = new TextEncoder().encode(body);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunks.slice(0, 5));
        controller.enqueue(chunks.slice(5));
        controller.close();
      },
    });
    expect((await post('/api/auth/sign-in', stream, 'application/json', { duplex: 'half' } as RequestInit)).status).toBe(200);
    const wrong = await post('/api/auth/sign-in', JSON.stringify({ username: 'budi', password: 'salah-sekali-123' }));
    expect(wrong.status).toBe(401);
  });

  it('sends the security headers and the request id on answers, errors and the 413 alike', async () => {
    const answers = [
      await fetch(`${server.url}/api/health`),
      await post('/api/auth/sign-in', JSON.stringify({ username: 'budi', password: PASSWORD })),
      await post('/api/auth/sign-in', '{'),
      await post('/api/auth/sign-in', streamed(2 * MiB), 'application/json', { duplex: 'half' } as RequestInit),
    ];
    for (const res of answers) {
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-request-id')).toMatch(/[\w-]{8,}/);
      expect(res.headers.get('content-type')).toMatch(/json/);
      await res.arrayBuffer();
    }
  });

  it('answers malformed JSON with 400', async () => {
    const res = await post('/api/auth/sign-in', '{"username": "budi",');
    expect(res.status).toBe(400);
  });

  it('answers a JSON body over 1 MiB with 413 payload_too_large, declared or streamed, and the connection still gets its answer', async () => {
    const declared = await post('/api/auth/sign-in', JSON.stringify({ username: 'budi', password: 'x'.repeat(1.1 * MiB) }));
    expect(declared.status).toBe(413);
    expect((await json(declared)).code).toBe('payload_too_large');
    const chunked = await post('/api/auth/sign-in', streamed(2 * MiB), 'application/json', { duplex: 'half' } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await json(chunked)).code).toBe('payload_too_large');
  });

  it('limits other bodies as before: a 2 MiB text body to a JSON route is 413, a small one is not', async () => {
    expect((await post('/api/auth/sign-in', streamed(2 * MiB), 'text/plain', { duplex: 'half' } as RequestInit)).status).toBe(413);
    expect((await post('/api/auth/sign-in', 'hello', 'text/plain')).status).not.toBe(413);
  });
});
