import { afterEach, expect, it } from 'vitest';
import { migrateToLatest } from '../src/db/migrator.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { describeEachDialect, json, testInstance } from './harness.ts';

describeEachDialect('/api/health', (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });

  it('answers the migration state known at start without reading it again, and reads it anew after a migration this process runs', async () => {
    const t = await testInstance(dialect);
    cleanups.push(t.close);
    const first = await t.request('/api/health');
    expect(first.status).toBe(200);
    const all = Object.keys(migrations);
    expect(await json(first)).toMatchObject({ status: 'ok', database: { migrations: { applied: all.length, pending: 0, latest: all.at(-1) } } });

    // Another hand removes the record of the first migration: the probe does not read the table again.
    await t.services.db.db.deleteFrom('kysely_migration' as never).where('name' as never, '=', all[0] as never).execute();
    const cached = await t.request('/api/health');
    expect(cached.status).toBe(200);
    expect(await json(cached)).toMatchObject({ status: 'ok', database: { migrations: { pending: 0 } } });

    // A migration run by this process (refused here: 0001 now sorts before applied ones) makes health read the state again.
    await expect(migrateToLatest(t.services.db)).rejects.toThrow();
    const after = await t.request('/api/health');
    expect(after.status).toBe(503);
    expect(await json(after)).toMatchObject({ status: 'degraded', database: { dialect, migrations: { applied: all.length - 1, pending: 1 } } });
  });
});
