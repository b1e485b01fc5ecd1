import { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { withInstance } from './context.ts';
import { CommandError } from './errors.ts';

export function backupCommand(): Command {
  return new Command('backup')
    .description('Consistent online backup of the database (SQLite; safe while the server runs). The key file is NOT included: keep it apart.')
    .argument('<file>', 'backup file to write')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      await withInstance(cmd, async (services) => {
        const sqlite = services.db.sqlite;
        if (!sqlite) throw new CommandError('On PostgreSQL use pg_dump for now; `simpul backup` for PostgreSQL is not built yet');
        const target = path.resolve(file);
        if (fs.existsSync(target)) throw new CommandError(`${target} exists: choose a new file`);
        await sqlite.backup(target);
        process.stdout.write(`Backup written to ${target} (${fs.statSync(target).size} bytes). The key file is not in it: keep ${'simpul.key'} safe and separate.\n`);
      });
    });
}
