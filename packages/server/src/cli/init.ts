import { Command } from 'commander';
import fs from 'node:fs';
import { dataDir } from '../config/env.ts';
import { ensureKeyFile, keyFilePath } from '../config/keys.ts';
import type { Services } from '../http/context.ts';
import { createUser } from '../modules/identity/identity.service.ts';
import { generatePassword } from '../modules/identity/passwords.ts';
import { withInstance } from './context.ts';

export interface InitResult {
  keyCreated: boolean;
  admin?: { username: string; password: string };
}

/** Creates the first platform admin when the instance has no user yet. */
export async function ensureFirstAdmin(services: Services, username = 'admin', password?: string): Promise<InitResult['admin']> {
  const any = await services.db.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return undefined;
  const chosen = password ?? generatePassword();
  await createUser(services, null, {
    username,
    fullName: 'Administrator Dinas',
    role: 'platform_admin',
    password: chosen,
    mustChangePassword: password === undefined,
  });
  return { username, password: chosen };
}

/** Data directory, key file, migrated database and first admin: idempotent. */
export async function initInstance(cmd: Command, adminUsername?: string, adminPassword?: string): Promise<InitResult> {
  fs.mkdirSync(dataDir(), { recursive: true });
  const keyCreated = ensureKeyFile();
  const admin = await withInstance(cmd, (services) => ensureFirstAdmin(services, adminUsername, adminPassword));
  return admin ? { keyCreated, admin } : { keyCreated };
}

export function initCommand(): Command {
  return new Command('init')
    .description('Create the data directory, key file, database and first admin user')
    .option('--admin-username <name>', 'username of the first admin', 'admin')
    .option('--admin-password <password>', 'password of the first admin (generated and printed once if omitted)')
    .action(async (opts: { adminUsername: string; adminPassword?: string }, cmd: Command) => {
      const result = await initInstance(cmd, opts.adminUsername, opts.adminPassword);
      const out = [`Data directory: ${dataDir()}`];
      if (process.env.SIMPUL_KEY) out.push('Key: from SIMPUL_KEY');
      else out.push(`Key file: ${keyFilePath()}${result.keyCreated ? ' (created; keep a copy apart from backups)' : ''}`);
      if (result.admin) {
        out.push(`First admin: ${result.admin.username}`);
        out.push(`Password (shown once): ${result.admin.password}`);
      } else out.push('Already initialised: users exist.');
      process.stdout.write(`${out.join('\n')}\n`);
    });
}
