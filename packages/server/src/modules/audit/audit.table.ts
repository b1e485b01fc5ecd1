import type { Generated, Selectable } from 'kysely';

/** One entry of the hash-chained audit log: hash = SHA-256(prev_hash + canonical entry). */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: number | null;
  actor: string;
  cooperative_id: number | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export type AuditEntry = Selectable<AuditLogTable>;
