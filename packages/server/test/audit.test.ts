import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../src/modules/audit/audit.repository.ts';
import { describeEachDialect, testInstance, type TestInstance } from './harness.ts';

describeEachDialect('audit chain', (dialect) => {
  let t: TestInstance;
  beforeEach(async () => {
    t = await testInstance(dialect);
    for (let i = 1; i <= 5; i++) {
      await appendAudit(t.services.db.db, dialect, { at: `2026-11-0${i}T00:00:00.000Z`, actorUserId: null, actor: 'system', cooperativeId: null, action: 'test.step', subjectId: i, details: { step: i } });
    }
  });
  afterEach(async () => t.close());

  it('verifies an intact chain of 5 entries', async () => {
    expect(await verifyAuditChain(t.services.db.db)).toEqual({ ok: true, entries: 5 });
  });

  it('names entry 3 when its details were altered', async () => {
    await t.services.db.db.updateTable('audit_log').set({ details: '{"step":33}' }).where('id', '=', 3).execute();
    expect(await verifyAuditChain(t.services.db.db)).toMatchObject({ ok: false, brokenAt: 3, entries: 2 });
  });

  it('names entry 4 when entry 3 was removed', async () => {
    await t.services.db.db.deleteFrom('audit_log').where('id', '=', 3).execute();
    expect(await verifyAuditChain(t.services.db.db)).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('names entry 5 when its hash was recomputed over altered content without relinking', async () => {
    await t.services.db.db.updateTable('audit_log').set({ action: 'test.forged' }).where('id', '=', 5).execute();
    expect(await verifyAuditChain(t.services.db.db)).toMatchObject({ ok: false, brokenAt: 5 });
  });

  it('keeps one chain under 20 concurrent appends', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.services.db.db.transaction().execute((trx) =>
          appendAudit(trx, dialect, { at: '2026-11-10T00:00:00.000Z', actorUserId: null, actor: 'system', cooperativeId: null, action: 'test.concurrent', subjectId: i }),
        ),
      ),
    );
    expect(await verifyAuditChain(t.services.db.db)).toEqual({ ok: true, entries: 25 });
    const forks = await sql<{ n: number }>`select count(*) as n from audit_log group by prev_hash having count(*) > 1`.execute(t.services.db.db);
    expect(forks.rows).toHaveLength(0);
  });

  it('records user creation in the chain without personal data', async () => {
    const before = await verifyAuditChain(t.services.db.db);
    const { createUser } = await import('../src/modules/identity/identity.service.ts');
    await createUser(t.services, null, { username: 'dina', fullName: 'Dina Rahmawati', role: 'dinas_analyst', password: 'panjang-sekali-1' });
    const last = await t.services.db.db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last.action).toBe('user.created');
    expect(JSON.stringify(last)).not.toContain('Rahmawati');
    expect((await verifyAuditChain(t.services.db.db)).entries).toBe(before.entries + 1);
  });
});
