import { Command, Option } from 'commander';
import { findCooperativeByCode } from '../modules/cooperatives/cooperatives.repository.ts';
import { createUser, disableUser, listUsers } from '../modules/identity/identity.service.ts';
import { ROLES, type Role } from '../modules/identity/identity.table.ts';
import { generatePassword } from '../modules/identity/passwords.ts';
import { findUserByUsername } from '../modules/identity/users.repository.ts';
import { output, table, withInstance } from './context.ts';
import { CommandError } from './errors.ts';

function addCommand(): Command {
  return new Command('add')
    .description('Add a user')
    .requiredOption('--username <name>', 'sign-in name')
    .requiredOption('--full-name <name>', 'full name')
    .addOption(new Option('--role <role>', 'role').choices(ROLES).makeOptionMandatory())
    .option('--cooperative <code>', 'cooperative code (required for pengurus, petugas, pengawas)')
    .option('--password <password>', 'password (generated and printed once if omitted)')
    .action(async (opts: { username: string; fullName: string; role: Role; cooperative?: string; password?: string }, cmd: Command) => {
      await withInstance(cmd, async (services) => {
        let cooperativeId: number | null = null;
        if (opts.cooperative) {
          const coop = await findCooperativeByCode(services.db.db, opts.cooperative);
          if (!coop) throw new CommandError(`Unknown cooperative "${opts.cooperative}"`);
          cooperativeId = coop.id;
        }
        const password = opts.password ?? generatePassword();
        const user = await createUser(services, null, {
          username: opts.username,
          fullName: opts.fullName,
          role: opts.role,
          cooperativeId,
          password,
          mustChangePassword: opts.password === undefined,
        });
        process.stdout.write(`Added ${user.username} (${user.role}${user.cooperative ? `, ${user.cooperative.code}` : ''})\n`);
        if (!opts.password) process.stdout.write(`Password (shown once): ${password}\n`);
      });
    });
}

function listCommand(): Command {
  return new Command('list')
    .description('List users')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withInstance(cmd, async (services) => {
        const users = await listUsers(services, null);
        output(opts.json, users, () =>
          table([
            ['USERNAME', 'ROLE', 'COOPERATIVE', 'STATUS', 'NAME'],
            ...users.map((u) => [u.username, u.role, u.cooperative?.code ?? '-', u.disabled ? 'disabled' : 'active', u.fullName]),
          ]),
        );
      });
    });
}

function disableCommand(): Command {
  return new Command('disable')
    .description('Disable a user and end their sessions')
    .argument('<username>')
    .action(async (username: string, _opts: unknown, cmd: Command) => {
      await withInstance(cmd, async (services) => {
        const user = await findUserByUsername(services.db.db, username);
        if (!user) throw new CommandError(`Unknown user "${username}"`);
        await disableUser(services, null, user.id);
        process.stdout.write(`Disabled ${user.username}\n`);
      });
    });
}

export function userCommand(): Command {
  return new Command('user').description('Manage users').addCommand(addCommand()).addCommand(listCommand()).addCommand(disableCommand());
}
