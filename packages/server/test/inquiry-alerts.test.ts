import { afterEach, beforeEach, expect, it } from 'vitest';
import { inquiryAbuseFlags } from '../src/modules/inquiry/abuse.service.ts';
import { describeEachDialect, json, seedUser, signInCookie, testInstance, type TestInstance } from './harness.ts';
import { BUDI, SRI, furnish, inquire, seedWorld, type World } from './inquiry-fixture.ts';

const newLoan = { purpose: 'new_loan', consentRef: 'PRS-2026-0012' };
const DAY = 86_400_000;

describeEachDialect('registry alerts', (dialect) => {
  let t: TestInstance;
  let w: World;
  beforeEach(async () => {
    t = await testInstance(dialect);
    w = await seedWorld(t);
  });
  afterEach(async () => t.close());
  const inbox = async (key: string) => json(await t.request('/api/registry/alerts', { headers: { authorization: `Bearer ${key}` } }));

  it('a new-loan check at KSPB alerts KSPA and KSPC (1 unread each, about their own account), not KSPB; an own request alerts nobody', async () => {
    await inquire(t, { key: w.keys.b }, { ...SRI, ...newLoan });
    await inquire(t, { key: w.keys.b }, { ...SRI, purpose: 'own_request', consentRef: 'loket' });
    const a = await inbox(w.keys.a);
    expect(a.unread).toBe(1);
    expect(a.items).toEqual([{ id: expect.any(Number), kind: 'inquiry_elsewhere', accountRef: 'PJ-A1', source: { code: 'KSPB', name: 'Koperasi KSPB' }, createdAt: '2026-11-02T03:00:00.000Z', read: false }]);
    expect((await inbox(w.keys.c)).items.map((x: { accountRef: string }) => x.accountRef)).toEqual(['PC-0001']);
    expect(await inbox(w.keys.b)).toEqual({ unread: 0, items: [] });
  });

  it("marking read: KSPA cannot touch KSPC's alert (0 marked); KSPA marks its own (1 → 0 unread)", async () => {
    await inquire(t, { key: w.keys.b }, { ...SRI, ...newLoan });
    const cAlert = (await inbox(w.keys.c)).items[0].id;
    const mark = (key: string, body: unknown) => t.request('/api/registry/alerts/read', { method: 'POST', json: body, headers: { authorization: `Bearer ${key}` } });
    expect(await json(await mark(w.keys.a, { ids: [cAlert] }))).toEqual({ marked: 0, unread: 1 });
    expect((await inbox(w.keys.c)).unread).toBe(1);
    expect(await json(await mark(w.keys.a, { all: true }))).toEqual({ marked: 1, unread: 0 });
  });

  it('furnishing raises alerts once: DPD 35 at KSPC → KSPA dpd30; the same again → nothing new; a new account at KSPB → KSPA and KSPC; a write-off at KSPC → KSPA', async () => {
    const sri = { nik: SRI.nik, full_name: SRI.fullName, birth_date: SRI.birthDate };
    const c = { account_ref: 'PC-0001', ...sri, opened_on: '2026-09-20', original_amount: 3_000_000, frequency: 'weekly', instalment_amount: 60_000, outstanding: 2_900_000, arrears: 120_000, days_past_due: 35, status: 'active' };
    await furnish(t, w.keys.c, '2026-10', [c]);
    await furnish(t, w.keys.c, '2026-10', [c]);
    expect((await inbox(w.keys.a)).items.map((x: { kind: string }) => x.kind)).toEqual(['dpd30_elsewhere']);
    await furnish(t, w.keys.b, '2026-10', [{ account_ref: 'B-77', ...sri, opened_on: '2026-10-20', original_amount: 2_000_000, outstanding: 2_000_000, days_past_due: 0, status: 'active' }]);
    await furnish(t, w.keys.c, '2026-10', [{ ...c, status: 'written_off', written_off_on: '2026-10-30', written_off_amount: 2_900_000 }]);
    expect((await inbox(w.keys.a)).items.map((x: { kind: string; source: { code: string } }) => `${x.kind}@${x.source.code}`)).toEqual(['write_off_elsewhere@KSPC', 'new_account_elsewhere@KSPB', 'dpd30_elsewhere@KSPC']);
    expect((await inbox(w.keys.c)).items.map((x: { kind: string }) => x.kind)).toEqual(['new_account_elsewhere']);
    expect((await inbox(w.keys.b)).items.map((x: { kind: string }) => x.kind)).toEqual(['write_off_elsewhere']);
  });

  it('the daily digest of 2026-11-02 counts 1 inquiry_elsewhere; the next day is empty', async () => {
    await inquire(t, { key: w.keys.b }, { ...SRI, ...newLoan });
    const digest = await json(await t.request('/api/registry/alerts/digest?date=2026-11-02', { headers: { authorization: `Bearer ${w.keys.a}` } }));
    expect(digest.counts).toEqual({ new_account_elsewhere: 0, inquiry_elsewhere: 1, dpd30_elsewhere: 0, write_off_elsewhere: 0 });
    const next = await json(await t.request('/api/registry/alerts/digest?date=2026-11-03', { headers: { authorization: `Bearer ${w.keys.a}` } }));
    expect(next.items).toEqual([]);
  });

  it('abuse watch: 6 new-loan checks by KSPB with no account after 61 days → 6 of 6 unfollowed, flagged fishing; KSPA is not', async () => {
    for (let i = 0; i < 6; i++) await inquire(t, { key: w.keys.b }, { ...BUDI, ...newLoan });
    t.clock.advance(61 * DAY);
    const flags = await inquiryAbuseFlags(t.services);
    expect(flags.find((f) => f.code === 'KSPB')).toMatchObject({ judgedInquiries: 6, unfollowed: 6, unfollowedShare: 1, flags: ['fishing'] });
    expect(flags.find((f) => f.code === 'KSPA')).toBeUndefined();
  });
});

