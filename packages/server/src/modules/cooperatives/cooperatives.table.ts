import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export const COOPERATIVE_TYPES = ['ksp', 'kspps', 'ksu', 'consumer', 'producer', 'service', 'other'] as const;
export type CooperativeType = (typeof COOPERATIVE_TYPES)[number];

export const ACTIVITY_STATUSES = ['active', 'inactive'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface CooperativesTable {
  id: Generated<number>;
  code: string;
  name: string;
  nik_koperasi: string | null;
  type: CooperativeType;
  created_at: string;
  // The Dinas's registry facts (migration 0009-supervision).
  legal_entity_no: Defaulted<string | null>;
  address: Defaulted<string | null>;
  /** Six-digit Kemendagri district code (idn-area-data), as in a NIK. */
  kecamatan_code: Defaulted<string | null>;
  founded_on: Defaulted<string | null>;
  members_count: Defaulted<number | null>;
  /** Board members' names and phone numbers: encrypted at rest (field-crypto). */
  board_contacts: Defaulted<string | null>;
  last_rat_year: Defaulted<number | null>;
  /** 1 when the cooperative furnishes the shared registry. */
  registry_participation: Defaulted<number>;
  activity_status: Defaulted<ActivityStatus>;
  status_reason: Defaulted<string | null>;
  /** The date ('YYYY-MM-DD') the current activity status took effect. */
  status_since: Defaulted<string | null>;
  updated_at: Defaulted<string | null>;
}

/** Every status change, with who made it and why: the Dinas must be able to justify each. */
export interface CooperativeStatusHistoryTable {
  id: Generated<number>;
  cooperative_id: number;
  from_status: ActivityStatus | null;
  to_status: ActivityStatus;
  reason: string;
  effective_on: string;
  changed_by: string;
  changed_at: string;
}

export type Cooperative = Selectable<CooperativesTable>;
export type NewCooperative = Insertable<CooperativesTable>;
export type CooperativeUpdate = Updateable<CooperativesTable>;
export type CooperativeStatusChange = Selectable<CooperativeStatusHistoryTable>;
