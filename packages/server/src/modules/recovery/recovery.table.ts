import type { Generated, Selectable } from 'kysely';

/** Per-cooperative recovery policy: how many documented collection attempts a write-off needs. */
export interface RecoverySettingsTable {
  cooperative_id: number;
  min_collection_attempts: number;
  updated_by: number | null;
  updated_at: string;
}

/** open → cured | restructured | written_off | forgiven | closed (the loan ended otherwise). */
export const CASE_STATUSES = ['open', 'cured', 'restructured', 'written_off', 'forgiven', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** A case on a problem loan; at most one open case per loan (`open_loan_id`). */
export interface RecoveryCasesTable {
  id: Generated<number>;
  cooperative_id: number;
  loan_id: number;
  /** The loan id while open, null after: the unique key "one open case per loan". */
  open_loan_id: number | null;
  status: CaseStatus;
  opened_by: number | null;
  opened_on: string;
  closed_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface RecoveryCausesTable {
  id: Generated<number>;
  cooperative_id: number;
  case_id: number;
  /** A code of CAUSES (recovery.taxonomy.ts). */
  code: string;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

/** A visit or meeting. `attendees` is JSON `Attendee[]`; `conduct_flags` JSON codes (fair-collection findings). */
export interface RecoveryNegotiationsTable {
  id: Generated<number>;
  cooperative_id: number;
  case_id: number;
  met_on: string;
  /** Local time 'HH:MM'. */
  met_time: string;
  place: string;
  attendees: string;
  situation: string;
  outcome: string;
  conduct_flags: string;
  created_by: number | null;
  created_at: string;
}

/** A promise to pay `amount` by `due_on`; kept or broken is derived from repayments, never stored. */
export interface RecoveryPromisesTable {
  id: Generated<number>;
  cooperative_id: number;
  case_id: number;
  loan_id: number;
  made_on: string;
  due_on: string;
  amount: number;
  created_by: number | null;
  created_at: string;
}

export const RESTRUCTURING_STATUSES = ['proposed', 'executed', 'rejected'] as const;
export type RestructuringStatus = (typeof RESTRUCTURING_STATUSES)[number];

/** A restructuring: `plan` JSON `RestructuringPlan` of the engine; `summary` JSON of what execution did. */
export interface RecoveryRestructuringsTable {
  id: Generated<number>;
  cooperative_id: number;
  case_id: number;
  loan_id: number;
  status: RestructuringStatus;
  plan: string;
  reason: string;
  proposed_by: number | null;
  proposed_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_note: string | null;
  executed_on: string | null;
  summary: string | null;
}

/** A schedule a restructuring replaced (`terms` JSON of the old pricing, `schedule` JSON `Installment[]`). */
export interface LoanSchedulesTable {
  id: Generated<number>;
  cooperative_id: number;
  loan_id: number;
  restructuring_id: number | null;
  replaced_on: string;
  terms: string;
  schedule: string;
  created_at: string;
}

/** proposed → decided (pengurus) → executed (pengawas reviewed) | rejected. */
export const WRITE_OFF_STATUSES = ['proposed', 'decided', 'executed', 'rejected'] as const;
export type WriteOffStatus = (typeof WRITE_OFF_STATUSES)[number];

/** A hapus buku proposal and, once executed, the off-balance-sheet record of the claim. */
export interface RecoveryWriteOffsTable {
  id: Generated<number>;
  cooperative_id: number;
  case_id: number;
  loan_id: number;
  status: WriteOffStatus;
  reason: string;
  /** JSON `Eligibility` as checked at proposal. */
  eligibility: string;
  proposed_by: number | null;
  proposed_at: string;
  decided_by: number | null;
  decided_at: string | null;
  reviewed_by: number | null;
  reviewed_at: string | null;
  review_note: string | null;
  written_off_on: string | null;
  written_off_amount: number | null;
  allowance_used: number | null;
}

/** Money collected on a written-off loan: recovery income, reducing the tracked claim. */
export interface RecoveryReceiptsTable {
  id: Generated<number>;
  cooperative_id: number;
  loan_id: number;
  write_off_id: number;
  received_on: string;
  amount: number;
  receipt_no: string;
  created_by: number | null;
  created_at: string;
}

/** Hapus tagih: the RAT decision that extinguished what was left of a written-off claim. */
export interface RecoveryForgivenessTable {
  id: Generated<number>;
  cooperative_id: number;
  loan_id: number;
  write_off_id: number;
  rat_meeting_on: string;
  rat_decision_no: string;
  members_present: number;
  quorum: number;
  amount: number;
  forgiven_on: string;
  created_by: number | null;
  created_at: string;
}

export type RecoveryCase = Selectable<RecoveryCasesTable>;
export type Negotiation = Selectable<RecoveryNegotiationsTable>;
export type PromiseToPay = Selectable<RecoveryPromisesTable>;
export type Restructuring = Selectable<RecoveryRestructuringsTable>;
export type WriteOff = Selectable<RecoveryWriteOffsTable>;
export type Receipt = Selectable<RecoveryReceiptsTable>;
export type Forgiveness = Selectable<RecoveryForgivenessTable>;
