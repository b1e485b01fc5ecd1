import { dayOfWeek } from '@simpul/domain';
import type { Role } from '../identity/identity.table.ts';

/**
 * The pure rules of problem-loan resolution: the cause taxonomy, fair-collection conduct,
 * kept/broken promises, case priority and who may approve a restructuring. No I/O.
 */

/** Why a loan went bad (DOMAIN.md §6): the member's side, outside events, and the cooperative's own failures. */
export const CAUSES = {
  business_failure: { group: 'member', id: 'Usaha gagal', en: 'Business failure' },
  illness_or_death: { group: 'external', id: 'Sakit atau meninggal dunia', en: 'Illness or death' },
  disaster: { group: 'external', id: 'Bencana', en: 'Disaster' },
  job_loss: { group: 'external', id: 'Kehilangan pekerjaan', en: 'Job loss' },
  family_problems: { group: 'member', id: 'Masalah keluarga', en: 'Family problems' },
  multiple_borrowing: { group: 'member', id: 'Pinjaman berganda di tempat lain', en: 'Multiple borrowing elsewhere' },
  wilful_default: { group: 'member', id: 'Sengaja tidak membayar', en: 'Wilful default' },
  weak_appraisal: { group: 'cooperative', id: 'Analisis kredit lemah', en: 'Weak appraisal' },
  no_collateral_check: { group: 'cooperative', id: 'Agunan tidak diperiksa', en: 'No collateral check' },
  over_lending: { group: 'cooperative', id: 'Pinjaman melebihi kemampuan', en: 'Over-lending' },
} as const;
export type CauseCode = keyof typeof CAUSES;
export const CAUSE_CODES = Object.keys(CAUSES) as CauseCode[];

/** Who took part in a visit: cooperative staff, the member, or anyone else. */
export const ATTENDEE_ROLES = ['officer', 'member', 'spouse', 'family', 'guarantor', 'other'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];
export interface Attendee {
  name: string;
  role: AttendeeRole;
}

export type ConductFlag = 'outside_hours' | 'third_party';

/**
 * Fair-collection conduct (the OJK rule used as the bar): contact only Monday–Saturday from
 * 08:00 to 20:00 inclusive, and only with the member. Returns what the contact breached.
 *
 * @example conductFlags('2026-11-08', '10:00', [{ name: 'Sri', role: 'member' }]) // ['outside_hours'] (a Sunday)
 */
export function conductFlags(metOn: string, metTime: string, attendees: readonly Attendee[]): ConductFlag[] {
  const flags: ConductFlag[] = [];
  const [hours = 0, minutes = 0] = metTime.split(':').map(Number);
  const minuteOfDay = hours * 60 + minutes;
  if (dayOfWeek(metOn) === 0 || minuteOfDay < 8 * 60 || minuteOfDay > 20 * 60) flags.push('outside_hours');
  const memberSide = attendees.filter((a) => a.role !== 'officer');
  if (!memberSide.some((a) => a.role === 'member') || memberSide.some((a) => a.role !== 'member')) flags.push('third_party');
  return flags;
}

export type PromiseStatus = 'pending' | 'kept' | 'broken';
export interface PromiseTerms {
  made_on: string;
  due_on: string;
  amount: number;
}
export interface PaymentFact {
  paid_on: string;
  amount: number;
  reversed_at: string | null;
}

/**
 * Kept when the repayments from the day the promise was made up to its date sum to at
 * least the promised amount; broken once the date has passed without that; pending before.
 *
 * @example promiseStatus({ made_on: '2026-11-02', due_on: '2026-11-10', amount: 500_000 }, [{ paid_on: '2026-11-09', amount: 500_000, reversed_at: null }], '2026-11-12') // 'kept'
 */
export function promiseStatus(promise: PromiseTerms, payments: readonly PaymentFact[], today: string): { status: PromiseStatus; paid: number } {
  let paid = 0;
  for (const p of payments) {
    if (p.reversed_at === null && p.paid_on >= promise.made_on && p.paid_on <= promise.due_on) paid += p.amount;
  }
  if (paid >= promise.amount) return { status: 'kept', paid };
  return { status: today > promise.due_on ? 'broken' : 'pending', paid };
}

/** What the worklist ranks a loan by. */
export interface RiskFacts {
  classRank: number;
  daysPastDue: number;
  amount: number;
  brokenPromises: number;
}

/**
 * Priority = class rank plus one per broken promise (at most two): a broken promise moves a
 * case up as if its class were one worse. The worklist sorts by priority, then DPD, then the
 * amount in arrears and outstanding, then broken promises — highest first.
 */
export function priorityOf(facts: RiskFacts): number {
  return facts.classRank + Math.min(facts.brokenPromises, 2);
}

export function compareRisk(a: RiskFacts, b: RiskFacts): number {
  return priorityOf(b) - priorityOf(a) || b.daysPastDue - a.daysPastDue || b.amount - a.amount || b.brokenPromises - a.brokenPromises;
}

/** Seniority within a cooperative: the pengurus (board) over the petugas (officer). */
export const RANK: Partial<Record<Role, number>> = { petugas: 1, pengurus: 2 };

export type ApprovalRefusal = 'approver_is_proposer' | 'approver_not_senior' | 'approver_is_original';

/**
 * May `approver` approve a restructuring proposed by `proposerId` on a loan first approved
 * by `original`? The rule (docs/recovery.md): never the proposer; the approver must rank
 * above the original approver, or — when nobody ranks above (a pengurus approved the loan
 * and the pengurus is the top of a cooperative) — rank equal to them and be another person.
 * A petugas never approves. Returns the refusal, or null when allowed.
 */
export function approvalRefusal(
  approver: { id: number; role: Role },
  proposerId: number | null,
  original: { id: number; role: Role } | null,
): ApprovalRefusal | null {
  if (approver.id === proposerId) return 'approver_is_proposer';
  const mine = RANK[approver.role] ?? 0;
  const theirs = original ? (RANK[original.role] ?? 0) : RANK.petugas ?? 1;
  if (mine < 2 || mine < theirs) return 'approver_not_senior';
  if (mine === theirs && original !== null && original.id === approver.id) return 'approver_is_original';
  return null;
}
