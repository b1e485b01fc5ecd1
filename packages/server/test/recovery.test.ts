import { afterEach, expect, it } from 'vitest';
import { describeEachDialect } from './harness.ts';
import { accountElsewhere, call, disbursedLoan, recoveryWorld, setBusinessDate } from './recovery-world.ts';

type World = Awaited<ReturnType<typeof recoveryWorld>>;
const NIK = '3316014101900001';

describeEachDialect('recovery: worklist, case, negotiation, promise, restructuring', (dialect) => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.t.close();
    w = undefined;
  });

  it('worklist: 3 unpaid instalments of 500,000 + 60,000 → arrears 1,680,000, penalty 3 × 25,000 = 75,000, DPD 75 (2026-12-02 → 2027-02-15), class DPK', async () => {
    w = await recoveryWorld(dialect);
    const loan = await disbursedLoan(w, w.penaltyProductId);
    const early = await call(w, w.cookies.petugas, '/api/recovery/cases', { loanId: loan.id });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('loan_not_in_arrears');
    expect((await call(w, w.cookies.petugas, '/api/recovery/cases')).body.items).toEqual([]);

    await setBusinessDate(w, '2027-02-15');
    const list = await call(w, w.cookies.petugas, '/api/recovery/worklist');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ loanId: loan.id, arrears: 1_680_000, penaltyDue: 75_000, daysPastDue: 75, classCode: 'DPK', priority: 2, caseId: null, outstanding: 6_000_000 });
    expect((await call(w, w.cookies.petugas, '/api/recovery/worklist?classCode=M')).body.items).toEqual([]);
    expect((await call(w, w.cookies.petugas, '/api/recovery/worklist?kecamatan=331601')).body.items).toEqual([]);
    const officerId = list.body.items[0].officer.id as number;
    expect((await call(w, w.cookies.petugas, `/api/recovery/worklist?officerId=${officerId}`)).body.items).toHaveLength(1);
    expect((await call(w, w.cookies.petugas, `/api/recovery/worklist?officerId=${officerId + 100}`)).body.items).toHaveLength(0);

    const opened = await call(w, w.cookies.petugas, '/api/recovery/cases', { loanId: loan.id });
    expect(opened.status).toBe(201);
    const again = await call(w, w.cookies.pengurus, '/api/recovery/cases', { loanId: loan.id });
    expect(again.status).toBe(200);
    expect(again.body.case.id).toBe(opened.body.case.id);
    expect((await call(w, w.cookies.petugas, '/api/recovery/worklist')).body.items[0].caseId).toBe(opened.body.case.id);
  });

  it('roles and tenancy: Dinas roles 403 on every recovery read; another cooperative gets 404 for the case and the loan', async () => {
    w = await recoveryWorld(dialect);
    const loan = await disbursedLoan(w, w.penaltyProductId);
    await setBusinessDate(w, '2027-02-15');
    const caseId = (await call(w, w.cookies.petugas, '/api/recovery/cases', { loanId: loan.id })).body.case.id as number;
    for (const cookie of [w.cookies.analyst, w.cookies.admin]) {
      expect((await call(w, cookie, '/api/recovery/worklist')).status).toBe(403);
      expect((await call(w, cookie, `/api/recovery/cases/${caseId}`)).status).toBe(403);
      expect((await call(w, cookie, '/api/recovery/accounts')).status).toBe(403);
    }
    expect((await call(w, w.cookies.petugasB, `/api/recovery/cases/${caseId}`)).status).toBe(404);
    expect((await call(w, w.cookies.petugasB, '/api/recovery/cases', { loanId: loan.id })).status).toBe(404);
    expect((await call(w, w.cookies.petugasB, `/api/recovery/cases/${caseId}/promises`, { amount: 1, dueOn: '2027-03-01' })).status).toBe(404);
    expect((await call(w, w.cookies.pengawas, `/api/recovery/cases/${caseId}/promises`, { amount: 1, dueOn: '2027-03-01' })).status).toBe(403);
    expect((await call(w, w.cookies.pengawas, `/api/recovery/cases/${caseId}`)).status).toBe(200);
  });

  it('causes (multiple borrowing suggested from the registry), negotiations flagged on Sunday and with a spouse, a broken promise raises priority 2 → 3', async () => {
    w = await recoveryWorld(dialect);
    const loan = await disbursedLoan(w, w.penaltyProductId);
    await accountElsewhere(w, NIK);
    await setBusinessDate(w, '2027-02-15');
    const caseId = (await call(w, w.cookies.petugas, '/api/recovery/cases', { loanId: loan.id })).body.case.id as number;
    let detail = (await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}`)).body;
    expect(detail.suggestedCauses).toEqual(['multiple_borrowing']);
    expect(detail.elsewhere).toEqual({ accounts: 1, cooperatives: 1, monthlyInstallments: 280_000 });
    const cause = await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/causes`, { code: 'business_failure', note: 'Warung sepi sejak pasar pindah' });
    expect(cause.status).toBe(201);
    expect(cause.body.causes).toMatchObject([{ code: 'business_failure', note: 'Warung sepi sejak pasar pindah' }]);
    expect((await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/causes`, { code: 'bad_luck' })).status).toBe(400);

    const visit = { place: 'Rumah anggota', situation: 'Dagangan sepi, anak sakit', outcome: 'Sanggup bayar sebagian' };
    const sunday = await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/negotiations`, { ...visit, metOn: '2027-02-14', metTime: '10:00', attendees: [{ name: 'Sri', role: 'member' }] });
    expect(sunday.status).toBe(201);
    const spouse = await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/negotiations`, {
      ...visit, metOn: '2027-02-15', metTime: '09:30', attendees: [{ name: 'Sri', role: 'member' }, { name: 'Joko', role: 'spouse' }],
    });
    const fine = await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/negotiations`, { ...visit, metOn: '2027-02-13', metTime: '20:00', attendees: [{ name: 'Sri', role: 'member' }] });
    expect(spouse.status).toBe(201);
    // In date order: Saturday 20:00 with the member (fine), Sunday 10:00, Monday with a spouse.
    expect(fine.body.negotiations.map((n: { conductFlags: string[] }) => n.conductFlags)).toEqual([[], ['outside_hours'], ['third_party']]);
    expect(fine.body.attempts).toBe(3);
    const badTime = await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/negotiations`, { ...visit, metOn: '2027-02-15', metTime: '25:00', attendees: [{ name: 'Sri', role: 'member' }] });
    expect(badTime.status).toBe(400);
    expect(badTime.body.code).toBe('invalid_time');

    const promised = await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/promises`, { amount: 560_000, dueOn: '2027-02-20' });
    expect(promised.body.promises).toMatchObject([{ amount: 560_000, status: 'pending', paid: 0 }]);
    expect((await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/promises`, { amount: 0, dueOn: '2027-02-20' })).body.code).toBe('amount_not_positive');
    expect((await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/promises`, { amount: 1, dueOn: '2027-02-01' })).body.code).toBe('promise_due_in_past');
    await setBusinessDate(w, '2027-02-21');
    detail = (await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}`)).body;
    expect(detail.promises[0].status).toBe('broken');
    expect(detail.brokenPromises).toBe(1);
    expect((await call(w, w.cookies.petugas, '/api/recovery/worklist')).body.items[0]).toMatchObject({ brokenPromises: 1, priority: 3 });
  });
});
