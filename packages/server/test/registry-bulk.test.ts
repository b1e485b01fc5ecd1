import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { addCooperative } from '../src/modules/cooperatives/cooperatives.service.ts';
import type { FileRow } from '../src/modules/registry/furnishing.readers.ts';
import { readRows } from '../src/modules/registry/furnishing.readers.ts';
import { importRows, type ImportRequest } from '../src/modules/registry/furnishing.service.ts';
import { csv, row } from './furnishing-rows.ts';
import { describeEachDialect, testInstance, type TestInstance } from './harness.ts';

/**
 * A large file is written as a bulk load: on SQLite the subject and open-book indexes are
 * dropped inside the batch's transaction and built again before it commits; on PostgreSQL
 * several chunks are merged at once. Either way the registry, and its indexes, must end up
 * as a row-by-row import leaves them, and a batch cut short must leave both as before.
 */
const FILE = csv(
  row({ account_ref: 'PJ-001' }),
  row({ account_ref: 'PJ-002', nik: '3316110707850002', full_name: 'Budi Santoso', birth_date: '1985-07-07', outstanding: '900000', days_past_due: '45', arrears: '940000' }),
  row({ account_ref: 'PJ-003', nik: '3316015203880003', full_name: 'Siti Aminah', birth_date: '1988-03-12', outstanding: '0', status: 'settled', closed_on: '2026-10-20' }),
);

/** Said to be large: above the bulk threshold, and more than the accounts already there. */
const LARGE = 50_000;

