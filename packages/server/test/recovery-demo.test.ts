import { monthOf } from '@simpul/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { businessDate } from '../src/config/env.ts';
import type { Actor } from '../src/http/context.ts';
import { verifyAuditChain } from '../src/modules/audit/audit.repository.ts';
import { runDemo } from '../src/modules/demo/demo.ts';
import type { Role } from '../src/modules/identity/identity.table.ts';
import { accountsOf } from '../src/modules/recovery/recovery.accounts.ts';
import { CAUSE_CODES } from '../src/modules/recovery/recovery.rules.ts';
import type { CaseDetail } from '../src/modules/recovery/recovery.schemas.ts';
import { caseDetail } from '../src/modules/recovery/recovery.view.ts';
import { worklist } from '../src/modules/recovery/recovery.worklist.ts';
import { describeEachDialect, testInstance, type TestInstance } from './harness.ts';

/** Small enough to run fast, with Macet loans enough for the four write-off stories (the troubled BLR03 has 60 members). */
const SMALL = { seed: 7, cooperatives: 3, members: 60 };

describeEachDialect(`recovery demo: cases in every state (${SMALL.cooperatives} cooperatives × ${SMALL.members} members, seed ${SMALL.seed})`, (dialect) => {
  let t: TestInstance;
  let today: string;
  const log: string[] = [];
  /** Every case of the demo, as the case page shows it, with its cooperative's code. */
  const cases: (CaseDetail & { code: string; actor: Actor })[] = [];

  async function userActor(cooperativeId: number, role: Role): Promise<Actor> {
    const u = await t.services.db.db.selectFrom('users').select(['id', 'username']).where('cooperative_id', '=', cooperativeId).where('role', '=', role).executeTakeFirstOrThrow();
    return { kind: 'user', userId: u.id, username: u.username, role, cooperativeId, sessionHash: '' };
  }

  beforeAll(async () => {
    t = await testInstance(dialect);
    today = businessDate(t.clock.now());
    await runDemo(t.services, SMALL, (line) => log.push(line));
    const rows = await t.services.db.db.selectFrom('recovery_cases as c').innerJoin('cooperatives as co', 'co.id', 'c.cooperative_id').select(['c.id', 'c.cooperative_id', 'co.code']).orderBy('c.id').execute();
    for (const r of rows) {
      const actor = await userActor(r.cooperative_id, 'pengawas');
      cases.push({ ...(await caseDetail(t.services, actor, r.id)), code: r.code, actor });
    }
  }, 240_000);
  afterAll(async () => t.close());

  const withStatus = (status: string) => cases.filter((c) => c.case.status === status);
  const promisesWith = (status: string) => cases.flatMap((c) => c.promises.filter((p) => p.status === status).map((p) => ({ c, p })));

  it('every story found its loan, in at least two cooperatives, the first demo cooperative among them', () => {
    const line = log.find((l) => l.includes('kasus penanganan kredit'));
    expect(line, log.join('\n')).toBeDefined();
    expect(line).not.toContain('tanpa pinjaman yang cocok');
    expect(cases).toHaveLength(12);
    const codes = new Set(cases.map((c) => c.code));
    expect(codes.has('BLR01')).toBe(true);
    expect(codes.size).toBeGreaterThanOrEqual(2);
  });

  it('case states: opened only, cured, restructured, written off, forgiven — and open ones with work in progress', () => {
    const openedOnly = withStatus('open').filter((c) => c.negotiations.length === 0 && c.promises.length === 0 && c.restructurings.length === 0 && c.writeOffs.length === 0);
    expect(openedOnly).toHaveLength(1);
    for (const status of ['cured', 'restructured', 'written_off', 'forgiven']) expect(withStatus(status), status).toHaveLength(1);
    const cured = withStatus('cured')[0];
    expect(cured?.state).toMatchObject({ daysPastDue: 0, arrears: 0 });
    // Each case opened on a day its loan was in arrears, and its history is dated up to the business date.
    for (const c of cases) {
      expect(c.case.openedOn <= today).toBe(true);
      for (const n of c.negotiations) expect([c.case.openedOn <= n.metOn, n.metOn <= today]).toEqual([true, true]);
    }
  });

  it('every case has causes from the taxonomy; the registry suggested multiple borrowing for a stacked borrower and it was recorded', () => {
    for (const c of cases) {
      expect(c.causes.length, `case ${c.case.id}`).toBeGreaterThan(0);
      for (const cause of c.causes) expect(CAUSE_CODES).toContain(cause.code);
    }
    const multiple = cases.filter((c) => c.causes.some((x) => x.code === 'multiple_borrowing'));
    expect(multiple.length).toBeGreaterThan(0);
    for (const c of multiple) expect(c.elsewhere.accounts).toBeGreaterThan(0);
  });

  it('negotiations in the member’s words, one contact outside fair-collection hours and one with a third party', () => {
    const negotiated = cases.filter((c) => c.negotiations.length >= 3 && c.case.status === 'open' && c.writeOffs.length === 0);
    expect(negotiated.length).toBeGreaterThan(0);
    const all = cases.flatMap((c) => c.negotiations);
    for (const n of all) expect(n.situation.length).toBeGreaterThan(10);
    expect(all.filter((n) => n.conductFlags.includes('outside_hours')).length).toBeGreaterThan(0);
    expect(all.filter((n) => n.conductFlags.includes('third_party')).length).toBeGreaterThan(0);
    expect(all.filter((n) => n.conductFlags.length === 0).length).toBeGreaterThan(all.length / 2);
  });

  it('promises: one pending, one kept by the repayment recorded for it, one broken — which raises the case in the worklist', async () => {
    expect(promisesWith('pending')).toHaveLength(1);
    const [kept] = promisesWith('kept');
    expect(promisesWith('kept')).toHaveLength(1);
    const paid = await t.services.db.db.selectFrom('repayments').select(['paid_on', 'amount', 'created_by']).where('loan_id', '=', kept?.c.loan.id ?? 0)
      .where('paid_on', '>=', kept?.p.madeOn ?? '').where('paid_on', '<=', kept?.p.dueOn ?? '').execute();
    expect(paid.some((r) => r.created_by !== null && r.amount >= (kept?.p.amount ?? Infinity))).toBe(true);
    const [broken] = promisesWith('broken');
    expect(promisesWith('broken')).toHaveLength(1);
    expect((broken?.p.dueOn ?? today) < today).toBe(true);
    expect(broken?.p.paid).toBeLessThan(broken?.p.amount ?? 0);
    const coopId = (await t.services.db.db.selectFrom('loans').select('cooperative_id').where('id', '=', broken?.c.loan.id ?? 0).executeTakeFirstOrThrow()).cooperative_id;
    const row = (await worklist(t.services, await userActor(coopId, 'petugas'), {})).find((w) => w.loanId === broken?.c.loan.id);
    expect(row).toMatchObject({ brokenPromises: 1, caseId: broken?.c.case.id });
    expect(row?.priority).toBe((row?.classRank ?? 0) + 1);
  });

  it('restructurings: one awaiting approval; one approved by a pengurus (not the proposing petugas) and executed, shown R in the registry', async () => {
    const db = t.services.db.db;
    const rs = await db.selectFrom('recovery_restructurings as r').leftJoin('users as p', 'p.id', 'r.proposed_by').leftJoin('users as d', 'd.id', 'r.decided_by')
      .select(['r.status', 'r.loan_id', 'r.executed_on', 'p.role as proposer', 'd.role as decider', 'r.proposed_by', 'r.decided_by']).execute();
    expect(rs.map((r) => r.status).sort()).toEqual(['executed', 'proposed']);
    const done = rs.find((r) => r.status === 'executed');
    expect(done).toMatchObject({ proposer: 'petugas', decider: 'pengurus' });
    expect(done?.executed_on && monthOf(done.executed_on)).toBe(monthOf(today));
    const loan = await db.selectFrom('loans').selectAll().where('id', '=', done?.loan_id ?? 0).executeTakeFirstOrThrow();
    expect(loan).toMatchObject({ status: 'active', restructured_count: 1, state_as_of: today });
    const account = await db.selectFrom('registry_accounts').select(['id', 'status']).where('cooperative_id', '=', loan.cooperative_id).where('account_ref', '=', loan.loan_no).executeTakeFirstOrThrow();
    expect(account.status).toBe('restructured');
    const history = await db.selectFrom('registry_history').select(['period', 'status']).where('account_id', '=', account.id).orderBy('period').execute();
    expect(history.at(-1)).toEqual({ period: monthOf(today), status: 'restructured' });
  });

  it('hapus buku: one proposed, one decided by the pengurus awaiting the pengawas, one executed with a recovery, and one forgiven on a RAT decision', async () => {
    const db = t.services.db.db;
    const wo = await db.selectFrom('recovery_write_offs as w').leftJoin('users as p', 'p.id', 'w.proposed_by').leftJoin('users as d', 'd.id', 'w.decided_by').leftJoin('users as r', 'r.id', 'w.reviewed_by')
      .select(['w.status', 'w.loan_id', 'p.role as proposer', 'd.role as decider', 'r.role as reviewer']).execute();
    expect(wo.map((w) => w.status).sort()).toEqual(['decided', 'executed', 'executed', 'proposed']);
    expect(wo.find((w) => w.status === 'decided')).toMatchObject({ proposer: 'petugas', decider: 'pengurus', reviewer: null });
    for (const w of wo.filter((x) => x.status === 'executed')) expect(w).toMatchObject({ proposer: 'petugas', decider: 'pengurus', reviewer: 'pengawas' });
    const written = withStatus('written_off')[0];
    expect(written?.receipts.length).toBeGreaterThan(0);
    expect(written?.claim?.remaining).toBe((written?.claim?.writtenOff ?? 0) - (written?.claim?.recovered ?? 0));
    const forgiven = withStatus('forgiven')[0];
    expect(forgiven?.forgiveness).toMatchObject({ forgivenOn: today });
    expect(forgiven?.forgiveness?.ratDecisionNo).toMatch(/RAT/);
    expect(forgiven?.forgiveness?.membersPresent).toBeGreaterThanOrEqual(forgiven?.forgiveness?.quorum ?? Infinity);
    expect(forgiven?.loan.status).toBe('forgiven');
  });

  it('the registry shows the written-off and forgiven accounts with their status this month, after their months as open accounts', async () => {
    const db = t.services.db.db;
    for (const status of ['written_off', 'forgiven'] as const) {
      const c = withStatus(status)[0];
      const loan = await db.selectFrom('loans').selectAll().where('id', '=', c?.loan.id ?? 0).executeTakeFirstOrThrow();
      const account = await db.selectFrom('registry_accounts').selectAll().where('cooperative_id', '=', loan.cooperative_id).where('account_ref', '=', loan.loan_no).executeTakeFirstOrThrow();
      expect(account.status, status).toBe(status);
      expect(account.outstanding).toBe(status === 'forgiven' ? 0 : c?.claim?.remaining);
      if (status === 'written_off') {
        expect(account.written_off_on).toBe(c?.claim?.writtenOffOn);
        // The registry keeps the amount written off; the recovery reduces only the outstanding claim.
        expect(c?.claim?.recovered).toBeGreaterThan(0);
        expect(account.written_off_amount).toBe(c?.claim?.writtenOff);
      }
      const history = await db.selectFrom('registry_history').select(['period', 'status']).where('account_id', '=', account.id).orderBy('period').execute();
      expect(history.at(-1)).toEqual({ period: monthOf(today), status });
      // The months before this one keep the loan as it was then: an open account.
      expect(history.length).toBeGreaterThan(1);
      expect(history.slice(0, -1).every((h) => h.status === 'active')).toBe(true);
    }
  });

  it('per loan and per cooperative: outstanding + written off − recovered − forgiven reconciles with the books', async () => {
    const db = t.services.db.db;
    const coops = await db.selectFrom('cooperatives').select(['id', 'code']).where('code', 'like', 'BLR0%').execute();
    let writtenOff = 0;
    for (const { id, code } of coops) {
      const accounts = await accountsOf(db, id);
      expect(accounts.totals.reconciles, code).toBe(true);
      for (const a of accounts.loans) {
        expect(a.reconciles, `${code} ${a.loanNo}`).toBe(true);
        expect(a.exposure).toBe(a.onBalance + a.writtenOff - a.recovered - a.forgiven);
      }
      // The totals again from the tables themselves.
      const active = await db.selectFrom('loans').select('outstanding_principal').where('cooperative_id', '=', id).where('status', '=', 'active').execute();
      const sum = async (table: 'recovery_write_offs' | 'recovery_receipts' | 'recovery_forgiveness', column: 'written_off_amount' | 'amount') =>
        (await db.selectFrom(table).select(column).where('cooperative_id', '=', id).execute()).reduce((s, r) => s + Number((r as Record<string, unknown>)[column] ?? 0), 0);
      const [w, r, f] = [await sum('recovery_write_offs', 'written_off_amount'), await sum('recovery_receipts', 'amount'), await sum('recovery_forgiveness', 'amount')];
      expect(accounts.totals.exposure, code).toBe(active.reduce((s, l) => s + l.outstanding_principal, 0) + w - r - f);
      writtenOff += w;
    }
    expect(writtenOff).toBeGreaterThan(0);
  });

  it('each decision was taken by a demo user of the right role, in the audit chain, which verifies', async () => {
    const db = t.services.db.db;
    const entries = await db.selectFrom('audit_log').select(['action', 'actor']).where('action', 'like', 'recovery.%').execute();
    const by = (action: string) => new Set(entries.filter((e) => e.action === action).map((e) => e.actor.replace(/^user:(\w+)\..*$/, '$1')));
    expect(by('recovery.case_opened')).toEqual(new Set(['petugas']));
    expect(by('recovery.restructuring_executed')).toEqual(new Set(['pengurus']));
    expect(by('recovery.write_off_decided')).toEqual(new Set(['pengurus']));
    expect(by('recovery.write_off_executed')).toEqual(new Set(['pengawas']));
    expect(by('recovery.forgiven')).toEqual(new Set(['pengurus']));
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
