import { addDays } from '@simpul/domain';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { lastClosedDate, stateHoldsOn } from '../src/modules/lending/loan-state-date.ts';
import { deriveLoanState } from '../src/modules/lending/loan-state.service.ts';
import { runCloseOfDay } from '../src/modules/portfolio/close-of-day.ts';
import { candidatePlan, previousRunStart } from '../src/modules/portfolio/close-of-day.repository.ts';
import { seededRandom } from '../src/modules/registry/synthetic.ts';
import { describeEachDialect, testInstance, type TestInstance } from './harness.ts';
import { seedBook, type FixtureLoan } from './portfolio-fixtures.ts';

/**
 * Close of day derives only the loans whose state can have moved and leaves the others
 * alone. Proof by comparison: on a varied book — on time, late, stopped, paid ahead, paid
 * off, with and without a daily penalty, in court, repayments recorded ahead of their date,
 * a repayment and an edit between runs — after every daily run each active loan's stored
 * state equals a full derivation on the run's date, as do the date's snapshots.
 */

/** 60 loans: due dates spread over the month, every kind of payer. */
function book(): FixtureLoan[] {
  const rng = seededRandom(77);
  return Array.from({ length: 60 }, (_, i) => {
    const amount = (2 + Math.floor(rng() * 30)) * 100_000;
    const tenor = [3, 6, 12][i % 3] ?? 6;
    const disbursedOn = addDays('2026-10-20', -Math.floor(rng() * 200));
    const instalment = Math.round(amount / tenor + amount * 0.01);
    const dues = Array.from({ length: tenor }, (_, k) => addDays(disbursedOn, 30 * (k + 1)));
    const kind = i % 6;
    // 0 pays on the due date (the first one also those falling due during the test, recorded ahead), 1 pays
    // 3 days late, 2 stopped after one, 3 pays one ahead, 4 missed the latest one, 5 paid off.
    const payments: [string, number][] =
      kind === 0 ? dues.filter((d) => d <= (i === 0 ? '2026-11-25' : '2026-10-27')).map((d) => [d, instalment])
      : kind === 1 ? dues.filter((d) => d <= '2026-11-10').map((d) => [addDays(d, 3), instalment])
      : kind === 2 ? dues.slice(0, 1).map((d) => [d, instalment])
      : kind === 3 ? dues.filter((d) => d <= '2026-10-25').map((d) => [addDays(d, -20), instalment * 2])
      : kind === 4 ? dues.filter((d) => d < '2026-10-10').map((d) => [d, instalment])
      : [[addDays(disbursedOn, 10), amount * 2]];
    return { amount, tenor, disbursedOn, payments };
  });
}

describeEachDialect('close of day derives only what can have changed', (dialect) => {
  let t: TestInstance;
  beforeEach(async () => {
    t = await testInstance(dialect);
  });
  afterEach(async () => {
    await t.close();
  });

  it('after each of 24 daily runs, every active loan and snapshot equals a full derivation on that date', async () => {
    const { coop, loanIds } = await seedBook(t, 'KSPS', book());
    const db = t.services.db.db;
    const penalty = JSON.stringify({ kind: 'per_day', basis: 'percent', value: 0.1, graceDays: 3 });
    await db.updateTable('loans').set({ penalty_rule: penalty }).where('id', 'in', loanIds.filter((_, i) => i % 2 === 0)).execute();
    await db.updateTable('loans').set({ in_court: 1 }).where('id', '=', loanIds[7] ?? 0).execute();
    let derivedTotal = 0;
    let loansTotal = 0;
    for (let day = 0; day < 24; day++) {
      const date = addDays('2026-10-28', day);
      t.clock.advance(86_400_000);
      if (date === '2026-11-05') {
        // Between runs: a repayment taken (the app bumps updated_at), and a loan's collateral edited.
        await db.insertInto('repayments').values({ cooperative_id: coop.id, loan_id: loanIds[2] ?? 0, paid_on: date, amount: 500_000, channel: 'cash', receipt_no: 'KSPS-X1', created_at: t.clock.now().toISOString() }).execute();
        await db.updateTable('loans').set({ updated_at: t.clock.now().toISOString() }).where('id', '=', loanIds[2] ?? 0).execute();
        await db.updateTable('loans').set({ collateral: JSON.stringify([{ type: 'deposit', value: 10_000_000 }]), updated_at: t.clock.now().toISOString() }).where('id', '=', loanIds[10] ?? 0).execute();
      }
      const result = await runCloseOfDay(t.services, { date });
      expect(result.failed).toBe(0);
      derivedTotal += result.derived;
      if (day > 0) expect(result.derived).toBeLessThan(result.loans);
      loansTotal += result.loans;
      const lastClosed = await lastClosedDate(db);
      const loans = await db.selectFrom('loans').selectAll().where('status', '=', 'active').orderBy('id').execute();
      const snapshots = new Map((await db.selectFrom('loan_snapshots').selectAll().where('as_of', '=', date).execute()).map((s) => [s.loan_id, s]));
      for (const loan of loans) {
        const repayments = await db.selectFrom('repayments').select(['paid_on', 'amount', 'reversed_at', 'created_at']).where('loan_id', '=', loan.id).orderBy('paid_on').orderBy('id').execute();
        const { state_as_of: _, ...expected } = deriveLoanState(loan, repayments, date).columns;
        const { state_as_of: asOf, ...stored } = {
          state_as_of: loan.state_as_of, outstanding_principal: loan.outstanding_principal, arrears: loan.arrears, penalty_due: loan.penalty_due, days_past_due: loan.days_past_due,
          class_code: loan.class_code, allowance: loan.allowance, last_payment_on: loan.last_payment_on, next_due_on: loan.next_due_on,
        };
        expect({ id: loan.id, date, ...stored }).toEqual({ id: loan.id, date, ...expected });
        expect(stateHoldsOn({ status: loan.status, state_as_of: asOf }, lastClosed)).toBe(date);
        expect(snapshots.get(loan.id)).toMatchObject({ outstanding_principal: expected.outstanding_principal, arrears: expected.arrears, days_past_due: expected.days_past_due, class_code: expected.class_code, allowance: expected.allowance });
      }
      expect(snapshots.size).toBe(loans.length);
    }
    // The fast path was taken: on this book (a third of it late or stopped, matured loans
    // paid off but still active, all derived daily) a fifth of the loan-days were skipped.
    expect(loansTotal - derivedTotal).toBeGreaterThan(loansTotal / 5);
  });

  it('finds the candidates by walking the narrow index of active loans, not the wide table', async () => {
    await seedBook(t, 'KSPI', book().slice(0, 12));
    await runCloseOfDay(t.services, { date: '2026-10-28' });
    t.clock.advance(86_400_000);
    const since = await previousRunStart(t.services.db.db, '2026-10-29');
    expect(since).not.toBeNull();
    const plan = await t.services.db.db.transaction().execute(async (trx) => {
      // A dozen loans: PostgreSQL's planner would rightly scan the table; what is checked is
      // that the partial index matches the query (its predicate implied, its columns enough).
      if (dialect === 'postgres') await sql`set local enable_seqscan = off`.execute(trx);
      return candidatePlan(trx, dialect, '2026-10-29', since ?? '');
    });
    if (dialect === 'sqlite') expect(plan).toMatch(/(SEARCH|SCAN) l USING COVERING INDEX loans_close_of_day_candidates/);
    else expect(plan).toMatch(/Index Only Scan using loans_close_of_day_candidates on loans l/);
  });
});
