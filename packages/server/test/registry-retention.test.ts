import { afterEach, beforeEach, expect, it } from 'vitest';
import { issueApiKey } from '../src/modules/identity/api-keys.service.ts';
import { enforceRetention } from '../src/modules/registry/retention.ts';
import { csv, row } from './furnishing-rows.ts';
import { describeEachDialect, json, seedCooperative, testInstance, type TestInstance } from './harness.ts';

describeEachDialect('registry retention', (dialect) => {
  let t: TestInstance;
  let key: string;
  beforeEach(async () => {
    t = await testInstance(dialect);
    key = (await issueApiKey(t.services, null, (await seedCooperative(t, 'KSPA')).id, 'core')).key;
  });
  afterEach(async () => t.close());

  it('drops accounts settled or written off more than 5 years ago, with their history, and keeps the rest', async () => {
    const file = csv(
      row({ account_ref: 'OLD-SETTLED', opened_on: '2019-01-10', status: 'settled', outstanding: '0', closed_on: '2021-05-31', last_payment_on: '2021-05-31' }),
      row({ account_ref: 'OLD-WO', opened_on: '2019-01-10', status: 'written_off', written_off_on: '2021-06-01', written_off_amount: '4000000', days_past_due: '400', arrears: '4000000' }),
      row({ account_ref: 'RECENT-SETTLED', opened_on: '2021-01-10', status: 'settled', outstanding: '0', closed_on: '2021-12-01', last_payment_on: '2021-12-01' }),
      row({ account_ref: 'ACTIVE', opened_on: '2018-01-10' }),
    );
    const res = await t.request('/api/registry/furnishing/files?period=2026-10', { method: 'POST', body: file, headers: { authorization: `Bearer ${key}` } });
    expect(await json(res)).toMatchObject({ accepted: 4 });
    // as of 2026-11-02 the cut-off is 2021-11-02: two accounts closed before it drop out
    expect(await enforceRetention(t.services, '2026-11-02', 5)).toBe(2);
    const left = await t.services.db.db.selectFrom('registry_accounts').select('account_ref').orderBy('account_ref').execute();
    expect(left.map((a) => a.account_ref)).toEqual(['ACTIVE', 'RECENT-SETTLED']);
    const history = await t.services.db.db.selectFrom('registry_history').select('account_id').execute();
    expect(history).toHaveLength(2);
    expect(await enforceRetention(t.services, '2026-11-02', 5)).toBe(0);
  });
});
