import type { ColumnType, Generated, Selectable } from 'kysely';

type Defaulted<T> = ColumnType<T, T | undefined, T>;

export const MEMBER_STATUSES = ['active', 'inactive'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/**
 * A cooperative's member (anggota). One person who belongs to two cooperatives is two rows,
 * one per cooperative: each sees only its own. NIK, phone, address and income are stored
 * encrypted (AES-256-GCM, `*_enc` = base64 of iv ‖ tag ‖ ciphertext); the NIK is found by
 * its keyed blind index. Names stay plain so officers can search them.
 */
export interface MembersTable {
  id: Generated<number>;
  cooperative_id: number;
  /** The cooperative's own member number (nomor anggota), unique within it. */
  member_no: string;
  full_name: string;
  /** Lower-cased, accent-free name for LIKE search. */
  name_search: string;
  birth_date: string;
  sex: 'M' | 'F';
  nik_enc: string;
  /** keyedHash(keys.blindIndex, canonical NIK): exact-NIK search without decrypting. */
  nik_index: string;
  phone_enc: string | null;
  address_enc: string | null;
  /** Declared monthly income in minor units, encrypted (a number as text before encryption). */
  income_enc: string | null;
  /** Kemendagri kecamatan code of the member's address ('33.16.01'), for worklists by area. */
  kecamatan_code: string | null;
  joined_on: string;
  status: Defaulted<MemberStatus>;
  left_on: string | null;
  created_at: string;
  updated_at: string;
}

export type Member = Selectable<MembersTable>;
