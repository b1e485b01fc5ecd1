import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect, json, testInstance, type TestInstance } from '../harness.ts';
import { check, type Cell, type Tally } from './matrix.ts';
import type { OpenApiDocument } from './openapi.ts';
import { World } from './world.ts';

/**
 * The authorisation matrix, generated from /api/openapi.json: every route × every role
 * (and an API key, and signed out) × a record of one's own cooperative and of another.
 * Routes added later are covered without editing this file; a route without `x-access`
 * fails it.
 */
describeEachDialect('authorisation matrix from the OpenAPI document', (dialect) => {
  let t: TestInstance;
  let world: World;
  beforeAll(async () => {
    t = await testInstance(dialect);
    const doc = (await json(await t.request('/api/openapi.json'))) as OpenApiDocument;
    world = new World(t, doc);
    await world.setUp();
    // Cooperative B's records exist before anyone asks for lists.
    for (const collection of world.creatableCollections()) {
      await world.recordIn(collection, 'B');
      await world.recordIn(collection, 'A');
    }
  }, 300_000);
  afterAll(async () => t.close());

  it('every operation declares x-access (a route without it fails here)', () => {
    const missing = world.ops.filter((o) => !o.access).map((o) => `${o.method} ${o.path}`);
    expect(missing).toEqual([]);
    expect(world.ops.length).toBeGreaterThanOrEqual(17);
  });

  it('the seeded world has real records of both cooperatives for the known collections', () => {
    // Without these ids the cross-tenant checks would be against records that do not exist.
    expect(world.uncreatable.has('/api/users')).toBe(false);
    expect(world.uncreatable.has('/api/registry/furnishing/batches')).toBe(false);
  });

  it('routes × actors × own/other cooperative: 401 signed out, 403 wrong role, 404 for another cooperative’s record, no 5xx, no leak of B’s marker', async () => {
    const tally: Tally = { cells: 0, requests: 0, crossTenant404: 0, crossTenantNoRecord: 0, crossTenantUnproven: 0, missingIds: new Set() };
    const problems: string[] = [];
    for (const op of world.ops.filter((o) => o.access)) {
      const hasRecordParam = op.parameters.some((p) => p.in === 'path' && (p.schema.type === 'integer' || p.schema.type === 'number'));
      for (const actor of world.actors) {
        const ownerships: Cell['ownership'][] = !hasRecordParam ? ['none'] : actor.coop ? ['own', 'other'] : ['own'];
        for (const ownership of ownerships) problems.push(...(await check(world, { op, actor, ownership }, tally)));
      }
    }
    const routes = world.ops.length;
    const actors = world.actors.length;
    const withIds = world.ops.filter((o) => o.parameters.some((p) => p.in === 'path' && (p.schema.type === 'integer' || p.schema.type === 'number'))).length;
    console.info(
      `[${dialect}] authorisation matrix: ${routes} routes × ${actors} actors (5 roles, API key, signed out) = ${routes * actors} route×actor pairs; ` +
        `${tally.cells} cells, ${tally.requests} requests; ${withIds} routes with a record id in the path; cross-tenant 404s for real records ${tally.crossTenant404} (for ids with no record ${tally.crossTenantNoRecord}), stopped by validation first ${tally.crossTenantUnproven}; ` +
        `routes without a real record id: ${[...tally.missingIds].join(', ') || 'none'}; collections not creatable from the document: ${[...world.uncreatable].join(', ') || 'none'}`,
    );
    if (process.env.SIMPUL_MATRIX_DEBUG) for (const [c, why] of world.whyUncreatable) console.info(`${c}: ${why}`);
    expect(problems).toEqual([]);
    // Every route with an id in its path was tried with a real record of B: a new route whose
    // records neither the sampler nor a factory (factories.ts) can make fails here, by name.
    expect([...tally.missingIds]).toEqual([]);
    expect(tally.crossTenantNoRecord).toBe(0);
    expect(tally.crossTenant404).toBeGreaterThan(0);
  }, 600_000);
});
