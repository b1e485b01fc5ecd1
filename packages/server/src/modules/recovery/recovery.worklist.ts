import type { Kysely } from 'kysely';
import { businessDate } from '../../config/env.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, Services } from '../../http/context.ts';
import type { Repayment } from '../lending/lending.table.ts';
import { tenantOf } from './recovery.access.ts';
import { compareRisk, priorityOf, promiseStatus } from './recovery.rules.ts';
import { recoveryState } from './recovery.state.ts';

export interface WorklistFilter {
  officerId?: number | undefined;
  classCode?: string | undefined;
  kecamatan?: string | undefined;
}

export interface WorklistRow {
  loanId: number;
  loanNo: string;
  member: { id: number; memberNo: string; fullName: string };
  kecamatanCode: string | null;
  officer: { id: number; name: string } | null;
  classCode: string;
  className: string;
  classRank: number;
  daysPastDue: number;
  arrears: number;
  penaltyDue: number;
  outstanding: number;
  brokenPromises: number;
  priority: number;
  restructuredCount: number;
  caseId: number | null;
}

/** Active loans that may be in arrears on `today`: their stored state says so, or an instalment fell due since. */
function candidates(db: Kysely<Database>, cooperativeId: number, today: string, filter: WorklistFilter) {
  let q = db
    .selectFrom('loans as l')
    .innerJoin('members as m', 'm.id', 'l.member_id')
    .leftJoin('users as u', 'u.id', 'l.officer_id')
    .selectAll('l')
    .select(['m.member_no', 'm.full_name as member_name', 'm.kecamatan_code', 'u.full_name as officer_name'])
    .where('l.cooperative_id', '=', cooperativeId)
    .where('l.status', '=', 'active')
    .where((eb) => eb.or([eb('l.days_past_due', '>', 0), eb('l.arrears', '>', 0), eb('l.next_due_on', '<=', today)]));
  if (filter.officerId !== undefined) q = q.where('l.officer_id', '=', filter.officerId);
  if (filter.kecamatan !== undefined) q = q.where('m.kecamatan_code', '=', filter.kecamatan);
  return q.execute();
}

async function byLoan<T extends { loan_id: number }>(rows: Promise<T[]>): Promise<Map<number, T[]>> {
  const map = new Map<number, T[]>();
  for (const r of await rows) map.set(r.loan_id, [...(map.get(r.loan_id) ?? []), r]);
  return map;
}

/** Repayments, promises and open cases of the candidate loans, 500 ids at a time. */
async function factsOf(db: Kysely<Database>, cooperativeId: number, ids: number[]) {
  const repayments = new Map<number, Repayment[]>();
  const promises = new Map<number, { made_on: string; due_on: string; amount: number }[]>();
  const cases = new Map<number, number>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const paid = db.selectFrom('repayments').selectAll().where('cooperative_id', '=', cooperativeId).where('loan_id', 'in', chunk).orderBy('paid_on').orderBy('id');
    for (const [k, v] of await byLoan(paid.execute())) repayments.set(k, v);
    const promised = db.selectFrom('recovery_promises').selectAll().where('cooperative_id', '=', cooperativeId).where('loan_id', 'in', chunk);
    for (const [k, v] of await byLoan(promised.execute())) promises.set(k, v);
    const open = await db.selectFrom('recovery_cases').select(['id', 'loan_id']).where('cooperative_id', '=', cooperativeId).where('open_loan_id', 'in', chunk).execute();
    for (const c of open) cases.set(c.loan_id, c.id);
  }
  return { repayments, promises, cases };
}

/**
 * The officers' worklist: active loans in arrears on the business date, derived live by the
 * engine (so it is right before close of day runs), ranked by risk — class, then DPD, then
 * the amount outstanding, with broken promises raising a case's priority (recovery.rules.ts).
 */
export async function worklist(services: Services, actor: Actor, filter: WorklistFilter): Promise<WorklistRow[]> {
  const cooperativeId = tenantOf(actor);
  const today = businessDate(services.now());
  const loans = await candidates(services.db.db, cooperativeId, today, filter);
  const facts = await factsOf(services.db.db, cooperativeId, loans.map((l) => l.id));
  const rows: WorklistRow[] = [];
  for (const l of loans) {
    const payments = facts.repayments.get(l.id) ?? [];
    const s = recoveryState(l, payments, today);
    if (s.columns.days_past_due === 0 && s.columns.arrears === 0) continue;
    if (filter.classCode !== undefined && s.loanClass.code !== filter.classCode) continue;
    const brokenPromises = (facts.promises.get(l.id) ?? []).filter((p) => promiseStatus(p, payments, today).status === 'broken').length;
    const risk = { classRank: s.loanClass.class, daysPastDue: s.columns.days_past_due, amount: s.columns.outstanding_principal, brokenPromises };
    rows.push({
      loanId: l.id, loanNo: l.loan_no, member: { id: l.member_id, memberNo: l.member_no, fullName: l.member_name }, kecamatanCode: l.kecamatan_code,
      officer: l.officer_id === null ? null : { id: l.officer_id, name: l.officer_name ?? '' },
      classCode: s.loanClass.code, className: s.loanClass.name, classRank: s.loanClass.class, daysPastDue: risk.daysPastDue,
      arrears: s.columns.arrears, penaltyDue: s.columns.penalty_due, outstanding: risk.amount, brokenPromises, priority: priorityOf(risk),
      restructuredCount: l.restructured_count, caseId: facts.cases.get(l.id) ?? null,
    });
  }
  return rows.sort((a, b) => compareRisk({ ...a, amount: a.outstanding }, { ...b, amount: b.outstanding }));
}
