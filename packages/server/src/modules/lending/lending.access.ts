import type { Actor } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import type { Role } from '../identity/identity.table.ts';

/** Who may do what in lending; Dinas roles are on no list, so every lending route is 403 to them. */
export const LENDING_ROLES = {
  read: ['pengurus', 'petugas', 'pengawas'],
  officer: ['pengurus', 'petugas'],
  manager: ['pengurus'],
} as const satisfies Record<string, readonly Role[]>;

/** The actor's cooperative; lending routes only admit cooperative roles, so this is their tenant. */
export function tenantOf(actor: Actor): number {
  if (actor.cooperativeId === null) throw notFound();
  return actor.cooperativeId;
}

/** The acting user's id, or null for an API key. */
export function userIdOf(actor: Actor): number | null {
  return actor.kind === 'user' ? actor.userId : null;
}
