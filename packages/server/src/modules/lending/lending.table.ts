import type { ColumnType, Generated, Selectable } from 'kysely';

type Defaulted<T> = ColumnType<T, T | undefined, T>;

/**
 * A loan product: the terms a cooperative offers. JSON columns hold domain values as the
 * engine types them: `penalty_rule` a `PenaltyRule`, `allocation_order` an
 * `AllocationComponent[]`.
 */
export interface LoanProductsTable {
  id: Generated<number>;
  cooperative_id: number;
  code: string;
  name: string;
  method: 'flat' | 'effective' | 'annuity';
  rate_percent: number;
  rate_period: 'month' | 'year';
  frequency: 'daily' | 'weekly' | 'fortnightly' | 'monthly';
  min_tenor: number;
  max_tenor: number;
  min_amount: number;
  max_amount: number;
  /** Instalments rounded up to this many minor units (null: to the minor unit). */
  installment_multiple: number | null;
  penalty_rule: string;
  allocation_order: string;
  /** A preset id of @simpul/domain: 'ojk_bank', 'bpr', 'cooperative_4'. */
  classification_preset: string;
  collateral_required: Defaulted<number>;
  active: Defaulted<number>;
  created_at: string;
  updated_at: string;
}

/**
 * applied → approved | rejected → active (disbursed) → settled;
 * active → written_off (hapus buku) → forgiven (hapus tagih).
 */
export const LOAN_STATUSES = ['applied', 'approved', 'rejected', 'active', 'settled', 'written_off', 'forgiven'] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

/**
 * A loan from application to its end. The application part is written once; the terms are
 * copied from the product at application (a later product change does not move a loan);
 * the schedule is fixed at disbursement. The `state_*` columns are what close of day last
 * derived from schedule and repayments, with `state_as_of` its business date.
 */
export interface LoansTable {
  id: Generated<number>;
  cooperative_id: number;
  member_id: number;
  product_id: number;
  /** The loan number, unique within the cooperative; the registry's account_ref. */
  loan_no: string;
  status: LoanStatus;
  amount: number;
  tenor: number;
  rate_percent: number;
  rate_period: 'month' | 'year';
  method: 'flat' | 'effective' | 'annuity';
  frequency: 'daily' | 'weekly' | 'fortnightly' | 'monthly';
  installment_multiple: number | null;
  penalty_rule: string;
  allocation_order: string;
  classification_preset: string;
  purpose: string;
  /** JSON `Collateral[]` of @simpul/domain ({ type, value }). */
  collateral: string;
  /** The applicant's declared monthly income and expenses (minor units), encrypted. */
  declared_income_enc: string | null;
  declared_expenses_enc: string | null;
  /** The applicant's consent to a registry check: the signed form's number. */
  consent_ref: string | null;
  consent_at: string | null;
  /** The loan officer in charge (applied it, follows it up). */
  officer_id: number | null;
  applied_by: number | null;
  applied_at: string;
  decided_by: number | null;
  decided_at: string | null;
  decision_reason: string | null;
  disbursed_on: string | null;
  disbursed_by: number | null;
  /** JSON `Installment[]` fixed at disbursement (replaced by a restructuring, the old one kept there). */
  schedule: string | null;
  installment_amount: number | null;
  maturity_on: string | null;
  closed_on: string | null;
  in_court: Defaulted<number>;
  restructured_count: Defaulted<number>;
  restructured_on: string | null;
  /** JSON `RestructuredBasis` of the latest restructuring: what the current schedule starts from. */
  restructure_basis: string | null;
  // Close of day's view of the loan.
  state_as_of: string | null;
  outstanding_principal: Defaulted<number>;
  arrears: Defaulted<number>;
  penalty_due: Defaulted<number>;
  days_past_due: Defaulted<number>;
  class_code: string | null;
  allowance: Defaulted<number>;
  last_payment_on: string | null;
  next_due_on: string | null;
  created_at: string;
  updated_at: string;
}

export const PAYMENT_CHANNELS = ['cash', 'transfer'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];

/** A repayment is never deleted: a mistake is reversed, with a reason. */
export interface RepaymentsTable {
  id: Generated<number>;
  cooperative_id: number;
  loan_id: number;
  paid_on: string;
  amount: number;
  channel: PaymentChannel;
  receipt_no: string;
  created_by: number | null;
  created_at: string;
  reversed_at: string | null;
  reversed_by: number | null;
  reversal_reason: string | null;
}

/**
 * One row per loan per month-end (and for the business date of the latest close of day):
 * the trend charts, "moved to a worse class this week" and the registry history read it.
 */
export interface LoanSnapshotsTable {
  loan_id: number;
  cooperative_id: number;
  as_of: string;
  outstanding_principal: number;
  arrears: number;
  days_past_due: number;
  class_code: string;
  allowance: number;
  status: LoanStatus;
}

/**
 * Close-of-day runs: one row per business date, so a second run knows it already ran. While
 * unfinished the row is a claim: `claimed_by` (host/pid namespace:pid) and `heartbeat_at`,
 * renewed as the run goes, tell whether its process is still there (close-of-day.claim.ts).
 */
export interface CloseOfDayRunsTable {
  business_date: string;
  started_at: string;
  finished_at: string | null;
  loans: number;
  claimed_by: string | null;
  heartbeat_at: string | null;
}

/** The last loan number a cooperative gave out in a year (PJ-<year>-<last_no>). */
export interface LoanNumberCountersTable {
  cooperative_id: number;
  year: string;
  last_no: number;
}

export type LoanProduct = Selectable<LoanProductsTable>;
export type Loan = Selectable<LoansTable>;
export type Repayment = Selectable<RepaymentsTable>;
