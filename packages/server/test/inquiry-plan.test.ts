import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Database } from '../src/db/schema.ts';
import { accountHistoryQuery, subjectAccountsQuery, subjectInquiriesQuery } from '../src/modules/inquiry/inquiry.repository.ts';
import { subjectKey } from '../src/modules/registry/pseudonym.ts';
import { describeEachDialect, testInstance, type TestInstance } from './harness.ts';
import { SRI, seedWorld } from './inquiry-fixture.ts';

/**
 * Every query an inquiry runs is an index lookup by subject_key (or by the accounts'
 * primary keys), never a scan — the plan each dialect chooses says so. PostgreSQL would
 * scan tables this small anyway, so sequential scans are switched off for the check: the
 * question is whether an index can serve the query.
 */
async function plan(t: TestInstance, query: Compilable): Promise<string> {
  const compiled = query.compile();
  const prefix = t.dialect === 'sqlite' ? 'explain query plan ' : 'explain ';
  const run = async (db: Kysely<Database>) => {
    const res = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(prefix + compiled.sql, [...compiled.parameters]));
    return res.rows.map((r) => String(r.detail ?? r['QUERY PLAN'] ?? JSON.stringify(r))).join('\n');
  };
  if (t.dialect === 'sqlite') return run(t.services.db.db);
  return t.services.db.db.transaction().execute(async (trx) => {
    await trx.executeQuery(CompiledQuery.raw('set local enable_seqscan = off'));
    return run(trx);
  });
}

describeEachDialect('registry inquiry: query plans', (dialect) => {
  let t: TestInstance;
  beforeEach(async () => {
    t = await testInstance(dialect);
    await seedWorld(t);
  });
  afterEach(async () => t.close());

  it('accounts by subject_key use registry_accounts_subject; no scan of registry_accounts', async () => {
    const p = await plan(t, subjectAccountsQuery(t.services.db.db, subjectKey(t.services.keys, SRI.nik)));
    expect(p).toMatch(/registry_accounts_subject/);
    expect(p).not.toMatch(/SCAN registry_accounts|SCAN a\b|Seq Scan on registry_accounts/);
  });

  it('history by account id and period uses the history primary key', async () => {
    const p = await plan(t, accountHistoryQuery(t.services.db.db, [1, 2], '2024-11'));
    expect(p).toMatch(dialect === 'sqlite' ? /SEARCH registry_history USING PRIMARY KEY/ : /registry_history_pk/);
  });

  it('inquiries by subject_key and time use inquiries_subject', async () => {
    const p = await plan(t, subjectInquiriesQuery(t.services.db.db, subjectKey(t.services.keys, SRI.nik), '2026-08-01T00:00:00.000Z'));
    expect(p).toMatch(/inquiries_subject/);
    expect(p).not.toMatch(/SCAN inquiries|SCAN i\b|Seq Scan on inquiries/);
  });
});
