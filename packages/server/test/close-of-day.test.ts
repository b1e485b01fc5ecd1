import { afterEach, beforeEach, expect, it } from 'vitest';
import { writeLoanStates } from '../src/modules/portfolio/close-of-day.repository.ts';
import { CLAIMANT, LEASE_MS } from '../src/modules/portfolio/close-of-day.claim.ts';
import { runCloseOfDay } from '../src/modules/portfolio/close-of-day.ts';
import { furnishLoanNow } from '../src/modules/portfolio/registry-feed.ts';
import { encryptField } from '../src/config/field-crypto.ts';
import { subjectKey } from '../src/modules/registry/pseudonym.ts';
import { describeEachDialect, testInstance, type TestInstance } from './harness.ts';
import { seedBook } from './portfolio-fixtures.ts';

/** 1,200,000 over 12 months at 1 % flat: 12 × (100,000 + 12,000) = 12 × 112,000; paid July and August only. */
const LATE_LOAN = { amount: 1_200_000, tenor: 12, disbursedOn: '2026-06-15', payments: [['2026-07-15', 112_000], ['2026-08-15', 112_000]] as [string, number][] };

async function dump(t: TestInstance) {
  const db = t.services.db.db;
  return {
    loans: await db.selectFrom('loans').selectAll().orderBy('id').execute(),
    snapshots: await db.selectFrom('loan_snapshots').selectAll().orderBy('loan_id').orderBy('as_of').execute(),
    accounts: await db.selectFrom('registry_accounts').selectAll().orderBy('id').execute(),
    history: await db.selectFrom('registry_history').selectAll().orderBy('account_id').orderBy('period').execute(),
    versions: await db.selectFrom('registry_history_versions').selectAll().execute(),
    batches: await db.selectFrom('registry_batches').selectAll().orderBy('id').execute(),
  };
}

