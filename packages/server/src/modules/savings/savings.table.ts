import type { ColumnType, Generated, Selectable } from 'kysely';

/** Simpanan pokok (entry), wajib (mandatory), sukarela (voluntary). */
export const SAVINGS_KINDS = ['pokok', 'wajib', 'sukarela'] as const;
export type SavingsKind = (typeof SAVINGS_KINDS)[number];

export const SAVINGS_DIRECTIONS = ['deposit', 'withdrawal'] as const;
export type SavingsDirection = (typeof SAVINGS_DIRECTIONS)[number];

/**
 * Every savings movement is a record; a balance is the sum of a member's movements of a
 * kind (deposits positive, withdrawals negative). A mistaken entry is reversed by another
 * record pointing at it, never deleted.
 */
export interface SavingsTransactionsTable {
  id: Generated<number>;
  cooperative_id: number;
  member_id: number;
  kind: SavingsKind;
  direction: SavingsDirection;
  /** Minor units, always positive; the direction gives the sign. */
  amount: number;
  on_date: string;
  reference: string | null;
  /** Set on a reversal: the id of the transaction it cancels. */
  reverses_id: number | null;
  /** Why a reversal was made (required on reversals; migration 0005). */
  reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: number | null;
  created_at: string;
}

export type SavingsTransaction = Selectable<SavingsTransactionsTable>;
