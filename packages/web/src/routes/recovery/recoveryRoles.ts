import type { Role } from '../../auth/roles';

/**
 * Recovery stays inside the cooperative: petugas and pengurus work cases, the pengurus
 * decides, the pengawas reviews write-offs and reads. Dinas roles never see it (403).
 */
export const RECOVERY_READERS: readonly Role[] = ['pengurus', 'petugas', 'pengawas'];
export const RECOVERY_WORKERS: readonly Role[] = ['pengurus', 'petugas'];
export const RECOVERY_PATH = '/penanganan';
export const casePath = (id: number) => `${RECOVERY_PATH}?kasus=${id}`;
