import { afterEach, expect, it } from 'vitest';
import { describeEachDialect, seedUser, signInCookie } from './harness.ts';
import { call, disbursedLoan, recoveryWorld, setBusinessDate } from './recovery-world.ts';

type World = Awaited<ReturnType<typeof recoveryWorld>>;

describeEachDialect('recovery: options and restructuring', (dialect) => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.t.close();
    w = undefined;
  });

  async function caseOnOverdueLoan(world: World) {
    const loan = await disbursedLoan(world, world.penaltyProductId);
    await setBusinessDate(world, '2027-02-21');
    const caseId = (await call(world, world.cookies.petugas, '/api/recovery/cases', { loanId: loan.id })).body.case.id as number;
    return { loan, caseId };
  }

  it('capacity: 5,000,000 income − 3,000,000 expenses → min(30 % = 1,500,000, 2,000,000) = 1,500,000; five options side by side from the engine', async () => {
    w = await recoveryWorld(dialect);
    const { caseId } = await caseOnOverdueLoan(w);
    const res = await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/options`, { income: 5_000_000, expenses: 3_000_000, tenor: 18 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ outstanding: 6_000_000, interestArrears: 180_000, penaltyArrears: 75_000 });
    expect(res.body.capacity).toMatchObject({ maxInstallment: 1_500_000, binding: 'debt_service_ratio', otherInstallments: 0 });
    const byKey = Object.fromEntries(res.body.options.map((o: { key: string }) => [o.key, o]));
    expect(Object.keys(byKey)).toEqual(['reschedule', 'lower_rate', 'capitalise', 'grace', 'waive_penalties']);
    // 6,000,000 + 180,000 interest + 75,000 penalty capitalised = 6,255,000 over 18: 347,500 + 1 % × 6,255,000 = 410,050.
    expect(byKey.reschedule).toMatchObject({ ok: true, principal: 6_255_000, tenor: 18, firstInstallment: 410_050, capitalised: 255_000, fitsCapacity: true });
    expect(byKey.reschedule.totalCost).toBe(18 * 410_050);
    expect(byKey.reschedule.schedule).toHaveLength(18);
    // Waiving the 75,000 penalty: 6,180,000 over the 12 unpaid instalments.
    expect(byKey.waive_penalties).toMatchObject({ ok: true, principal: 6_180_000, waived: 75_000, tenor: 12 });
    expect(byKey.grace.schedule[0].principal).toBe(0);
  });

  it('refusals change nothing: a plan leaving arrears, approval by a petugas, by the original approver, by the proposer', async () => {
    w = await recoveryWorld(dialect);
    const { loan, caseId } = await caseOnOverdueLoan(w);
    const leaves = await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/restructurings`, { plan: { tenor: 18 }, reason: 'Usaha bangkit lagi' });
    expect(leaves.status).toBe(400);
    expect(leaves.body.code).toBe('restructuring_leaves_arrears');
    expect(leaves.body.detail).toContain('180000');

    const own = await call(w, w.cookies.pengurus2, `/api/recovery/cases/${caseId}/restructurings`, { plan: { tenor: 18, capitalise: { interest: true, penalty: true } }, reason: 'Usulan pengurus' });
    expect(own.status).toBe(201);
    const self = await call(w, w.cookies.pengurus2, `/api/recovery/restructurings/${own.body.id}/approve`, {});
    expect([self.status, self.body.code]).toEqual([403, 'approver_is_proposer']);
    const second = await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/restructurings`, { plan: { tenor: 24, capitalise: { interest: true, penalty: true } }, reason: 'x' });
    expect([second.status, second.body.code]).toEqual([409, 'restructuring_pending']);
    expect((await call(w, w.cookies.pengurus, `/api/recovery/restructurings/${own.body.id}/reject`, { note: 'Diganti usulan petugas' })).status).toBe(200);

    const proposed = await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/restructurings`, { plan: { tenor: 18, capitalise: { interest: true, penalty: true } }, reason: 'Usaha bangkit lagi' });
    expect(proposed.status).toBe(201);
    await seedUser(w.t, 'petugas2', 'petugas', w.coopA);
    const junior = await call(w, await signInCookie(w.t, 'petugas2'), `/api/recovery/restructurings/${proposed.body.id}/approve`, {});
    expect([junior.status, junior.body.code]).toEqual([403, 'approver_not_senior']);
    const original = await call(w, w.cookies.pengurus, `/api/recovery/restructurings/${proposed.body.id}/approve`, {});
    expect([original.status, original.body.code]).toEqual([403, 'approver_is_original']);
    const row = await w.t.services.db.db.selectFrom('loans').select(['restructured_count', 'schedule']).where('id', '=', loan.id).executeTakeFirstOrThrow();
    expect(row.restructured_count).toBe(0);
    expect(JSON.parse(row.schedule ?? '[]')).toHaveLength(12);
    expect(await w.t.services.db.db.selectFrom('loan_schedules').selectAll().execute()).toEqual([]);
  });

  it('executed by another pengurus: 6,255,000 over 18 (410,050 a month), old 12-row schedule kept, restructured 1× on 2027-02-21, class held at DPK, case closed, registry restructured', async () => {
    w = await recoveryWorld(dialect);
    const { loan, caseId } = await caseOnOverdueLoan(w);
    const proposed = await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/restructurings`, { plan: { tenor: 18, capitalise: { interest: true, penalty: true } }, reason: 'Usaha bangkit lagi' });
    const approved = await call(w, w.cookies.pengurus2, `/api/recovery/restructurings/${proposed.body.id}/approve`, { note: 'Disetujui' });
    expect(approved.status).toBe(200);
    const db = w.t.services.db.db;
    const row = await db.selectFrom('loans').selectAll().where('id', '=', loan.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ restructured_count: 1, restructured_on: '2027-02-21', tenor: 18, installment_amount: 410_050, days_past_due: 0, arrears: 0, class_code: 'DPK', outstanding_principal: 6_255_000 });
    const old = await db.selectFrom('loan_schedules').selectAll().execute();
    expect(old).toHaveLength(1);
    expect(JSON.parse(old[0]?.schedule ?? '[]')).toHaveLength(12);
    const detail = (await call(w, w.cookies.pengawas, `/api/recovery/cases/${caseId}`)).body;
    expect(detail.case.status).toBe('restructured');
    expect(detail.restructurings.at(-1)).toMatchObject({ status: 'executed', kinds: ['rescheduling', 'restructuring'], newPrincipal: 6_255_000, newTenor: 18 });
    expect(detail.state).toMatchObject({ classCode: 'DPK', daysPastDue: 0 });
    expect((await call(w, w.cookies.petugas, '/api/recovery/worklist')).body.items).toEqual([]);
    const account = await db.selectFrom('registry_accounts').select(['status', 'outstanding']).where('cooperative_id', '=', w.coopA).where('account_ref', '=', loan.loanNo).executeTakeFirst();
    expect(account).toEqual({ status: 'restructured', outstanding: 6_255_000 });
    const actions = (await db.selectFrom('audit_log').select('action').where('action', 'like', 'recovery.%').execute()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['recovery.case_opened', 'recovery.restructuring_proposed', 'recovery.restructuring_executed']));
    const pdf = await w.t.request(`/api/recovery/cases/${caseId}/documents/restructuring?id=${proposed.body.id}`, { cookie: w.cookies.petugas });
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const reports = (await call(w, w.cookies.petugas, '/api/recovery/reports')).body;
    expect(reports.funnel.find((f: { stage: string }) => f.stage === 'restructured').cases).toBe(1);
  });
});