describeEachDialect('close of day', (dialect) => {
  let t: TestInstance;
  beforeEach(async () => {
    t = await testInstance(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  it('on 2 Nov, unpaid since 15 Sep: DPD 15 + 31 + 2 = 48, arrears 2 × 112,000 = 224,000, DPK, allowance 5 % × 1,000,000 = 50,000', async () => {
    const { loanIds } = await seedBook(t, 'KSPA', [LATE_LOAN]);
    const result = await runCloseOfDay(t.services, { date: '2026-11-02' });
    expect(result).toMatchObject({ skipped: false, loans: 1, changed: 1, furnished: 1, rejected: 0, failed: 0 });
    const loan = await t.services.db.db.selectFrom('loans').selectAll().where('id', '=', loanIds[0] ?? 0).executeTakeFirstOrThrow();
    expect(loan).toMatchObject({
      state_as_of: '2026-11-02', days_past_due: 48, class_code: 'DPK', arrears: 224_000, outstanding_principal: 1_000_000, allowance: 50_000,
      penalty_due: 0, last_payment_on: '2026-08-15', next_due_on: '2026-09-15',
    });
    const snapshot = await t.services.db.db.selectFrom('loan_snapshots').selectAll().where('loan_id', '=', loanIds[0] ?? 0).execute();
    expect(snapshot).toEqual([expect.objectContaining({ as_of: '2026-11-02', days_past_due: 48, class_code: 'DPK', allowance: 50_000, status: 'active' })]);
  });

  it('on 20 Dec the same loan is 15 + 31 + 30 + 20 = 96 days late: Kurang Lancar, allowance 15 % × 1,000,000 = 150,000; the registry history shows 48 then 96', async () => {
    const { coop } = await seedBook(t, 'KSPA', [LATE_LOAN]);
    await runCloseOfDay(t.services, { date: '2026-11-02' });
    await runCloseOfDay(t.services, { date: '2026-12-20' });
    const loan = await t.services.db.db.selectFrom('loans').selectAll().executeTakeFirstOrThrow();
    expect(loan).toMatchObject({ days_past_due: 96, class_code: 'KL', arrears: 4 * 112_000, allowance: 150_000 });
    const account = await t.services.db.db.selectFrom('registry_accounts').selectAll().where('cooperative_id', '=', coop.id).executeTakeFirstOrThrow();
    expect(account).toMatchObject({ account_ref: 'KSPA-L1', source: 'workspace', days_past_due: 96, arrears: 448_000, outstanding: 1_000_000, status: 'active', last_period: '2026-12' });
    const history = await t.services.db.db.selectFrom('registry_history').select(['period', 'days_past_due']).where('account_id', '=', account.id).orderBy('period').execute();
    expect(history).toEqual([{ period: '2026-11', days_past_due: 48 }, { period: '2026-12', days_past_due: 96 }]);
  });

  it('running a date twice changes nothing: loans, snapshots, registry accounts, history and batches are equal; without --force the second run is skipped', async () => {
    await seedBook(t, 'KSPA', [LATE_LOAN, { amount: 5_000_000, tenor: 10, disbursedOn: '2026-09-01', payments: [['2026-10-01', 550_000]] }]);
    const first = await runCloseOfDay(t.services, { date: '2026-11-02' });
    expect(first).toMatchObject({ loans: 2, changed: 2, furnished: 2 });
    const before = await dump(t);
    expect(await runCloseOfDay(t.services, { date: '2026-11-02' })).toMatchObject({ skipped: true });
    t.clock.advance(3_600_000);
    const again = await runCloseOfDay(t.services, { date: '2026-11-02', force: true });
    expect(again).toMatchObject({ skipped: false, loans: 2, changed: 0, furnished: 0 });
    expect(await dump(t)).toEqual(before);
  });

  it('a claim held elsewhere is respected while its heartbeat is fresh and taken over once the lease ran out; a live process on this host keeps its claim', async () => {
    await seedBook(t, 'KSPA', [LATE_LOAN]);
    const db = t.services.db.db;
    const at = (ms: number) => new Date(t.clock.now().getTime() - ms).toISOString();
    const host = CLAIMANT.slice(0, CLAIMANT.lastIndexOf(':'));
    await db.insertInto('close_of_day_runs').values([
      { business_date: '2026-11-02', started_at: at(LEASE_MS * 3), heartbeat_at: at(LEASE_MS - 60_000), finished_at: null, loans: 1, claimed_by: 'server-2/pid:[1]:4242' },
      { business_date: '2026-11-03', started_at: at(LEASE_MS * 3), heartbeat_at: at(60_000), finished_at: null, loans: 1, claimed_by: `${host}:${process.ppid}` },
    ]).execute();
    expect(await runCloseOfDay(t.services, { date: '2026-11-02' })).toMatchObject({ skipped: true });
    expect(await runCloseOfDay(t.services, { date: '2026-11-03' })).toMatchObject({ skipped: true });
    t.clock.advance(60_001);
    expect(await runCloseOfDay(t.services, { date: '2026-11-02' })).toMatchObject({ skipped: false, loans: 1 });
    expect(await runCloseOfDay(t.services, { date: '2026-11-03' })).toMatchObject({ skipped: true });
    const rows = await db.selectFrom('close_of_day_runs').select(['business_date', 'claimed_by', 'finished_at']).orderBy('business_date').execute();
    expect(rows).toEqual([
      { business_date: '2026-11-02', claimed_by: CLAIMANT, finished_at: t.clock.now().toISOString() },
      { business_date: '2026-11-03', claimed_by: `${host}:${process.ppid}`, finished_at: null },
    ]);
  });

  it('a loan changed after close of day read it (a repayment meanwhile) keeps its fresher state; an unchanged one takes the new state', async () => {
    const { loanIds } = await seedBook(t, 'KSPA', [LATE_LOAN, LATE_LOAN]);
    const db = t.services.db.db;
    const [first, second] = await db.selectFrom('loans').select(['id', 'updated_at']).orderBy('id').execute();
    if (!first || !second) throw new Error('no loans');
    await db.updateTable('loans').set({ days_past_due: 0, updated_at: '2026-11-02T05:00:00.000Z' }).where('id', '=', second.id).execute();
    const state = { state_as_of: '2026-11-02', outstanding_principal: 1_000_000, arrears: 224_000, penalty_due: 0, days_past_due: 48, class_code: 'DPK', allowance: 50_000, last_payment_on: '2026-08-15', next_due_on: '2026-09-15' };
    await writeLoanStates(db, t.dialect, [{ id: first.id, ...state, readAt: first.updated_at }, { id: second.id, ...state, readAt: second.updated_at }], '2026-11-02T06:00:00.000Z');
    const after = await db.selectFrom('loans').select(['id', 'days_past_due', 'updated_at']).where('id', 'in', loanIds).orderBy('id').execute();
    expect(after).toEqual([
      { id: first.id, days_past_due: 48, updated_at: '2026-11-02T06:00:00.000Z' },
      { id: second.id, days_past_due: 0, updated_at: '2026-11-02T05:00:00.000Z' },
    ]);
  });

  it('a loan written off on 20 Oct with 1,000,000 outstanding is reported for November as hapus buku (written_off, 1,000,000), once', async () => {
    const { loanIds } = await seedBook(t, 'KSPA', [LATE_LOAN]);
    const db = t.services.db.db;
    await db.updateTable('loans').set({ status: 'written_off', closed_on: '2026-10-20', outstanding_principal: 1_000_000, arrears: 224_000, days_past_due: 35, allowance: 0 }).where('id', '=', loanIds[0] ?? 0).execute();
    expect(await runCloseOfDay(t.services, { date: '2026-11-02' })).toMatchObject({ loans: 0, furnished: 1, rejected: 0 });
    const account = await db.selectFrom('registry_accounts').selectAll().executeTakeFirstOrThrow();
    expect(account).toMatchObject({ account_ref: 'KSPA-L1', status: 'written_off', written_off_on: '2026-10-20', written_off_amount: 1_000_000, outstanding: 1_000_000, last_period: '2026-11', source: 'workspace' });
    expect(await runCloseOfDay(t.services, { date: '2026-11-03' })).toMatchObject({ furnished: 0 });
  });

  it('a loan disbursed today is in registry_accounts today (source workspace, outstanding 3,000,000) keyed by HMAC of its NIK, with no plain NIK or name', async () => {
    const { loanIds, persons } = await seedBook(t, 'KSPB', [{ amount: 3_000_000, tenor: 6, disbursedOn: '2026-11-02' }]);
    const result = await furnishLoanNow(t.services, loanIds[0] ?? 0, null);
    expect(result).toMatchObject({ stored: true, accepted: 1, rejected: 0 });
    const account = await t.services.db.db.selectFrom('registry_accounts').selectAll().executeTakeFirstOrThrow();
    const person = persons[0];
    if (!person) throw new Error('no person');
    expect(account).toMatchObject({ account_ref: 'KSPB-L1', source: 'workspace', opened_on: '2026-11-02', original_amount: 3_000_000, outstanding: 3_000_000, days_past_due: 0, status: 'active', last_period: '2026-11' });
    expect(account.subject_key).toBe(subjectKey(t.services.keys, person.nik));
    const stored = JSON.stringify(account);
    for (const needle of [person.nik, person.fullName, person.birthDate]) expect(stored).not.toContain(needle);
    const batch = await t.services.db.db.selectFrom('registry_batches').selectAll().executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ source: 'workspace', period: '2026-11', accepted: 1 });
  });

  it("a member's corrected NIK moves the account to the new subject when it is furnished again; later daily refreshes keep that subject", async () => {
    const { loanIds, persons } = await seedBook(t, 'KSPB', [{ amount: 3_000_000, tenor: 6, disbursedOn: '2026-11-02' }]);
    const person = persons[0];
    if (!person) throw new Error('no person');
    const db = t.services.db.db;
    await furnishLoanNow(t.services, loanIds[0] ?? 0, null);
    const corrected = `${person.nik.slice(0, 12)}${person.nik.endsWith('0007') ? '0008' : '0007'}`;
    const { member_id: memberId } = await db.selectFrom('loans').select('member_id').where('id', '=', loanIds[0] ?? 0).executeTakeFirstOrThrow();
    await db.updateTable('members').set({ nik_enc: encryptField(t.services.keys, corrected), updated_at: t.clock.now().toISOString() }).where('id', '=', memberId).execute();
    expect(await furnishLoanNow(t.services, loanIds[0] ?? 0, null)).toMatchObject({ accepted: 1, rejected: 0 });
    const subject = async () => (await db.selectFrom('registry_accounts').select(['subject_key', 'days_past_due']).executeTakeFirstOrThrow());
    expect(await subject()).toEqual({ subject_key: subjectKey(t.services.keys, corrected), days_past_due: 0 });
    // Unpaid since 2 Dec: the December refresh changes the figures, not the subject.
    expect(await runCloseOfDay(t.services, { date: '2026-12-20' })).toMatchObject({ furnished: 1, rejected: 0 });
    expect(await subject()).toEqual({ subject_key: subjectKey(t.services.keys, corrected), days_past_due: 18 });
  });
});
