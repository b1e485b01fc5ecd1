import type { Installment } from '@simpul/domain';
import { afterEach, expect, it } from 'vitest';
import { runCloseOfDay } from '../src/modules/portfolio/close-of-day.ts';
import { describeEachDialect } from './harness.ts';
import { call, disbursedLoan, recoveryWorld, setBusinessDate } from './recovery-world.ts';

type World = Awaited<ReturnType<typeof recoveryWorld>>;

/**
 * After a restructuring, only repayments made after it count, against the new schedule —
 * in the repayment path, in close of day and in the registry feed alike (one derivation).
 */
describeEachDialect('repayments after a restructuring', (dialect) => {
  let w: World | undefined;
  afterEach(async () => {
    await w?.t.close();
    w = undefined;
  });

  it('instalment 1 paid before (560,000), restructured, new instalment 1 paid on time: outstanding = new principal − its principal part, DPD 0, and close of day agrees', async () => {
    w = await recoveryWorld(dialect);
    const loan = await disbursedLoan(w, w.penaltyProductId);
    await setBusinessDate(w, '2026-12-02');
    // 6,000,000 flat 1 % over 12: 500,000 principal + 60,000 interest, paid on its due date.
    const first = await call(w, w.cookies.petugas, `/api/loans/${loan.id}/repayments`, { amount: 560_000, channel: 'cash', receiptNo: 'KW-0001' });
    expect(first.status).toBe(201);
    await setBusinessDate(w, '2027-02-21');
    const caseId = (await call(w, w.cookies.petugas, '/api/recovery/cases', { loanId: loan.id })).body.case.id as number;
    const proposed = await call(w, w.cookies.petugas, `/api/recovery/cases/${caseId}/restructurings`, { plan: { tenor: 18, capitalise: { interest: true, penalty: true } }, reason: 'Usaha bangkit lagi' });
    expect((await call(w, w.cookies.pengurus2, `/api/recovery/restructurings/${proposed.body.id}/approve`, {})).status).toBe(200);

    const db = w.t.services.db.db;
    const restructured = await db.selectFrom('loans').selectAll().where('id', '=', loan.id).executeTakeFirstOrThrow();
    const schedule = JSON.parse(restructured.schedule ?? '[]') as Installment[];
    const newPrincipal = restructured.outstanding_principal;
    const next = schedule[0];
    if (!next) throw new Error('no new schedule');
    // The pre-restructuring 560,000 is not applied to the new schedule again.
    expect(newPrincipal).toBe(schedule.reduce((sum, row) => sum + row.principal, 0));

    await setBusinessDate(w, next.dueDate);
    const paid = await call(w, w.cookies.petugas, `/api/loans/${loan.id}/repayments`, { amount: next.total, channel: 'cash', receiptNo: 'KW-0002' });
    expect(paid.status).toBe(201);
    const after = await db.selectFrom('loans').select(['outstanding_principal', 'days_past_due', 'arrears']).where('id', '=', loan.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ outstanding_principal: newPrincipal - next.principal, days_past_due: 0, arrears: 0 });

    await runCloseOfDay(w.t.services, { date: next.dueDate });
    const closed = await db.selectFrom('loans').select(['outstanding_principal', 'days_past_due', 'arrears']).where('id', '=', loan.id).executeTakeFirstOrThrow();
    expect(closed).toEqual(after);
  });
});
