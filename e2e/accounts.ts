/** The instance the browser journeys run against: one cooperative and one account per role. */
export const COOPERATIVE = { code: 'KSP01', name: 'KSP Maju Bersama' } as const;

export type Role = 'platform_admin' | 'dinas_analyst' | 'pengurus' | 'petugas' | 'pengawas';

export interface Account {
  username: string;
  password: string;
  fullName: string;
  role: Role;
  /** Cooperative code; none for Dinas roles. */
  cooperative?: string;
  /** Created without a password: the CLI prints a temporary one that must be changed. */
  temporary?: boolean;
}

export type AccountName = 'admin' | 'analyst' | 'pengurus' | 'petugas' | 'pengawas' | 'newcomer';

export const ACCOUNTS: Record<AccountName, Account> = {
  admin: {
    username: 'admin',
    password: 'admin-rahasia-01',
    fullName: 'Administrator Dinas',
    role: 'platform_admin',
  },
  analyst: {
    username: 'analis',
    password: 'analis-rahasia-01',
    fullName: 'Dewi Lestari',
    role: 'dinas_analyst',
  },
  pengurus: {
    username: 'pengurus1',
    password: 'pengurus-rahasia-01',
    fullName: 'Bambang Susilo',
    role: 'pengurus',
    cooperative: COOPERATIVE.code,
  },
  petugas: {
    username: 'petugas1',
    password: 'petugas-rahasia-01',
    fullName: 'Siti Aminah',
    role: 'petugas',
    cooperative: COOPERATIVE.code,
  },
  pengawas: {
    username: 'pengawas1',
    password: 'pengawas-rahasia-01',
    fullName: 'Joko Widodo Santoso',
    role: 'pengawas',
    cooperative: COOPERATIVE.code,
  },
  newcomer: {
    username: 'petugas.baru',
    password: '', // filled in by the global setup from the CLI's output
    fullName: 'Agus Pratama',
    role: 'petugas',
    cooperative: COOPERATIVE.code,
    temporary: true,
  },
};
