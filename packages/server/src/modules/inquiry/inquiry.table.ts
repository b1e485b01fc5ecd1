import type { ColumnType, Generated, Selectable } from 'kysely';

/** Permissible purposes of an inquiry; without one (and a consent reference) it is refused. */
export const PURPOSES = ['new_loan', 'account_review', 'restructuring', 'own_request', 'dispute'] as const;
export type Purpose = (typeof PURPOSES)[number];

/**
 * Every inquiry, keyed by the subject's pseudonym (never the NIK): who asked, for which
 * cooperative, why, under which consent, and a hash of what was answered.
 */
export interface InquiriesTable {
  id: Generated<number>;
  subject_key: string;
  /** null for a member's own report printed at the Dinas. */
  cooperative_id: number | null;
  user_id: number | null;
  actor: string;
  purpose: Purpose;
  consent_ref: string;
  identity_match: string;
  created_at: string;
  /** SHA-256 of the canonical JSON of the report as answered (without its inquiry id). */
  response_hash: string;
}

export const ALERT_KINDS = ['new_account_elsewhere', 'inquiry_elsewhere', 'dpd30_elsewhere', 'write_off_elsewhere'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** A note to a cooperative about one of its own open accounts: something happened elsewhere. */
export interface RegistryAlertsTable {
  id: Generated<number>;
  cooperative_id: number;
  /** The recipient's own account the alert is about. */
  account_id: number;
  subject_key: string;
  kind: AlertKind;
  /** The cooperative where it happened (never named to the member's disadvantage; staff see its code). */
  source_cooperative_id: number | null;
  /** One alert per event and recipient: e.g. `inquiry:17`, `dpd30:412`. */
  dedup_key: string;
  created_at: string;
  read_at: string | null;
}

export const DISPUTE_STATUSES = ['open', 'confirmed', 'corrected', 'removed'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** A member's dispute of one account line, answered by the furnishing cooperative. */
export interface RegistryDisputesTable {
  id: Generated<number>;
  account_id: number;
  subject_key: string;
  furnisher_cooperative_id: number;
  /** Where the member lodged it: a cooperative, or null for the Dinas. */
  opened_by_cooperative_id: number | null;
  opened_by: string;
  reason_code: string;
  opened_on: string;
  /** 20 working days after opened_on. */
  due_on: string;
  status: DisputeStatus;
  escalated_at: string | null;
  resolved_on: string | null;
  resolved_by: string | null;
}

export type Inquiry = Selectable<InquiriesTable>;
export type RegistryAlert = Selectable<RegistryAlertsTable>;
export type RegistryDispute = Selectable<RegistryDisputesTable>;

/** Columns this module adds to registry_accounts (migration 0008). */
export interface RegistryAccountsInquiryColumns {
  /** Set when a dispute found the line unsubstantiated: it no longer appears in reports. */
  removed_on: ColumnType<string | null, string | null | undefined, string | null>;
}