describeEachDialect('bulk furnishing', (dialect) => {
  let t: TestInstance;
  let cooperativeId: number;
  beforeEach(async () => {
    t = await testInstance(dialect);
    cooperativeId = (await addCooperative(t.services, null, { code: 'KSPB', name: 'Koperasi Bulk' })).id;
  });
  afterEach(() => t.close());

  const request = (period: string): ImportRequest => ({ cooperativeId, period, source: 'file', strict: false, fullFile: true, actor: null, expectedRows: LARGE });

  /** Each index of registry_accounts with its definition. */
  async function indexes(): Promise<string[]> {
    const rows = dialect === 'sqlite'
      ? await sql<{ d: string }>`select name || ': ' || coalesce(sql, '') as d from sqlite_master where type = 'index' and tbl_name = 'registry_accounts'`.execute(t.services.db.db)
      : await sql<{ d: string }>`select indexname || ': ' || indexdef as d from pg_indexes where tablename = 'registry_accounts'`.execute(t.services.db.db);
    return rows.rows.map((r) => r.d).sort();
  }

  const accounts = () => t.services.db.db.selectFrom('registry_accounts').select(['account_ref', 'outstanding', 'days_past_due', 'status', 'last_period', 'subject_key']).orderBy('account_ref').execute();

  it('leaves the same accounts, history and indexes as a row-by-row import, and answers by subject through the index', async () => {
    const before = await indexes();
    expect(before.some((i) => i.startsWith('registry_accounts_subject:'))).toBe(true);
    const result = await importRows(t.services, request('2026-10'), readRows(Buffer.from(FILE), 'csv'));
    expect([result.accepted, result.rejected]).toEqual([3, 0]);
    expect(await indexes()).toEqual(before);
    const stored = await accounts();
    expect(stored.map((a) => [a.account_ref, a.outstanding, a.days_past_due, a.status, a.last_period])).toEqual([
      ['PJ-001', 2350000, 0, 'active', '2026-10'], ['PJ-002', 900000, 45, 'active', '2026-10'], ['PJ-003', 0, 0, 'settled', '2026-10'],
    ]);
    const history = await t.services.db.db.selectFrom('registry_history').select(['period', 'outstanding']).orderBy('outstanding').execute();
    expect(history).toEqual([{ period: '2026-10', outstanding: 0 }, { period: '2026-10', outstanding: 900000 }, { period: '2026-10', outstanding: 2350000 }]);
    if (dialect === 'sqlite') {
      const plan = await sql<{ detail: string }>`explain query plan select id from registry_accounts where subject_key = ${stored[0]!.subject_key}`.execute(t.services.db.db);
      expect(plan.rows.map((r) => r.detail).join(' ')).toContain('registry_accounts_subject');
    }

    // The next month, as large again: the existing accounts are updated in the same bulk path.
    const next = await importRows(t.services, request('2026-11'), readRows(Buffer.from(FILE.replace('2350000', '2100000').replaceAll('2026-10-', '2026-11-')), 'csv'));
    expect(next.accepted).toBe(3);
    expect((await accounts()).map((a) => [a.account_ref, a.outstanding, a.last_period])).toEqual([['PJ-001', 2100000, '2026-11'], ['PJ-002', 900000, '2026-11'], ['PJ-003', 0, '2026-11']]);
    expect(await t.services.db.db.selectFrom('registry_history').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual({ n: 6 });
    expect(await indexes()).toEqual(before);
  });

  it("stores a cooperative's first file (plain multi-row inserts) exactly as a file merged into existing accounts", async () => {
    // 123 rows: two full insert groups and a remainder, with every kind of value and null.
    const rows = Array.from({ length: 123 }, (_, i) => row({
      account_ref: `PJ-${String(i).padStart(3, '0')}`, nik: `331601450190${String(i + 1).padStart(4, '0')}`, outstanding: String(100_000 + i * 7), days_past_due: String(i % 60), arrears: i % 60 ? '5000' : '0',
      product: i % 5 ? 'Pinjaman Umum' : '', tenor: i % 7 ? '12' : '', frequency: i % 7 ? 'monthly' : '', instalment_amount: i % 7 ? '470000' : '',
      ...(i % 9 === 0 ? { status: 'written_off', written_off_on: '2026-09-30', written_off_amount: '1500000', days_past_due: '120' } : {}),
      ...(i % 11 === 0 ? { status: 'settled', outstanding: '0', arrears: '0', days_past_due: '0', closed_on: '2026-10-20' } : {}),
    }));
    const file = Buffer.from(csv(...rows));
    const other = (await addCooperative(t.services, null, { code: 'KSPL', name: 'Koperasi Lama' })).id;
    // The other cooperative already has an account, so its file goes through the merge.
    await importRows(t.services, { ...request('2026-09'), cooperativeId: other }, readRows(Buffer.from(csv(row({ account_ref: 'PJ-OLD' }))), 'csv'));
    const first = await importRows(t.services, request('2026-10'), readRows(file, 'csv'));
    const merged = await importRows(t.services, { ...request('2026-10'), cooperativeId: other }, readRows(file, 'csv'));
    expect([first.accepted, merged.accepted]).toEqual([123, 123]);
    const stored = async (coop: number) => {
      const accounts = await t.services.db.db.selectFrom('registry_accounts').selectAll().where('cooperative_id', '=', coop).where('account_ref', '!=', 'PJ-OLD').orderBy('account_ref').execute();
      const history = await t.services.db.db.selectFrom('registry_history').innerJoin('registry_accounts as a', 'a.id', 'registry_history.account_id')
        .select(['a.account_ref', 'registry_history.subject_key', 'registry_history.period', 'registry_history.outstanding', 'registry_history.arrears', 'registry_history.days_past_due', 'registry_history.status'])
        .where('a.cooperative_id', '=', coop).where('a.account_ref', '!=', 'PJ-OLD').orderBy('a.account_ref').execute();
      return { accounts: accounts.map(({ id: _id, cooperative_id: _c, ...rest }) => rest), history };
    };
    const a = await stored(cooperativeId);
    expect(a.accounts).toHaveLength(123);
    expect(a.history).toHaveLength(123);
    const pick = (ref: string) => a.accounts.filter((x) => x.account_ref === ref).map((x) => [x.status, x.closed_on, x.written_off_on, x.written_off_amount, x.tenor, x.product, x.last_period, x.not_reported_since]);
    expect([...pick('PJ-009'), ...pick('PJ-011'), ...pick('PJ-014')]).toEqual([
      ['written_off', null, '2026-09-30', 1500000, 12, 'Pinjaman Umum', '2026-10', null],
      ['settled', '2026-10-20', null, null, 12, 'Pinjaman Umum', '2026-10', null],
      ['active', null, null, null, null, 'Pinjaman Umum', '2026-10', null],
    ]);
    expect(a).toEqual(await stored(other));
  });

  it('cut short midway, leaves the registry and its indexes as before the batch', async () => {
    const before = await indexes();
    // More than a chunk (5,000 rows), so that accounts are written before the file fails.
    const many = csv(...Array.from({ length: 5_001 }, (_, i) => row({ account_ref: `PJ-${String(i).padStart(5, '0')}` })));
    async function* cut(): AsyncGenerator<FileRow> {
      for await (const r of readRows(Buffer.from(many), 'csv')) yield r;
      throw new Error('the file ended early');
    }
    await expect(importRows(t.services, request('2026-10'), cut())).rejects.toThrow('the file ended early');
    expect(await indexes()).toEqual(before);
    expect(await accounts()).toEqual([]);
    expect(await t.services.db.db.selectFrom('registry_batches').select('id').execute()).toEqual([]);
  });
});
