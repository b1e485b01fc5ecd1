import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loanNumbers } from '../src/db/migrations/0013-loan-numbers.ts';
import { describeEachDialect, json } from './harness.ts';
import { lendingWorld, productBody, seedMember, setBusinessDate, type LendingWorld } from './lending-fixtures.ts';

const AT_ONCE = 40;

/**
 * Loan numbers are drawn inside the application's transaction from a per-cooperative and
 * per-year counter: applications arriving together (PostgreSQL runs them on parallel
 * connections) each get their own number, never the unique key's 500.
 */
describeEachDialect('loan numbers under concurrent applications', (dialect) => {
  let w: LendingWorld;
  const apply = (cookie: string) => w.t.request('/api/loans', { method: 'POST', cookie, json: { memberId: w.memberId, productId: w.productId, amount: 2_000_000, tenor: 6, purpose: 'Modal warung' } });

  beforeAll(async () => {
    w = await lendingWorld(dialect);
  });
  afterAll(async () => w.t.close());

  it(`${AT_ONCE} applications at once: all 201, numbered PJ-2026-00001 … PJ-2026-000${AT_ONCE} without gaps or repeats`, async () => {
    const responses = await Promise.all(Array.from({ length: AT_ONCE }, () => apply(w.cookies.petugas)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s !== 201), 'statuses other than 201').toEqual([]);
    const numbers = (await Promise.all(responses.map(async (r) => (await json(r)).loan.loanNo as string))).sort();
    expect(numbers).toEqual(Array.from({ length: AT_ONCE }, (_, i) => `PJ-2026-${String(i + 1).padStart(5, '0')}`));
  });

  it("another cooperative's applications at the same time count on their own: B starts at PJ-2026-00001 while A goes on", async () => {
    const memberB = await seedMember(w.t, w.coopB, 'B-0001', '3316014101900002');
    const product = await w.t.request('/api/loan-products', { method: 'POST', cookie: w.cookies.pengurusB, json: productBody() });
    const productB = (await json(product)).product.id as number;
    const applyB = () => w.t.request('/api/loans', { method: 'POST', cookie: w.cookies.petugasB, json: { memberId: memberB, productId: productB, amount: 2_000_000, tenor: 6, purpose: 'Modal warung' } });
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? applyB() : apply(w.cookies.petugas))));
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 201));
    const rows = await w.t.services.db.db.selectFrom('loans').select(['cooperative_id', 'loan_no']).orderBy('loan_no').execute();
    expect(rows.filter((r) => r.cooperative_id === w.coopB).map((r) => r.loan_no)).toEqual(['PJ-2026-00001', 'PJ-2026-00002', 'PJ-2026-00003', 'PJ-2026-00004', 'PJ-2026-00005']);
    expect(rows.filter((r) => r.cooperative_id === w.coopA).map((r) => r.loan_no).at(-1)).toBe(`PJ-2026-000${AT_ONCE + 5}`);
  });

  it('a new year starts its own count: the first application of 2027 is PJ-2027-00001', async () => {
    await setBusinessDate(w, '2027-01-04');
    const res = await apply(w.cookies.petugas);
    expect(res.status).toBe(201);
    expect((await json(res)).loan.loanNo).toBe('PJ-2027-00001');
  });

  it("the migration's back-fill counts on from the numbers already given out: counters rebuilt from the loans, the next 2027 loan is PJ-2027-00002", async () => {
    const db = w.t.services.db.db as unknown as Kysely<unknown>;
    const migration = loanNumbers(dialect);
    await migration.down?.(db);
    await migration.up(db);
    const counters = await w.t.services.db.db.selectFrom('loan_number_counters').select(['cooperative_id', 'year', 'last_no']).orderBy('cooperative_id').orderBy('year').execute();
    expect(counters).toEqual([
      { cooperative_id: w.coopA, year: '2026', last_no: AT_ONCE + 5 },
      { cooperative_id: w.coopA, year: '2027', last_no: 1 },
      { cooperative_id: w.coopB, year: '2026', last_no: 5 },
    ]);
    expect((await json(await apply(w.cookies.petugas))).loan.loanNo).toBe('PJ-2027-00002');
  });
});
