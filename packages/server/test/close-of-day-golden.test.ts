import fs from 'node:fs';
import path from 'node:path';
import { addDays } from '@simpul/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { encryptField } from '../src/config/field-crypto.ts';
import { lastClosedDate, stateHoldsOn } from '../src/modules/lending/loan-state-date.ts';
import type { LoanStatus } from '../src/modules/lending/lending.table.ts';
import { runCloseOfDay } from '../src/modules/portfolio/close-of-day.ts';
import { birthToken, nameToken, subjectKey } from '../src/modules/registry/pseudonym.ts';
import { seededRandom } from '../src/modules/registry/synthetic.ts';
import { describeEachDialect, testInstance, type TestInstance } from './harness.ts';
import { seedBook, type FixtureLoan } from './portfolio-fixtures.ts';

/**
 * Close of day's output on a fixed book, compared with what it wrote before its speed work
 * (fixtures/close-of-day-golden.json, written by the code of commit 6e91f8f): loan states,
 * snapshots, registry accounts, history, batches, findings and the supervision summary must
 * stay the same value for value, on both dialects. Keyed tokens depend on the instance's
 * random key, so they are compared as "the token of person N" instead of their hex.
 * Since close of day skips the loans whose state cannot have changed, a loan's state_as_of
 * is when its state was last derived: what is compared is the date its state holds for
 * (stateHoldsOn, what the API shows), and the results without the count of loans derived
 * and changed (every loan counted as changed when its state_as_of was rewritten daily).
 * SIMPUL_WRITE_GOLDEN=1 writes the file when it is missing (never overwrites it).
 */
const GOLDEN = path.join(import.meta.dirname, 'fixtures', 'close-of-day-golden.json');
const DATES = ['2026-10-31', '2026-11-01', '2026-11-02'];

/** 40 loans of one cooperative: on time, late by one or several instalments, stopped paying, paid off early. */
function book(seed: number): FixtureLoan[] {
  const rng = seededRandom(seed);
  return Array.from({ length: 40 }, () => {
    const amount = (2 + Math.floor(rng() * 30)) * 100_000;
    const tenor = [3, 6, 12, 18][Math.floor(rng() * 4)] ?? 6;
    const disbursedOn = addDays('2026-10-30', -Math.floor(rng() * 330));
    const instalment = amount / tenor + amount * 0.01;
    const dues = Array.from({ length: tenor }, (_, k) => addDays(disbursedOn, 30 * (k + 1))).filter((d) => d <= '2026-11-02');
    const r = rng();
    const paid = r < 0.5 ? dues.length : r < 0.75 ? Math.max(0, dues.length - 1 - Math.floor(rng() * 3)) : r < 0.9 ? Math.min(dues.length, 1) : tenor;
    const payments: [string, number][] = Array.from({ length: paid }, (_, k) => [dues[k] ?? addDays(disbursedOn, 20), Math.round(r >= 0.9 && k === paid - 1 ? amount * 2 : instalment)]);
    return { amount, tenor, disbursedOn, payments };
  });
}

describeEachDialect('close of day output equals the recorded output of the fixture book', (dialect) => {
  let t: TestInstance;
  const tokens = new Map<string, string>();
  const results: unknown[] = [];
  const derived: { loans: number; derived: number; changed: number }[] = [];
  beforeAll(async () => {
    t = await testInstance(dialect);
    for (const [code, seed] of [['KSPA', 31], ['KSPB', 32], ['KSPC', 33]] as const) {
      const { persons, loanIds } = await seedBook(t, code, book(seed), seed);
      persons.forEach((p, i) => {
        tokens.set(subjectKey(t.services.keys, p.nik), `${code}#${i}:subject`);
        tokens.set(nameToken(t.services.keys, p.fullName), `${code}#${i}:name`);
        tokens.set(birthToken(t.services.keys, p.birthDate), `birth:${p.birthDate}`);
      });
      // One member's NIK names a region that does not exist: the feed stores a warning finding.
      const odd = `991234${persons[5]?.nik.slice(6) ?? ''}`;
      tokens.set(subjectKey(t.services.keys, odd), `${code}#5:odd-subject`);
      const member = await t.services.db.db.selectFrom('loans').select('member_id').where('id', '=', loanIds[5] ?? 0).executeTakeFirstOrThrow();
      await t.services.db.db.updateTable('members').set({ nik_enc: encryptField(t.services.keys, odd) }).where('id', '=', member.member_id).execute();
      // One loan of each book was written off in October: fed as hapus buku.
      await t.services.db.db.updateTable('loans').set({ status: 'written_off', closed_on: '2026-10-20' }).where('id', '=', loanIds[3] ?? 0).execute();
    }
    for (const date of DATES) {
      const { seconds: _, derived: derivedCount, changed, ...result } = await runCloseOfDay(t.services, { date });
      results.push(result);
      derived.push({ loans: result.loans, derived: derivedCount, changed });
    }
  }, 120_000);
  afterAll(async () => t.close());

  async function table(query: string): Promise<Record<string, unknown>[]> {
    const rows = (await sql<Record<string, unknown>>`${sql.raw(query)}`.execute(t.services.db.db)).rows;
    return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && tokens.has(v) ? tokens.get(v) : v])));
  }

  it('loan states, snapshots, registry accounts, history, batches, findings and the monthly summary are the recorded ones', async () => {
    const lastClosed = await lastClosedDate(t.services.db.db);
    const loans = await table('select id, status, state_as_of, outstanding_principal, arrears, penalty_due, days_past_due, class_code, allowance, last_payment_on, next_due_on, updated_at from loans order by id');
    const output = {
      results,
      loans: loans.map((l) => ({ ...l, state_as_of: stateHoldsOn(l as { status: LoanStatus; state_as_of: string | null }, lastClosed) })),
      snapshots: await table('select * from loan_snapshots order by loan_id, as_of'),
      accounts: await table('select * from registry_accounts order by id'),
      history: await table('select * from registry_history order by account_id, period'),
      versions: await table('select * from registry_history_versions order by account_id, period'),
      batches: await table('select * from registry_batches order by id'),
      issues: await table('select batch_id, row_number, severity, column_name, value, code from registry_batch_issues order by batch_id, row_number, column_name, code'),
      summary: await table('select * from supervision_monthly_summary order by cooperative_id, period, band'),
      runs: await table('select business_date, started_at, finished_at, loans from close_of_day_runs order by business_date'),
    };
    const text = `${JSON.stringify(output, null, 1)}\n`;
    if (!fs.existsSync(GOLDEN) && process.env.SIMPUL_WRITE_GOLDEN === '1' && dialect === 'sqlite') {
      fs.mkdirSync(path.dirname(GOLDEN), { recursive: true });
      fs.writeFileSync(GOLDEN, text);
    }
    expect(output.snapshots.length).toBeGreaterThan(300);
    expect(output.history.length).toBeGreaterThan(100);
    expect(output.issues.length).toBeGreaterThan(0);
    // The first run derives every loan; the later ones only those whose state can have moved.
    expect(derived[0]).toMatchObject({ loans: 117, derived: 117, changed: 117 });
    for (const d of derived.slice(1)) {
      expect(d.derived).toBeLessThan(d.loans);
      expect(d.changed).toBeLessThanOrEqual(d.derived);
    }
    const golden = JSON.parse(fs.readFileSync(GOLDEN, 'utf8')) as { results: { changed: number }[] };
    golden.results = golden.results.map(({ changed: _, ...result }) => result as { changed: number });
    expect(JSON.parse(text)).toEqual(golden);
  });
});