describeEachDialect('registry disputes', (dialect) => {
  let t: TestInstance;
  let w: World;
  let cookieC: string;
  beforeEach(async () => {
    t = await testInstance(dialect);
    w = await seedWorld(t);
    await seedUser(t, 'petugas.c', 'petugas', w.c);
    await seedUser(t, 'petugas.b', 'petugas', w.b);
    cookieC = await signInCookie(t, 'petugas.c');
  });
  afterEach(async () => t.close());

  const ownReport = async (cookie: string) => json(await inquire(t, { cookie }, { ...SRI, purpose: 'own_request', consentRef: 'loket' }));
  const open = (cookie: string, accountId: number) => t.request('/api/registry/disputes', { method: 'POST', cookie, json: { accountId, reasonCode: 'wrong_days_past_due' } });
  const resolve = (key: string, id: number, outcome: string) => t.request(`/api/registry/disputes/${id}/resolve`, { method: 'POST', json: { outcome }, headers: { authorization: `Bearer ${key}` } });

  it('opened Mon 2026-11-02 at KSPC → due 20 working days later, Mon 2026-11-30; the line shows disputed at once; removed as unsubstantiated → gone from reports', async () => {
    const lineA = (await ownReport(cookieC)).accounts[0];
    const res = await open(cookieC, lineA.accountId);
    expect(res.status).toBe(201);
    const dispute = await json(res);
    expect(dispute).toMatchObject({ dueOn: '2026-11-30', status: 'open' });
    const during = await json(await inquire(t, { key: w.keys.b }, { ...SRI, ...newLoan }));
    expect(during.accounts[0].disputed).toBe(true);
    expect(during.summary.disputedEntries).toBe(1);
    expect((await open(cookieC, lineA.accountId)).status).toBe(409);
    expect((await resolve(w.keys.c, dispute.id, 'removed')).status).toBe(404);
    const done = await resolve(w.keys.a, dispute.id, 'removed');
    expect(await json(done)).toMatchObject({ status: 'removed', resolvedOn: '2026-11-02' });
    const after = await json(await inquire(t, { key: w.keys.b }, { ...SRI, ...newLoan }));
    expect(after.accounts.map((a: { cooperative: { code: string } }) => a.cooperative.code)).toEqual(['KSPC']);
    const actions = (await t.services.db.db.selectFrom('audit_log').select('action').where('action', 'like', 'registry.dispute.%').execute()).map((r) => r.action);
    expect(actions).toEqual(['registry.dispute.open', 'registry.dispute.resolve']);
  });

  it('a cooperative where the member did not ask for their own report cannot open a dispute (404)', async () => {
    const lineA = (await ownReport(cookieC)).accounts[0];
    expect((await open(await signInCookie(t, 'petugas.b'), lineA.accountId)).status).toBe(404);
  });

  it('confirmed by KSPA → flag cleared, line kept; overdue after 2026-11-30 → escalated for the Dinas, who may decide', async () => {
    const [lineA, lineC] = (await ownReport(cookieC)).accounts;
    const first = await json(await open(cookieC, lineA.accountId));
    expect(await json(await resolve(w.keys.a, first.id, 'confirmed'))).toMatchObject({ status: 'confirmed' });
    const again = await json(await inquire(t, { key: w.keys.b }, { ...SRI, ...newLoan }));
    expect(again.accounts.map((a: { disputed: boolean }) => a.disputed)).toEqual([false, false]);
    const second = await json(await open(cookieC, lineC.accountId));
    t.clock.advance(30 * DAY);
    await seedUser(t, 'admin', 'platform_admin');
    const admin = await signInCookie(t, 'admin');
    const list = await json(await t.request('/api/registry/disputes', { cookie: admin }));
    expect(list.items.find((d: { id: number }) => d.id === second.id)).toMatchObject({ status: 'open', escalated: true, dueOn: '2026-11-30' });
    const decided = await t.request(`/api/registry/disputes/${second.id}/resolve`, { method: 'POST', cookie: admin, json: { outcome: 'removed' } });
    expect(decided.status).toBe(200);
  });
});
