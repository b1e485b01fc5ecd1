import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A column with a database default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export const ROLES = ['platform_admin', 'dinas_analyst', 'pengurus', 'petugas', 'pengawas'] as const;
export type Role = (typeof ROLES)[number];

/** Dinas roles work across cooperatives; every other role is bound to one cooperative. */
export const DINAS_ROLES: readonly Role[] = ['platform_admin', 'dinas_analyst'];

export interface UsersTable {
  id: Generated<number>;
  username: string;
  full_name: string;
  role: Role;
  cooperative_id: number | null;
  password_hash: string;
  must_change_password: Defaulted<number>;
  disabled: Defaulted<number>;
  failed_sign_ins: Defaulted<number>;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

/** A session row holds only the SHA-256 of the cookie token, so a stolen database opens none. */
export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiKeysTable {
  id: Generated<number>;
  cooperative_id: number;
  name: string;
  prefix: string;
  key_hash: string;
  created_by: number | null;
  created_at: string;
  revoked_at: string | null;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type ApiKey = Selectable<ApiKeysTable>;
