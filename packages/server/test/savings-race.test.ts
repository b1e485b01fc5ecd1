import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../src/http/context.ts';
import { AppError } from '../src/http/errors.ts';
import { registerMember } from '../src/modules/members/members.register.ts';
import { recordMovement, reverseMovement, savingsBalances } from '../src/modules/savings/savings.service.ts';
import { describeEachDialect, seedCooperative, seedUser, testInstance, type TestInstance } from './harness.ts';

describeEachDialect('savings under concurrent writes (service level, no HTTP in between)', (dialect) => {
  let t: TestInstance;
  let actor: Actor;
  let memberId: number;
  beforeAll(async () => {
    t = await testInstance(dialect);
    const coop = await seedCooperative(t, 'KSPA');
    const user = await seedUser(t, 'petugas.a', 'petugas', coop.id);
    actor = { kind: 'user', userId: user.id, username: 'petugas.a', role: 'petugas', cooperativeId: coop.id, sessionHash: 'test' };
    memberId = (await registerMember(t.services, actor, { fullName: 'Siti Aminah', nik: '3316014101900001' })).member.id;
    await recordMovement(t.services, actor, memberId, 'deposit', { kind: 'sukarela', amount: 100_000 });
  });
  afterAll(async () => t.close());

  const outcomes = (settled: PromiseSettledResult<unknown>[]) =>
    settled.map((s) => (s.status === 'fulfilled' ? 'ok' : s.reason instanceof AppError ? s.reason.code : String(s.reason))).sort();

  it('five withdrawals of 30,000 at once from sukarela 100,000: three pass (100,000 − 3 × 30,000 = 10,000), two are refused', async () => {
    const settled = await Promise.allSettled([1, 2, 3, 4, 5].map(() => recordMovement(t.services, actor, memberId, 'withdrawal', { kind: 'sukarela', amount: 30_000 })));
    expect(outcomes(settled)).toEqual(['ok', 'ok', 'ok', 'savings_insufficient', 'savings_insufficient']);
    expect((await savingsBalances(t.services, actor, memberId)).sukarela).toBe(10_000);
  });

  it('three reversals of one deposit at once: one passes, two answer savings_already_reversed', async () => {
    const { transactionId } = await recordMovement(t.services, actor, memberId, 'deposit', { kind: 'sukarela', amount: 5_000 });
    const settled = await Promise.allSettled([1, 2, 3].map(() => reverseMovement(t.services, actor, memberId, transactionId, 'uji balapan')));
    expect(outcomes(settled)).toEqual(['ok', 'savings_already_reversed', 'savings_already_reversed']);
    expect((await savingsBalances(t.services, actor, memberId)).sukarela).toBe(10_000);
  });

  it('the same new NIK registered three times at once: one member, two member_nik_taken, never a 500', async () => {
    const settled = await Promise.allSettled([1, 2, 3].map(() => registerMember(t.services, actor, { fullName: 'Kembar', nik: '3316015506950007' })));
    expect(outcomes(settled)).toEqual(['member_nik_taken', 'member_nik_taken', 'ok']);
  });
});
