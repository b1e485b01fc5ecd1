import { afterAll, beforeAll, expect, it } from 'vitest';
import { json, describeEachDialect, seedCooperative, seedUser, signInCookie, testInstance, type TestInstance } from './harness.ts';

describeEachDialect('savings (simpanan pokok, wajib, sukarela)', (dialect) => {
  let t: TestInstance;
  let cookie: string;
  let memberId: number;
  const path = (p = '') => `/api/members/${memberId}/savings${p}`;
  const post = (p: string, body: unknown, lang = 'id') => t.request(path(p), { method: 'POST', cookie, json: body, headers: { 'accept-language': lang } });
  const deposit = (kind: string, amount: number, onDate?: string) => post('/deposits', { kind, amount, onDate });
  const withdraw = (kind: string, amount: number, lang?: string) => post('/withdrawals', { kind, amount }, lang);
  const balances = async () => (await json(await t.request(path(), { cookie }))).balances;
  const movements = async () => Number((await t.services.db.db.selectFrom('savings_transactions').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    t = await testInstance(dialect);
    const coop = await seedCooperative(t, 'KSPA');
    await seedUser(t, 'petugas.a', 'petugas', coop.id);
    cookie = await signInCookie(t, 'petugas.a');
    const res = await t.request('/api/members', { method: 'POST', cookie, json: { fullName: 'Siti Aminah', nik: '3316014101900001', joinedOn: '2026-09-01' } });
    memberId = (await json(res)).member.id;
  });
  afterAll(async () => t.close());

  it('balances per kind: pokok 100,000; wajib 50,000 × 3 = 150,000; sukarela 200,000 − 75,000 = 125,000; total 375,000', async () => {
    expect((await deposit('pokok', 100_000, '2026-09-01')).status).toBe(201);
    for (const onDate of ['2026-09-01', '2026-10-01', '2026-11-01']) await deposit('wajib', 50_000, onDate);
    await deposit('sukarela', 200_000, '2026-10-15');
    const res = await withdraw('sukarela', 75_000);
    expect(res.status).toBe(201);
    expect((await json(res)).balances).toEqual({ pokok: 100_000, wajib: 150_000, sukarela: 125_000 });
    expect((await json(await t.request(path(), { cookie }))).total).toBe(375_000);
  });

  it('statement runs the balance: 100,000 → +50,000 = 150,000 → +50,000 = 200,000 → +200,000 = 400,000 → +50,000 = 450,000 → −75,000 = 375,000', async () => {
    const st = await json(await t.request(path('/statement'), { cookie }));
    expect(st.lines.map((l: { balance: number }) => l.balance)).toEqual([100_000, 150_000, 200_000, 400_000, 450_000, 375_000]);
    expect(st.lines.map((l: { onDate: string }) => l.onDate)).toEqual(['2026-09-01', '2026-09-01', '2026-10-01', '2026-10-15', '2026-11-01', '2026-11-02']);
    expect([st.opening, st.totalDeposits, st.totalWithdrawals, st.closing]).toEqual([0, 450_000, 75_000, 375_000]);
  });

  it('statement of wajib from 2026-10-01: opening 50,000, then 50,000 + 50,000 = 150,000', async () => {
    const st = await json(await t.request(path('/statement?kind=wajib&from=2026-10-01'), { cookie }));
    expect(st.opening).toBe(50_000);
    expect(st.lines.map((l: { balance: number }) => l.balance)).toEqual([100_000, 150_000]);
    expect(st.closing).toBe(150_000);
  });

  it('refuses to withdraw simpanan pokok or wajib while the member is active (400, translated), and stores nothing', async () => {
    const before = await movements();
    const res = await withdraw('pokok', 10_000);
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.code).toBe('savings_not_withdrawable');
    expect(body.detail).toBe('Simpanan pokok tidak dapat ditarik selama anggota masih aktif.');
    expect((await json(await withdraw('wajib', 10_000, 'en'))).detail).toBe('Simpanan wajib cannot be withdrawn while the member is active.');
    expect(await movements()).toBe(before);
  });

  it('refuses a sukarela withdrawal above its balance: 125,000 < 125,001', async () => {
    const res = await withdraw('sukarela', 125_001);
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.code).toBe('savings_insufficient');
    expect(body.detail).toContain('125.000');
    expect((await balances()).sukarela).toBe(125_000);
  });

  it('refuses negative, zero and fractional amounts and a date in the future; nothing is stored', async () => {
    const before = await movements();
    for (const amount of [-50_000, 0]) {
      const res = await deposit('wajib', amount);
      expect(res.status).toBe(400);
      expect((await json(res)).code).toBe('savings_amount_not_positive');
    }
    expect((await json(await deposit('wajib', 1.5))).code).toBe('validation_failed');
    expect((await json(await deposit('wajib', 50_000, '2026-11-03'))).code).toBe('date_in_future');
    expect((await json(await deposit('wajib', 50_000, '2026-08-31'))).code).toBe('savings_date_before_joined');
    expect((await json(await post('/deposits', { kind: 'hari_raya', amount: 1 }))).code).toBe('validation_failed');
    expect(await movements()).toBe(before);
  });

  it('reverses a mistaken wajib deposit of 500,000 with a reason: 150,000 + 500,000 − 500,000 = 150,000; once only; a reversal is final', async () => {
    const mistaken = (await json(await deposit('wajib', 500_000))).transactionId;
    expect((await balances()).wajib).toBe(650_000);
    expect((await json(await post(`/transactions/${mistaken}/reverse`, {}))).code).toBe('validation_failed');
    const res = await post(`/transactions/${mistaken}/reverse`, { reason: 'salah ketik, seharusnya 50.000' });
    expect(res.status).toBe(201);
    const { transactionId: reversal, balances: after } = await json(res);
    expect(after.wajib).toBe(150_000);
    expect((await post(`/transactions/${mistaken}/reverse`, { reason: 'lagi' })).status).toBe(409);
    expect((await json(await post(`/transactions/${reversal}/reverse`, { reason: 'batal batal' }))).code).toBe('savings_reversal_not_reversible');
    const lines = (await json(await t.request(path('/statement?kind=wajib'), { cookie }))).lines;
    expect(lines.find((l: { id: number }) => l.id === mistaken)).toMatchObject({ reversedById: reversal });
    expect(lines.find((l: { id: number }) => l.id === reversal)).toMatchObject({ reversesId: mistaken, direction: 'withdrawal', reason: 'salah ketik, seharusnya 50.000' });
  });

  it('a reversed deposit may not take the balance below zero: sukarela 125,000 − 125,000 withdrawn, then reversing the 200,000 deposit is refused', async () => {
    await withdraw('sukarela', 125_000);
    const st = await json(await t.request(path('/statement?kind=sukarela'), { cookie }));
    const bigDeposit = st.lines.find((l: { direction: string; amount: number }) => l.direction === 'deposit' && l.amount === 200_000).id;
    expect((await json(await post(`/transactions/${bigDeposit}/reverse`, { reason: 'uji saldo' }))).code).toBe('savings_insufficient');
    expect((await balances()).sukarela).toBe(0);
  });

  it('three withdrawals of 60,000 at once from sukarela 100,000: one passes (100,000 − 60,000 = 40,000), two are refused; two reversals at once: one passes', async () => {
    await deposit('sukarela', 100_000);
    const raced = await Promise.all([1, 2, 3].map(() => withdraw('sukarela', 60_000)));
    expect(raced.map((r) => r.status).sort()).toEqual([201, 400, 400]);
    expect((await balances()).sukarela).toBe(40_000);
    const passed = await json(raced.find((r) => r.status === 201)!);
    const reversals = await Promise.all([1, 2].map(() => post(`/transactions/${passed.transactionId}/reverse`, { reason: 'uji balapan' })));
    expect(reversals.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await balances()).sukarela).toBe(100_000);
    await withdraw('sukarela', 100_000);
  });

  it('after the member leaves: pokok 100,000 and wajib 150,000 are paid out, deposits are refused', async () => {
    const left = await t.request(`/api/members/${memberId}/deactivate`, { method: 'POST', cookie, json: {} });
    expect(left.status).toBe(200);
    expect((await json(await deposit('wajib', 50_000))).code).toBe('member_inactive');
    expect((await withdraw('pokok', 100_000)).status).toBe(201);
    const res = await withdraw('wajib', 150_000);
    expect((await json(res)).balances).toEqual({ pokok: 0, wajib: 0, sukarela: 0 });
    expect((await json(await withdraw('wajib', 1))).code).toBe('savings_insufficient');
  });

  it('every movement is audited with ids, kind and amount — never a name or NIK', async () => {
    const rows = await t.services.db.db.selectFrom('audit_log').select(['action', 'details']).where('action', 'like', 'savings.%').orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual([
      'savings.deposit', 'savings.deposit', 'savings.deposit', 'savings.deposit', 'savings.deposit', 'savings.withdrawal',
      'savings.deposit', 'savings.reversed', 'savings.withdrawal',
      'savings.deposit', 'savings.withdrawal', 'savings.reversed', 'savings.withdrawal',
      'savings.withdrawal', 'savings.withdrawal',
    ]);
    expect(JSON.parse(rows[0]!.details)).toEqual({ memberId, kind: 'pokok', amount: 100_000 });
    expect(rows.map((r) => r.details).join()).not.toMatch(/Siti|3316014101900001|salah ketik/);
  });
});
