import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { databaseTarget } from '../../src/config/env.ts';
import { listTables, orderColumns } from '../../src/db/backup/catalog.ts';
import { encodeValue, writeLogicalBackup } from '../../src/db/backup/logical.ts';
import { assertEmpty, restoreLogicalBackup } from '../../src/db/backup/restore.ts';
import { openDatabase, type Db } from '../../src/db/database.ts';
import { createApp } from '../../src/http/app.ts';
import { openInstance } from '../../src/instance.ts';
import { createLogger } from '../../src/logging.ts';
import { verifyAuditChain } from '../../src/modules/audit/audit.repository.ts';
import { addCooperative } from '../../src/modules/cooperatives/cooperatives.service.ts';
import { csv, row } from '../furnishing-rows.ts';
import { describeEachDialect, freshDatabase, json, PASSWORD, simpulCli, testInstance, type TestInstance } from '../harness.ts';
import type { OpenApiDocument } from './openapi.ts';
import { World } from './world.ts';

/** Every table's rows, in primary-key order, as JSON-comparable arrays. */
async function snapshot(handle: Db): Promise<Map<string, unknown[]>> {
  const out = new Map<string, unknown[]>();
  for (const table of await listTables(handle.db, handle.dialect)) {
    const order = await orderColumns(handle.db, handle.dialect, table);
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by ${sql.join(order.map((c) => sql.ref(c)))}`.execute(handle.db);
    out.set(table, rows.rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, encodeValue(v)]))));
  }
  return out;
}

describeEachDialect('backup and restore: every table row by row', (dialect) => {
  let t: TestInstance;
  let tmp: string;
  const drops: (() => Promise<void>)[] = [];
  const simpul = (...args: string[]) => spawnSync(process.execPath, [simpulCli(), ...args], { env: t.env, encoding: 'utf8', timeout: 120_000 });

  async function compareWith(target: string): Promise<number> {
    const source = openDatabase(databaseTarget(t.target));
    const restored = openDatabase(databaseTarget(target));
    try {
      const [a, b] = [await snapshot(source), await snapshot(restored)];
      expect([...b.keys()]).toEqual([...a.keys()]);
      let rows = 0;
      for (const [table, rowsA] of a) {
        expect(b.get(table), `table ${table}`).toEqual(rowsA);
        rows += rowsA.length;
      }
      return rows;
    } finally {
      await source.close();
      await restored.close();
    }
  }

  beforeAll(async () => {
    t = await testInstance(dialect);
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-backup-'));
    const world = new World(t, (await json(await t.request('/api/openapi.json'))) as OpenApiDocument);
    await world.setUp();
    // Records of every kind the API can create, in both cooperatives, plus furnished batches.
    for (const collection of world.creatableCollections()) for (const coop of ['A', 'B'] as const) await world.recordIn(collection, coop, true);
    const system = world.actors.find((a) => a.role === 'api_key');
    const file = csv(...Array.from({ length: 120 }, (_, i) => row({ account_ref: `CAD-${i}`, nik: `33160145019${String(i + 1).padStart(5, '0')}` })));
    if (system) expect((await world.send(system, 'POST', '/api/registry/furnishing/files?period=2026-10', { type: 'text/csv', data: file })).status).toBe(200);
  }, 300_000);
  afterAll(async () => {
    await t.close();
    for (const drop of drops) await drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('simpul backup, then simpul restore into a new empty database: every table equal row by row, audit chain verifies, users sign in', async () => {
    const file = path.join(tmp, dialect === 'sqlite' ? 'cadangan.sqlite' : 'cadangan.simpul.gz');
    const backup = simpul('--db', t.target, 'backup', file);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('key file is not in it');
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    const fresh = await freshDatabase(dialect);
    drops.push(fresh.drop);
    const restore = simpul('--db', fresh.target, 'restore', file);
    expect(restore.status, restore.stderr).toBe(0);
    const rows = await compareWith(fresh.target);
    console.info(`[${dialect}] restore: ${rows} rows compared`);
    expect(rows).toBeGreaterThan(300);
    // The restored instance, with the same key: its audit chain verifies, its users sign in,
    // and a second restore into it is refused.
    const services = await openInstance({ db: fresh.target, env: t.env, logger: createLogger({ quiet: true }) });
    try {
      expect((await verifyAuditChain(services.db.db)).ok).toBe(true);
      const signIn = await createApp(services).request('/api/auth/sign-in', { method: 'POST', headers: { 'content-type': 'application/json', 'x-simpul-request': '1' }, body: JSON.stringify({ username: 'm.pengurus.A', password: PASSWORD }) });
      expect(signIn.status).toBe(200);
      await expect(restoreLogicalBackup(services.db, file)).rejects.toThrow();
      await expect(assertEmpty(services.db)).rejects.toThrow(/not empty/);
    } finally {
      await services.db.close();
    }
  }, 240_000);

  it('a logical backup (the PostgreSQL format) restores row for row on this dialect too; new ids continue after the restored ones', async () => {
    const file = path.join(tmp, 'logis.simpul.gz');
    const counts = await writeLogicalBackup(t.services.db, file, t.clock.now());
    const fresh = await freshDatabase(dialect);
    drops.push(fresh.drop);
    const target = openDatabase(databaseTarget(fresh.target));
    await restoreLogicalBackup(target, file).finally(() => target.close());
    expect(await compareWith(fresh.target)).toBe(counts.rows);
    const services = await openInstance({ db: fresh.target, env: t.env, logger: createLogger({ quiet: true }) });
    const maxId = Number((await sql<{ m: number }>`select max(id) as m from cooperatives`.execute(services.db.db)).rows[0]?.m);
    const inserted = await addCooperative(services, null, { code: 'BARU', name: 'Koperasi Baru' });
    await services.db.close();
    expect(inserted.id).toBe(maxId + 1);
  }, 240_000);

  it('a truncated logical backup is refused and loads no rows', async () => {
    const file = path.join(tmp, 'utuh.simpul.gz');
    await writeLogicalBackup(t.services.db, file, t.clock.now());
    const bytes = fs.readFileSync(file);
    const cut = path.join(tmp, 'terpotong.simpul.gz');
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const fresh = await freshDatabase(dialect);
    drops.push(fresh.drop);
    const handle = openDatabase(databaseTarget(fresh.target));
    await expect(restoreLogicalBackup(handle, cut)).rejects.toThrow(/ends early|unexpected end|damaged/i);
    const tables = await listTables(handle.db, handle.dialect);
    let rows = 0;
    for (const table of tables) rows += Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(handle.db)).rows[0]?.n ?? 0);
    await handle.close();
    expect(rows).toBe(0);
  }, 240_000);
});
