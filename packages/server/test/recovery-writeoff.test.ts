import { afterEach, expect, it } from 'vitest';
import { describeEachDialect, json } from './harness.ts';
import { call, disbursedLoan, recoveryWorld, setBusinessDate } from './recovery-world.ts';

type World = Awaited<ReturnType<typeof recoveryWorld>>;

describeEachDialect('recovery: hapus buku, recoveries, hapus tagih and the accounts', (dialect) => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.t.close();
    w = undefined;
  });

  /**
   * The accounts of every loan and of the cooperative: each loan's exposure (on balance +
   * written off − recovered − forgiven) equals what the test expects the member still owes,
   * the totals are the sums, and the loan rows agree with the recovery records.
   */
  async function expectAccounts(world: World, expected: Record<number, number>) {
    const { body } = await call(world, world.cookies.pengawas, '/api/recovery/accounts');
    const byLoan = Object.fromEntries(body.loans.map((a: { loanId: number; exposure: number }) => [a.loanId, a.exposure]));
    expect(byLoan).toEqual(expected);
    expect(body.loans.every((a: { reconciles: boolean }) => a.reconciles)).toBe(true);
    expect(body.totals.exposure).toBe(Object.values(expected).reduce((s, n) => s + n, 0));
    expect(body.totals.onBalance + body.totals.writtenOff - body.totals.recovered - body.totals.forgiven).toBe(body.totals.exposure);
    const book = await world.t.services.db.db.selectFrom('loans').select('outstanding_principal').where('cooperative_id', '=', world.coopA).where('status', '=', 'active').execute();
    expect(body.totals.onBalance).toBe(book.reduce((s, r) => s + Number(r.outstanding_principal), 0));
    return body;
  }

  it('6,000,000 written off (Macet, 100 % allowance, 2 attempts), 500,000 recovered → claim 5,500,000, forgiven on RAT 45 ≥ quorum 40 → 0; accounts reconcile after every step', async () => {
    w = await recoveryWorld(dialect);
    const bad = await disbursedLoan(w, w.productId);
    const good = await disbursedLoan(w, w.productId);
    await expectAccounts(w, { [bad.id]: 6_000_000, [good.id]: 6_000_000 });

    await setBusinessDate(w, '2027-03-15');
    for (const [paidOn, receipt] of [['2026-12-02', 'K-1'], ['2027-01-02', 'K-2']]) {
      const res = await w.t.request(`/api/loans/${good.id}/repayments`, { method: 'POST', cookie: w.cookies.petugas, json: { amount: 560_000, paidOn, channel: 'cash', receiptNo: receipt } });
      expect(res.status, JSON.stringify(await json(res))).toBe(201);
    }
    // 2 × 500,000 principal repaid on the good loan: 6,000,000 − 1,000,000 = 5,000,000.
    await expectAccounts(w, { [bad.id]: 6_000_000, [good.id]: 5_000_000 });

    // 2027-03-15: DPD 103 (since 2026-12-02), class KL — not Macet.
    const caseId = (await call(w, w.cookies.petugas, '/api/recovery/cases', { loanId: bad.id })).body.case.id as number;
    const notMacet = await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/write-offs`, { reason: 'Macet' });
    expect([notMacet.status, notMacet.body.code]).toEqual([409, 'write_off_not_macet']);
    expect(notMacet.body.detail).toContain('KL');

    await setBusinessDate(w, '2027-06-15');
    const noAttempts = await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/write-offs`, { reason: 'Macet' });
    expect([noAttempts.status, noAttempts.body.code]).toEqual([409, 'write_off_attempts_missing']);
    expect((await call(w, w.cookies.petugas, '/api/recovery/settings', { minCollectionAttempts: 2 }, 'PUT')).status).toBe(403);
    expect((await call(w, w.cookies.pengurus, '/api/recovery/settings', { minCollectionAttempts: 2 }, 'PUT')).status).toBe(200);
    for (const metOn of ['2027-06-10', '2027-06-14']) {
      const visit = { metOn, metTime: '10:00', place: 'Rumah anggota', attendees: [{ name: 'Sri', role: 'member' }], situation: 'Tidak ada penghasilan', outcome: 'Belum sanggup' };
      expect((await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/negotiations`, visit)).status).toBe(201);
    }
    const check = (await call(w, w.cookies.pengawas, `/api/recovery/cases/${caseId}/write-off-check`)).body;
    expect(check).toMatchObject({ classCode: 'M', outstanding: 6_000_000, allowance: 6_000_000, attempts: 2, requiredAttempts: 2, eligible: true });
    expect(await w.t.services.db.db.selectFrom('recovery_write_offs').selectAll().execute()).toEqual([]);

    // The proposer may not decide; a petugas is told the pengurus decides.
    const own = await call(w, w.cookies.pengurus2, `/api/recovery/cases/${caseId}/write-offs`, { reason: 'Usulan pengurus' });
    expect(own.status).toBe(201);
    expect((await call(w, w.cookies.pengurus2, `/api/recovery/write-offs/${own.body.id}/decide`, { approve: true })).body.code).toBe('decider_is_proposer');
    expect((await call(w, w.cookies.petugas, `/api/recovery/write-offs/${own.body.id}/decide`, { approve: true })).body.code).toBe('write_off_decision_by_pengurus');
    expect((await call(w, w.cookies.pengurus, `/api/recovery/write-offs/${own.body.id}/decide`, { approve: true })).status).toBe(200);
    expect((await call(w, w.cookies.pengurus, `/api/recovery/write-offs/${own.body.id}/review`, { agree: true })).status).toBe(403);
    await expectAccounts(w, { [bad.id]: 6_000_000, [good.id]: 5_000_000 });
    expect((await call(w, w.cookies.pengawas, `/api/recovery/write-offs/${own.body.id}/review`, { agree: true, note: 'Sesuai' })).status).toBe(200);

    const db = w.t.services.db.db;
    expect(await db.selectFrom('loans').select(['status', 'outstanding_principal', 'closed_on']).where('id', '=', bad.id).executeTakeFirstOrThrow())
      .toEqual({ status: 'written_off', outstanding_principal: 6_000_000, closed_on: '2027-06-15' });
    let accounts = await expectAccounts(w, { [bad.id]: 6_000_000, [good.id]: 5_000_000 });
    expect(accounts.totals).toMatchObject({ onBalance: 5_000_000, writtenOff: 6_000_000, offBalance: 6_000_000 });

    const tooMuch = await call(w, w.cookies.petugas, `/api/recovery/loans/${bad.id}/recoveries`, { amount: 6_000_001, receiptNo: 'RB-1' });
    expect([tooMuch.status, tooMuch.body.code]).toEqual([400, 'recovery_above_claim']);
    expect((await call(w, w.cookies.petugas, `/api/recovery/loans/${good.id}/recoveries`, { amount: 1, receiptNo: 'RB-0' })).body.code).toBe('recovery_requires_write_off');
    expect((await call(w, w.cookies.petugas, `/api/recovery/loans/${bad.id}/recoveries`, { amount: 500_000, receiptNo: 'RB-1' })).status).toBe(201);
    accounts = await expectAccounts(w, { [bad.id]: 5_500_000, [good.id]: 5_000_000 });
    expect(accounts.totals).toMatchObject({ writtenOff: 6_000_000, recovered: 500_000, offBalance: 5_500_000 });
    const registry = () => db.selectFrom('registry_accounts').select(['status', 'outstanding']).where('cooperative_id', '=', w!.coopA).where('account_ref', '=', bad.loanNo).executeTakeFirst();
    expect(await registry()).toEqual({ status: 'written_off', outstanding: 5_500_000 });

    const rat = { ratMeetingOn: '2027-06-01', ratDecisionNo: 'RAT/2027/07', membersPresent: 45, quorum: 40, confirm: true };
    expect((await call(w, w.cookies.pengurus, `/api/recovery/loans/${good.id}/forgiveness`, rat)).body.code).toBe('forgiveness_requires_write_off');
    expect((await call(w, w.cookies.pengurus, `/api/recovery/loans/${bad.id}/forgiveness`, { confirm: true })).body.code).toBe('rat_decision_required');
    expect((await call(w, w.cookies.pengurus, `/api/recovery/loans/${bad.id}/forgiveness`, { ...rat, membersPresent: 39 })).body.code).toBe('rat_quorum_not_met');
    expect((await call(w, w.cookies.pengurus, `/api/recovery/loans/${bad.id}/forgiveness`, { ...rat, confirm: false })).body.code).toBe('forgiveness_not_confirmed');
    expect((await call(w, w.cookies.petugas, `/api/recovery/loans/${bad.id}/forgiveness`, rat)).status).toBe(403);
    await expectAccounts(w, { [bad.id]: 5_500_000, [good.id]: 5_000_000 });
    expect((await call(w, w.cookies.pengurus, `/api/recovery/loans/${bad.id}/forgiveness`, rat)).status).toBe(200);
    accounts = await expectAccounts(w, { [bad.id]: 0, [good.id]: 5_000_000 });
    expect(accounts.totals).toMatchObject({ writtenOff: 6_000_000, recovered: 500_000, forgiven: 5_500_000, offBalance: 0 });
    expect(await registry()).toEqual({ status: 'forgiven', outstanding: 0 });
    expect((await call(w, w.cookies.pengurus, `/api/recovery/loans/${bad.id}/forgiveness`, rat)).body.code).toBe('forgiveness_requires_write_off');
    expect((await call(w, w.cookies.petugas, `/api/recovery/loans/${bad.id}/recoveries`, { amount: 1, receiptNo: 'RB-2' })).body.code).toBe('recovery_requires_write_off');

    const audit = await db.selectFrom('audit_log').select(['action', 'details']).where('action', 'like', 'recovery.%').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining([
      'recovery.write_off_proposed', 'recovery.write_off_decided', 'recovery.write_off_executed', 'recovery.recovery_recorded', 'recovery.forgiven', 'recovery.settings_changed',
    ]));
    expect(JSON.stringify(audit)).not.toMatch(/Anggota A-0001|3316014101900001|Tidak ada penghasilan/);
    const detail = (await call(w, w.cookies.pengawas, `/api/recovery/cases/${caseId}`)).body;
    expect(detail.case.status).toBe('forgiven');
    expect(detail.claim).toMatchObject({ writtenOff: 6_000_000, recovered: 500_000, forgiven: 5_500_000, remaining: 0 });

    // Documents carry the figures; reports: 500,000 ÷ 6,000,000 recovered.
    for (const path of [`write-off?id=${own.body.id}`, 'forgiveness', `berita-acara?id=${detail.negotiations[0].id}`]) {
      const res = await w.t.request(`/api/recovery/cases/${caseId}/documents/${path}`, { cookie: w.cookies.pengawas });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await w.t.request(`/api/recovery/cases/${caseId}/documents/berita-acara?id=999999`, { cookie: w.cookies.pengawas })).status).toBe(404);
    expect((await w.t.request(`/api/recovery/cases/${caseId}/documents/write-off?id=${own.body.id}`, { cookie: w.cookies.petugasB })).status).toBe(404);
    const reports = (await call(w, w.cookies.pengawas, '/api/recovery/reports')).body;
    expect(reports.funnel).toEqual([
      { stage: 'opened', cases: 1 }, { stage: 'negotiated', cases: 1 }, { stage: 'promised', cases: 0 }, { stage: 'cured', cases: 0 },
      { stage: 'restructured', cases: 0 }, { stage: 'written_off', cases: 1 }, { stage: 'forgiven', cases: 1 },
    ]);
    expect(reports.recoveries).toEqual({ writtenOff: 6_000_000, recovered: 500_000, forgiven: 5_500_000, recoveryRate: 500_000 / 6_000_000 });
    const csv = await w.t.request('/api/recovery/reports/funnel/export?format=csv', { cookie: w.cookies.pengawas });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('written_off,1');
    expect((await w.t.request('/api/recovery/reports/recoveries/export?format=xlsx', { cookie: w.cookies.pengawas })).status).toBe(200);
  });

  it('a 4,000,000 vehicle (50 % = 2,000,000 deducted) leaves the allowance at 4,000,000 < 6,000,000: refused, nothing stored', async () => {
    w = await recoveryWorld(dialect);
    const { t, cookies } = w;
    const applied = await t.request('/api/loans', { method: 'POST', cookie: cookies.petugas, json: { memberId: w.memberId, productId: w.productId, amount: 6_000_000, tenor: 12, purpose: 'Modal', consentRef: 'SP-2', collateral: [{ type: 'vehicle_fiducia', value: 4_000_000 }] } });
    const loanId = (await json(applied)).loan.id as number;
    for (const step of ['approve', 'disburse']) expect((await t.request(`/api/loans/${loanId}/${step}`, { method: 'POST', cookie: cookies.pengurus, json: {} })).status).toBe(200);
    await setBusinessDate(w, '2027-06-15');
    await call(w, cookies.pengurus, '/api/recovery/settings', { minCollectionAttempts: 0 }, 'PUT');
    const caseId = (await call(w, cookies.petugas, '/api/recovery/cases', { loanId })).body.case.id as number;
    const res = await call(w, cookies.petugas, `/api/recovery/cases/${caseId}/write-offs`, { reason: 'Macet' });
    expect([res.status, res.body.code]).toEqual([409, 'write_off_allowance_incomplete']);
    expect(res.body.detail).toContain('4000000');
    expect(await t.services.db.db.selectFrom('recovery_write_offs').selectAll().execute()).toEqual([]);
  });
});
