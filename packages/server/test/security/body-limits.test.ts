import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, json, testInstance, type TestInstance } from '../harness.ts';
import { operationsOf, type OpenApiDocument } from './openapi.ts';
import { World } from './world.ts';

const MiB = 1024 * 1024;

/** A body sent as a stream, without Content-Length, as a client trying to slip past the limit would. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const chunk = new Uint8Array(Math.min(64 * 1024, bytes - sent)).fill(0x20);
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

describeEachDialect('request size limits', (dialect) => {
  let t: TestInstance;
  let world: World;
  beforeAll(async () => {
    t = await testInstance(dialect);
    world = new World(t, (await json(await t.request('/api/openapi.json'))) as OpenApiDocument);
    await world.setUp();
  });
  afterAll(async () => t.close());

  it('every JSON write route of the OpenAPI document answers a 1.1 MiB body with 413 payload_too_large (except the furnishing batch route, whose limit is 16 MiB)', async () => {
    const ops = operationsOf(world.doc).filter((o) => o.bodySchema && ['POST', 'PUT', 'PATCH'].includes(o.method) && o.path !== '/api/registry/furnishing/batches');
    expect(ops.length).toBeGreaterThanOrEqual(5);
    const big = JSON.stringify({ padding: 'x'.repeat(1.1 * MiB) });
    const admin = world.actors.find((a) => a.role === 'platform_admin');
    for (const op of ops) {
      const res = await world.send(admin ?? world.actors[0]!, op.method, op.path.replace(/\{[^}]+\}/g, '1'), { type: 'application/json', data: big });
      expect(res.status, `${op.method} ${op.path}`).toBe(413);
      expect(res.code).toBe('payload_too_large');
    }
  });

  it('a streamed body without Content-Length is cut off at 1 MiB too (413)', async () => {
    const res = await t.request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: streamed(2 * MiB), duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('a furnishing upload may be 2 MiB (its limit is 64 MiB), but 64 MiB + 1 byte is 413', async () => {
    const key = world.actors.find((a) => a.role === 'api_key');
    if (!key) throw new Error('no API key actor');
    const csv = `account_ref,nik\n${'x,y\n'.repeat((2 * MiB) / 4)}`;
    const ok = await world.send(key, 'POST', '/api/registry/furnishing/files?period=2026-10', { type: 'text/csv', data: csv });
    expect(ok.status).not.toBe(413);
    const tooBig = await world.send(key, 'POST', '/api/registry/furnishing/files?period=2026-10', { type: 'text/csv', data: new Uint8Array(64 * MiB + 1) });
    expect(tooBig.status).toBe(413);
  });
});
