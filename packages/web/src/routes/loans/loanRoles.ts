import type { Role } from '../../auth/roles';

/**
 * Loans stay inside the cooperative: petugas apply and take repayments, pengurus also decide,
 * disburse and reverse, pengawas read. Dinas roles never see a loan (the server answers 403).
 */
export const LOAN_READERS: readonly Role[] = ['pengurus', 'petugas', 'pengawas'];
export const LOAN_OFFICERS: readonly Role[] = ['pengurus', 'petugas'];
export const LOAN_MANAGERS: readonly Role[] = ['pengurus'];

export const LOANS_PATH = '/pinjaman';
export const APPLY_PATH = '/pinjaman/ajukan';
export const loanPath = (id: number) => `/pinjaman/${id}`;
