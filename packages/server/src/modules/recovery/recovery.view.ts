import type { Actor, Services } from '../../http/context.ts';
import { tenantOf } from './recovery.access.ts';
import { caseOrThrow, loanWithState, today } from './recovery.cases.ts';
import { claimOf } from './recovery.claims.ts';
import type { Eligibility } from './recovery.eligibility.ts';
import type { PlanInput } from './recovery.options.ts';
import { borrowingElsewhere } from './recovery.registry.ts';
import {
  countAttempts, findForgiveness, listCauses, listNegotiations, listPromises, listReceipts, listRestructurings, listWriteOffs, minCollectionAttempts, userNames,
} from './recovery.repository.ts';
import { promiseStatus, type Attendee } from './recovery.rules.ts';
import type { CaseDetail } from './recovery.schemas.ts';
import type { CaseStatus } from './recovery.table.ts';

type Names = Map<number, string>;
const person = (names: Names, id: number | null) => (id === null ? null : { id, name: names.get(id) ?? '' });

/** The cases of the cooperative, open first, newest first. */
export async function casesOf(services: Services, actor: Actor, status: CaseStatus | undefined) {
  let q = services.db.db.selectFrom('recovery_cases as c').innerJoin('loans as l', 'l.id', 'c.loan_id').innerJoin('members as m', 'm.id', 'l.member_id')
    .select(['c.id', 'c.status', 'c.opened_on', 'c.closed_on', 'c.loan_id', 'l.loan_no', 'm.full_name', 'm.member_no'])
    .where('c.cooperative_id', '=', tenantOf(actor));
  if (status) q = q.where('c.status', '=', status);
  const rows = await q.orderBy('c.id', 'desc').limit(500).execute();
  return rows.map((r) => ({ id: r.id, status: r.status, openedOn: r.opened_on, closedOn: r.closed_on, loanId: r.loan_id, loanNo: r.loan_no, memberName: r.full_name, memberNo: r.member_no }));
}

/**
 * A case with everything an officer works from: the loan and its live state, causes (with
 * "multiple borrowing elsewhere" suggested when the registry shows open accounts at other
 * cooperatives), the negotiation log, promises with their kept/broken status, restructurings,
 * write-offs and, once written off, the claim, recoveries and forgiveness.
 */
export async function caseDetail(services: Services, actor: Actor, caseId: number): Promise<CaseDetail> {
  const c = await caseOrThrow(services, actor, caseId);
  const db = services.db.db;
  const coop = c.cooperative_id;
  const { loan, repayments, state } = await loanWithState(services, actor, c.loan_id);
  const member = await db.selectFrom('members').select(['id', 'member_no', 'full_name']).where('id', '=', loan.member_id).executeTakeFirstOrThrow();
  const [causes, negotiations, promises, restructurings, writeOffs, receipts, forgiveness] = await Promise.all([
    listCauses(db, coop, c.id), listNegotiations(db, coop, c.id), listPromises(db, coop, [loan.id]), listRestructurings(db, coop, loan.id),
    listWriteOffs(db, coop, loan.id), listReceipts(db, coop, loan.id), findForgiveness(db, coop, loan.id),
  ]);
  const names = await userNames(db, [c.opened_by, loan.officer_id, ...negotiations.map((n) => n.created_by), ...restructurings.flatMap((r) => [r.proposed_by, r.decided_by]),
    ...writeOffs.flatMap((w) => [w.proposed_by, w.decided_by, w.reviewed_by])]);
  const elsewhere = await borrowingElsewhere(services, coop, loan.member_id);
  const now = today(services);
  const promiseViews = promises.map((p) => ({ id: p.id, madeOn: p.made_on, dueOn: p.due_on, amount: p.amount, ...promiseStatus(p, repayments, now) }));
  return {
    case: { id: c.id, status: c.status, openedOn: c.opened_on, closedOn: c.closed_on, openedBy: person(names, c.opened_by) },
    loan: {
      id: loan.id, loanNo: loan.loan_no, status: loan.status, amount: loan.amount, tenor: loan.tenor, ratePercent: loan.rate_percent, method: loan.method, frequency: loan.frequency,
      disbursedOn: loan.disbursed_on, restructuredCount: loan.restructured_count, restructuredOn: loan.restructured_on, officer: person(names, loan.officer_id),
    },
    member: { id: member.id, memberNo: member.member_no, fullName: member.full_name },
    state: state && {
      asOf: state.columns.state_as_of, daysPastDue: state.columns.days_past_due, arrears: state.columns.arrears, penaltyDue: state.columns.penalty_due,
      outstanding: state.columns.outstanding_principal, classCode: state.loanClass.code, className: state.loanClass.name, allowance: state.columns.allowance, payoff: state.state.payoffAmount,
    },
    elsewhere,
    causes: causes.map((x) => ({ code: x.code, note: x.note, createdAt: x.created_at })),
    suggestedCauses: elsewhere.accounts > 0 && !causes.some((x) => x.code === 'multiple_borrowing') ? ['multiple_borrowing'] : [],
    negotiations: negotiations.map((n) => ({
      id: n.id, metOn: n.met_on, metTime: n.met_time, place: n.place, attendees: JSON.parse(n.attendees) as Attendee[], situation: n.situation, outcome: n.outcome,
      conductFlags: JSON.parse(n.conduct_flags) as string[], createdBy: person(names, n.created_by),
    })),
    promises: promiseViews,
    restructurings: restructurings.map((r) => {
      const summary = r.summary ? (JSON.parse(r.summary) as { kinds: string[]; basis: { principal: number; tenor: number } }) : null;
      return {
        id: r.id, status: r.status, plan: JSON.parse(r.plan) as PlanInput, reason: r.reason, proposedBy: person(names, r.proposed_by), proposedAt: r.proposed_at,
        decidedBy: person(names, r.decided_by), decidedAt: r.decided_at, note: r.decision_note, executedOn: r.executed_on, kinds: summary?.kinds ?? [],
        newPrincipal: summary?.basis.principal ?? null, newTenor: summary?.basis.tenor ?? null,
      };
    }),
    writeOffs: writeOffs.map((w) => ({
      id: w.id, status: w.status, reason: w.reason, eligibility: JSON.parse(w.eligibility) as Eligibility, proposedBy: person(names, w.proposed_by),
      decidedBy: person(names, w.decided_by), reviewedBy: person(names, w.reviewed_by), writtenOffOn: w.written_off_on, amount: w.written_off_amount,
    })),
    claim: await claimOf(db, coop, loan.id),
    receipts: receipts.map((r) => ({ id: r.id, receivedOn: r.received_on, amount: r.amount, receiptNo: r.receipt_no })),
    forgiveness: forgiveness
      ? { ratMeetingOn: forgiveness.rat_meeting_on, ratDecisionNo: forgiveness.rat_decision_no, membersPresent: forgiveness.members_present, quorum: forgiveness.quorum, amount: forgiveness.amount, forgivenOn: forgiveness.forgiven_on }
      : null,
    attempts: await countAttempts(db, coop, loan.id),
    requiredAttempts: await minCollectionAttempts(db, coop),
    brokenPromises: promiseViews.filter((p) => p.status === 'broken').length,
  };
}
