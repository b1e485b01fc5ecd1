import type { Role } from '../../auth/roles';

/**
 * Member data stays inside the cooperative: its petugas and pengurus register and record
 * savings, its pengawas reads; Dinas roles never see a member (the server answers 403).
 */
export const MEMBER_READERS: readonly Role[] = ['pengurus', 'petugas', 'pengawas'];
export const MEMBER_WRITERS: readonly Role[] = ['pengurus', 'petugas'];

/** The member page's address. */
export const memberPath = (id: number) => `/anggota/${id}`;
