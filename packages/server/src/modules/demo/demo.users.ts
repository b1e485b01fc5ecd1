import type { Services } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { createUser } from '../identity/identity.service.ts';
import type { Role } from '../identity/identity.table.ts';

/** The demo's one password for every demo account: it is a demo, and the README says so. */
export const DEMO_PASSWORD = 'simpul-demo-2026';

export interface DemoAccount {
  username: string;
  role: Role;
  fullName: string;
  cooperativeCode: string | null;
}

/**
 * A Dinas analyst, and a pengurus, petugas and pengawas for each of the first cooperatives
 * (the first troubled one included), all with the known demo password. The platform admin
 * is the instance's own (created by `simpul init`).
 */
export function demoAccounts(cooperativeCodes: readonly string[]): DemoAccount[] {
  const accounts: DemoAccount[] = [{ username: 'analis', role: 'dinas_analyst', fullName: 'Dewi Lestari (Analis Dinas)', cooperativeCode: null }];
  const staff: [Role, string][] = [['pengurus', 'Pengurus'], ['petugas', 'Petugas Kredit'], ['pengawas', 'Pengawas']];
  for (const code of cooperativeCodes.slice(0, 3)) {
    for (const [role, label] of staff) {
      accounts.push({ username: `${role}.${code.toLowerCase()}`, role, fullName: `${label} ${code}`, cooperativeCode: code });
    }
  }
  return accounts;
}

/** Creates the demo accounts; a username already taken (an instance's own analyst, say) is left as it is. Returns those created. */
export async function createDemoUsers(services: Services, accounts: readonly DemoAccount[], idOfCode: ReadonlyMap<string, number>): Promise<DemoAccount[]> {
  const created: DemoAccount[] = [];
  for (const a of accounts) {
    const cooperativeId = a.cooperativeCode === null ? null : (idOfCode.get(a.cooperativeCode) ?? null);
    try {
      await createUser(services, null, { username: a.username, fullName: a.fullName, role: a.role, cooperativeId, password: DEMO_PASSWORD });
      created.push(a);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'username_taken')) throw err;
    }
  }
  return created;
}
