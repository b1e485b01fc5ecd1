import { describe, expect, it } from 'vitest';
import { approvalRefusal, compareRisk, conductFlags, priorityOf, promiseStatus, type Attendee } from '../src/modules/recovery/recovery.rules.ts';

const member: Attendee[] = [{ name: 'Sri', role: 'member' }, { name: 'Rina', role: 'officer' }];

describe('fair-collection conduct (Mon–Sat 08:00–20:00, only with the member)', () => {
  it('Saturday 2027-02-13 at 08:00 and at 20:00 with the member: no flag (both ends inclusive)', () => {
    expect(conductFlags('2027-02-13', '08:00', member)).toEqual([]);
    expect(conductFlags('2027-02-13', '20:00', member)).toEqual([]);
  });
  it('07:59 and 20:01 on a Monday are outside hours', () => {
    expect(conductFlags('2027-02-15', '07:59', member)).toEqual(['outside_hours']);
    expect(conductFlags('2027-02-15', '20:01', member)).toEqual(['outside_hours']);
  });
  it('Sunday 2027-02-14 at 10:00 is outside hours whatever the time', () => {
    expect(conductFlags('2027-02-14', '10:00', member)).toEqual(['outside_hours']);
  });
  it('a spouse present, or the member absent, is contact with a third party', () => {
    expect(conductFlags('2027-02-15', '10:00', [...member, { name: 'Budi', role: 'spouse' }])).toEqual(['third_party']);
    expect(conductFlags('2027-02-15', '10:00', [{ name: 'Ani', role: 'family' }])).toEqual(['third_party']);
    expect(conductFlags('2027-02-14', '21:00', [{ name: 'Ani', role: 'guarantor' }])).toEqual(['outside_hours', 'third_party']);
  });
});

describe('promises to pay', () => {
  const promise = { made_on: '2027-02-10', due_on: '2027-02-20', amount: 560_000 };
  const paid = (paid_on: string, amount: number, reversed_at: string | null = null) => ({ paid_on, amount, reversed_at });
  it('300,000 + 260,000 by the date = 560,000 ≥ 560,000: kept (even before the date)', () => {
    expect(promiseStatus(promise, [paid('2027-02-12', 300_000), paid('2027-02-20', 260_000)], '2027-02-15')).toEqual({ status: 'kept', paid: 560_000 });
  });
  it('559,999 by the date: pending on the date, broken the day after', () => {
    expect(promiseStatus(promise, [paid('2027-02-20', 559_999)], '2027-02-20').status).toBe('pending');
    expect(promiseStatus(promise, [paid('2027-02-20', 559_999)], '2027-02-21').status).toBe('broken');
  });
  it('payments before the promise, after its date or reversed do not count', () => {
    const payments = [paid('2027-02-09', 560_000), paid('2027-02-21', 560_000), paid('2027-02-15', 560_000, '2027-02-16T00:00:00Z')];
    expect(promiseStatus(promise, payments, '2027-02-22')).toEqual({ status: 'broken', paid: 0 });
  });
});

describe('worklist priority', () => {
  it('a broken promise raises priority by one: DPK (2) + 1 = 3 ranks with KL (3) and above DPK', () => {
    expect(priorityOf({ classRank: 2, daysPastDue: 40, amount: 1, brokenPromises: 1 })).toBe(3);
    expect(priorityOf({ classRank: 2, daysPastDue: 40, amount: 1, brokenPromises: 5 })).toBe(4);
    const dpkBroken = { classRank: 2, daysPastDue: 40, amount: 5_000_000, brokenPromises: 1 };
    const dpk = { classRank: 2, daysPastDue: 80, amount: 9_000_000, brokenPromises: 0 };
    expect([dpk, dpkBroken].sort(compareRisk)[0]).toBe(dpkBroken);
  });
  it('same priority: more DPD first, then the larger amount', () => {
    const a = { classRank: 3, daysPastDue: 100, amount: 1_000_000, brokenPromises: 0 };
    const b = { classRank: 3, daysPastDue: 110, amount: 1_000_000, brokenPromises: 0 };
    const c = { classRank: 3, daysPastDue: 110, amount: 2_000_000, brokenPromises: 0 };
    expect([a, b, c].sort(compareRisk)).toEqual([c, b, a]);
  });
});

describe('restructuring approval (seniority)', () => {
  const original = { id: 2, role: 'pengurus' as const };
  it('refuses the proposer, a petugas, and the original approver; admits another pengurus', () => {
    expect(approvalRefusal({ id: 3, role: 'pengurus' }, 3, original)).toBe('approver_is_proposer');
    expect(approvalRefusal({ id: 1, role: 'petugas' }, 9, original)).toBe('approver_not_senior');
    expect(approvalRefusal({ id: 2, role: 'pengurus' }, 9, original)).toBe('approver_is_original');
    expect(approvalRefusal({ id: 3, role: 'pengurus' }, 9, original)).toBeNull();
  });
  it('a loan first approved by a petugas: any pengurus ranks above; a petugas never approves', () => {
    expect(approvalRefusal({ id: 5, role: 'pengurus' }, 1, { id: 4, role: 'petugas' })).toBeNull();
    expect(approvalRefusal({ id: 4, role: 'petugas' }, 1, { id: 4, role: 'petugas' })).toBe('approver_not_senior');
  });
});
