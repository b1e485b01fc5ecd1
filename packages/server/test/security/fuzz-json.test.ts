import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, json, testInstance, type TestInstance } from '../harness.ts';
import { allows, sample, type OpenApiDocument } from './openapi.ts';
import { World } from './world.ts';

const SEED = 20261102;
const RUNS_PER_ROUTE = 30;

/** Bodies that are not valid JSON, or valid JSON of the wrong shape. */
function malformedBodies(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: Math.max(valid.length - 1, 0) }).map((n) => valid.slice(0, n)),
    fc.string({ maxLength: 200 }),
    fc.constantFrom('{', '}', '{"a":', '[1,2', 'NaN', 'undefined', "{'a':1}", '{"a":1,}', '\u0000', '\uFEFF{}', '{"a":"\\ud800"}', '1e999999'),
    fc.constantFrom('null', '[]', '0', '""', 'true', '{}', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"x":1}}}'),
    fc.nat({ max: 100_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
    fc.json({ maxDepth: 3 }),
    fc.constant(valid).map((v) => v.replace(/"[^"]*"/, '123')),
  );
}

/**
 * Malformed JSON for every POST/PUT/PATCH operation with a JSON body in the OpenAPI document:
 * always a 4xx problem+json with a code, never a 5xx; the prototype is never polluted.
 */
describeEachDialect('fuzzing JSON bodies of every write endpoint', (dialect) => {
  let t: TestInstance;
  let world: World;
  beforeAll(async () => {
    t = await testInstance(dialect);
    world = new World(t, (await json(await t.request('/api/openapi.json'))) as OpenApiDocument);
    await world.setUp();
  });
  afterAll(async () => t.close());

  it(`${RUNS_PER_ROUTE} malformed bodies per JSON write route, as a caller the route admits: 4xx problem+json, never 5xx`, async () => {
    const routes = world.ops.filter((o) => ['POST', 'PUT', 'PATCH'].includes(o.method) && o.bodySchema && o.access);
    expect(routes.length).toBeGreaterThanOrEqual(6);
    let cases = 0;
    for (const op of routes) {
      const access = op.access;
      const actor = access && world.actors.find((a) => allows(access, a.role));
      if (!actor || !op.bodySchema) continue;
      const path = op.path.replace(/\{[^}]+\}/g, '1');
      const valid = JSON.stringify(sample(op.bodySchema, world.context('A')));
      await fc.assert(
        fc.asyncProperty(malformedBodies(valid), async (body) => {
          cases++;
          const sent = await world.send(actor, op.method, path, { type: 'application/json', data: body });
          const what = `${op.method} ${op.path} ← ${body.slice(0, 80)}`;
          // A body that happens to be valid may be accepted; anything else is the caller's error.
          if (sent.status < 300) return;
          expect(sent.status, what).toBeGreaterThanOrEqual(400);
          expect(sent.status, what).toBeLessThan(500);
          expect(sent.code, what).toMatch(/^[a-z_]+$/);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { seed: SEED, numRuns: RUNS_PER_ROUTE },
      );
    }
    console.info(`[${dialect}] JSON fuzz: ${cases} malformed bodies over ${routes.length} write routes`);
  }, 300_000);
});
