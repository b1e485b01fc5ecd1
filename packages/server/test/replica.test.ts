import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../src/http/context.ts';
import { openInstance } from '../src/instance.ts';
import { createLogger } from '../src/logging.ts';
import { addCooperative } from '../src/modules/cooperatives/cooperatives.service.ts';
import { importRows } from '../src/modules/registry/furnishing.service.ts';
import type { FileRow } from '../src/modules/registry/furnishing.readers.ts';
import { subjectKey } from '../src/modules/registry/pseudonym.ts';
import { csv, row } from './furnishing-rows.ts';
import { startReplicatedPair, type ReplicatedPair } from './replica-pg.ts';

async function* rowsOf(text: string): AsyncIterable<FileRow> {
  const lines = text.trim().split('\n');
  for (const [i, line] of lines.entries()) yield { row: i + 1, cells: line.split(',') };
}

/**
 * SIMPUL_DATABASE_READ_URL: reads that may be stale by a moment (inquiries, dashboards) go to
 * a streaming replica, writes to the primary — shown on two real PostgreSQL servers.
 */
describe('[postgres] read replica', () => {
  let pair: ReplicatedPair;
  let services: Services;
  let dataDir: string;

  beforeAll(async () => {
    pair = await startReplicatedPair();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'simpul-repl-data-'));
    const env = { ...process.env, SIMPUL_DATA_DIR: dataDir, SIMPUL_KEY: randomBytes(32).toString('base64'), SIMPUL_DATABASE_READ_URL: pair.replicaUrl };
    services = await openInstance({ db: pair.primaryUrl, env, logger: createLogger({ quiet: true }) });
  }, 120_000);
  afterAll(async () => {
    await services?.db.close();
    await pair?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends reads to the standby and writes to the primary', async () => {
    const inRecovery = async (which: 'db' | 'reader') =>
      (await sql<{ r: boolean }>`select pg_is_in_recovery() as r`.execute(services.db[which])).rows[0]?.r;
    expect(await inRecovery('reader')).toBe(true);
    expect(await inRecovery('db')).toBe(false);
    await expect(sql`create table nope (x int)`.execute(services.db.reader)).rejects.toThrow(/read-only/);
  });

  it('a furnished account written to the primary is read from the replica once replicated', async () => {
    const coop = await addCooperative(services, null, { code: 'KSPR', name: 'Koperasi Replika' });
    const result = await importRows(services, { cooperativeId: coop.id, period: '2026-10', source: 'api', strict: true, fullFile: false, actor: null }, rowsOf(csv(row({ account_ref: 'REPL-1' }))));
    expect(result.accepted).toBe(1);
    const key = subjectKey(services.keys, '3316014501900001');
    const onReplica = () => services.db.reader.selectFrom('registry_accounts').select('account_ref').where('subject_key', '=', key).execute();
    await expect.poll(onReplica, { timeout: 15_000, interval: 100 }).toEqual([{ account_ref: 'REPL-1' }]);
  });
});
