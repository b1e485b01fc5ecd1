import type { Role } from '../identity/identity.table.ts';

/**
 * Who may do what in recovery. Dinas roles are on no list: every recovery route is 403 to
 * them (member-level data is the cooperative's). Petugas and pengurus work cases; the
 * pengurus decides; the pengawas reviews write-offs and reads everything.
 */
export const RECOVERY_ROLES = {
  read: ['pengurus', 'petugas', 'pengawas'],
  work: ['pengurus', 'petugas'],
  manager: ['pengurus'],
  reviewer: ['pengawas'],
} as const satisfies Record<string, readonly Role[]>;

export { tenantOf, userIdOf } from '../lending/lending.access.ts';
