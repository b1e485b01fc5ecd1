import type { Generated, Insertable, Selectable } from 'kysely';

export const COOPERATIVE_TYPES = ['ksp', 'kspps', 'ksu', 'consumer', 'producer', 'service', 'other'] as const;
export type CooperativeType = (typeof COOPERATIVE_TYPES)[number];

export interface CooperativesTable {
  id: Generated<number>;
  code: string;
  name: string;
  nik_koperasi: string | null;
  type: CooperativeType;
  created_at: string;
}

export type Cooperative = Selectable<CooperativesTable>;
export type NewCooperative = Insertable<CooperativesTable>;
