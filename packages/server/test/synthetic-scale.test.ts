import { parseNik } from '@simpul/domain';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { issueApiKey } from '../src/modules/identity/api-keys.service.ts';
import { subjectKey } from '../src/modules/registry/pseudonym.ts';
import { loadScaleRegistry, type ScaleTally } from '../src/modules/registry/synthetic.load.ts';
import { cooperativeSizes, scalePerson } from '../src/modules/registry/synthetic.scale.ts';
import { describeEachDialect, json, seedUser, signInCookie, testInstance, type TestInstance } from './harness.ts';
import { inquire } from './inquiry-fixture.ts';

// The clock's business date is 2026-11-02: the dashboards' last month is 2026-10, the generator's newest.
const OPTIONS = { cooperatives: 30, accounts: 2_000, seed: 11, period: '2026-10' };

it('cooperative sizes are heavy-tailed and add up', () => {
  const sizes = cooperativeSizes(13_000, 3_000_000);
  expect(sizes.reduce((a, b) => a + b, 0)).toBe(3_000_000);
  expect(sizes[0]).toBeGreaterThan(250_000);
  expect(sizes.at(-1)).toBeLessThan(30);
  expect(() => cooperativeSizes(10, 5)).toThrow(RangeError);
});

it('subjects have valid, distinct NIKs, the same for the same seed', () => {
  const niks = new Set<string>();
  for (let s = 0; s < 20_000; s++) {
    const p = scalePerson(3, s);
    const parsed = parseNik(p.nik, { referenceYear: 2026 });
    expect(parsed.ok && parsed.birthDate).toBe(p.birthDate);
    niks.add(p.nik);
  }
  expect(niks.size).toBe(20_000);
  expect(scalePerson(3, 777)).toEqual(scalePerson(3, 777));
});

describeEachDialect('scale registry generator', (dialect) => {
  let t: TestInstance;
  let tally: ScaleTally;
  const count = async (table: 'registry_accounts' | 'registry_history') => Number((await t.services.db.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await testInstance(dialect);
    tally = await loadScaleRegistry(t.services, OPTIONS);
  });
  afterAll(async () => t.close());

  it('writes what it counted: accounts, subjects, history, one batch per cooperative and month reported', async () => {
    expect(tally.accounts).toBe(OPTIONS.accounts);
    expect(await count('registry_accounts')).toBe(OPTIONS.accounts);
    expect(await count('registry_history')).toBe(tally.historyRows);
    // Up to 24 months per account: more than one on average, never more than 24.
    expect(tally.historyRows).toBeGreaterThan(OPTIONS.accounts * 5);
    const subjects = await t.services.db.db.selectFrom('registry_accounts').select((eb) => eb.fn.count('subject_key').distinct().as('n')).executeTakeFirstOrThrow();
    expect(Number(subjects.n)).toBe(tally.subjects);
    expect(tally.subjects).toBeLessThan(OPTIONS.accounts * 0.9); // a share borrows at several
    const batches = await t.services.db.db.selectFrom('registry_batches').select((eb) => [eb.fn.sum('rows_total').as('rows'), eb.fn.countAll().as('n')]).executeTakeFirstOrThrow();
    expect(Number(batches.rows)).toBe(tally.historyRows);
    expect(tally.writeOffAccounts).toBeGreaterThan(0);
    // The ids continue past the generated rows (PostgreSQL identity resumed).
    await expect(loadScaleRegistry(t.services, OPTIONS)).rejects.toThrow(/exist already/);
    const next = await t.services.db.db.insertInto('registry_batches').values({ cooperative_id: tally.cooperativeIds[0] ?? 0, period: '2026-11', source: 'api', status: 'committed', full_file: 0, rows_total: 0, accepted: 0, rejected: 0, warnings: 0, created_by: 'test', created_at: 'now' }).returning('id').executeTakeFirstOrThrow();
    expect(Number(next.id)).toBeGreaterThan(tally.cooperatives);
  });

  it('the district dashboard and trend show the generated book', async () => {
    await seedUser(t, 'analis', 'dinas_analyst');
    const cookie = await signInCookie(t, 'analis');
    const d = await json(await t.request('/api/supervision/dashboard', { cookie }));
    expect(d.counts.cooperatives).toBe(OPTIONS.cooperatives);
    expect(d.district).toMatchObject({ accounts: tally.openAccounts, outstanding: tally.openOutstanding, writeOffAccounts: tally.writeOffAccounts, writtenOff: tally.writtenOff });
    expect(d.district.nplGross).toBeGreaterThan(0);
    const trend = await json(await t.request('/api/supervision/trend', { cookie }));
    expect(trend.items.map((p: { accounts: number }) => p.accounts)).toEqual([...tally.openByMonth].reverse());
  });

  it('an inquiry about a member borrowing at several cooperatives finds every line, identity matched', async () => {
    const repeat = tally.repeatBorrower;
    if (!repeat) throw new Error('no repeat borrower generated');
    expect(repeat.cooperatives).toBeGreaterThan(1);
    const person = scalePerson(OPTIONS.seed, repeat.subject);
    expect(subjectKey(t.services.keys, person.nik)).toBe(repeat.subjectKey);
    const { key } = await issueApiKey(t.services, null, tally.cooperativeIds.at(-1) ?? 0, 'core');
    const res = await inquire(t, { key }, { ...person, purpose: 'new_loan', consentRef: 'SCALE-1' });
    expect(res.status).toBe(200);
    const r = await json(res);
    expect(r.identityMatch).toBe('full');
    expect(r.accounts).toHaveLength(repeat.accounts);
    for (const a of r.accounts) expect(a.cooperative.code).toMatch(/^N\d{6}$/);
  });
});
