import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { openDatabase, type Db } from '../src/db/database.ts';
import { migrateToLatest, migrationState } from '../src/db/migrator.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { describeEachDialect, freshDatabase, json, testInstance } from './harness.ts';
import { databaseTarget } from '../src/config/env.ts';

describeEachDialect('database and migrations', (dialect) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()?.();
  });

  async function emptyDb(): Promise<Db> {
    const fresh = await freshDatabase(dialect);
    const db = openDatabase(databaseTarget(fresh.target, {}));
    cleanups.push(fresh.drop, () => db.close());
    return db;
  }

  it('applies every migration to an empty database, then has nothing pending', async () => {
    const db = await emptyDb();
    const applied = await migrateToLatest(db);
    expect(applied).toEqual(Object.keys(migrations));
    expect(await migrationState(db)).toMatchObject({ applied: applied.length, pending: 0 });
    expect(await migrateToLatest(db)).toEqual([]);
  });

  it('refuses a migration that sorts before one already applied', async () => {
    const db = await emptyDb();
    await migrateToLatest(db);
    const late = { '0000-late-arrival': () => ({ up: async () => {} }), ...migrations };
    await expect(migrateToLatest(db, late)).rejects.toThrow(/0000-late-arrival|corrupted|order/i);
    expect((await migrationState(db, late)).pending).toBe(1);
  });

  it('enforces foreign keys', async () => {
    const t = await testInstance(dialect);
    cleanups.push(t.close);
    const insertOrphan = t.services.db.db
      .insertInto('users')
      .values({ username: 'yatim', full_name: 'Yatim', role: 'petugas', cooperative_id: 999, password_hash: 'x', must_change_password: 0, created_at: 'now', updated_at: 'now' })
      .execute();
    await expect(insertOrphan).rejects.toThrow(/foreign key/i);
  });

  it('reports its dialect and migration state on /api/health', async () => {
    const t = await testInstance(dialect);
    cleanups.push(t.close);
    const res = await t.request('/api/health');
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ status: 'ok', database: { dialect, migrations: { pending: 0 } } });
  });

  it('stores and reads back large money amounts as numbers', async () => {
    const t = await testInstance(dialect);
    cleanups.push(t.close);
    const row = await sql<{ v: number }>`select cast(${9_007_199_254_740_991} as bigint) as v`.execute(t.services.db.db);
    expect(row.rows[0]?.v).toBe(9_007_199_254_740_991);
  });
});
