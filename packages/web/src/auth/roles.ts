/** Role values as the API sends them; labels live in the dictionaries under `roles.*`. */
export const ROLES = [
  'platform_admin',
  'dinas_analyst',
  'pengurus',
  'petugas',
  'pengawas',
] as const;
export type Role = (typeof ROLES)[number];

/** Dinas staff work across cooperatives; everyone else belongs to one cooperative. */
export const DINAS_ROLES: readonly Role[] = ['platform_admin', 'dinas_analyst'];

/** Roles a cooperative's pengurus may give to the accounts of their own cooperative. */
export const COOPERATIVE_ROLES: readonly Role[] = ['pengurus', 'petugas', 'pengawas'];

export function isDinasRole(role: Role): boolean {
  return DINAS_ROLES.includes(role);
}
