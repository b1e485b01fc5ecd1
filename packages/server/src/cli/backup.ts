import { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { writeLogicalBackup } from '../db/backup/logical.ts';
import { withInstance } from './context.ts';
import { CommandError } from './errors.ts';

const KEY_WARNING = 'The key file is not in it: keep simpul.key (or SIMPUL_KEY) safe and apart from backups; without it encrypted member fields and registry pseudonyms cannot be read.';

export function backupCommand(): Command {
  return new Command('backup')
    .description('Consistent online backup while the server runs: a SQLite copy, or on PostgreSQL a logical snapshot (gzip JSON lines). The key file is NOT included: keep it apart.')
    .argument('<file>', 'backup file to write (must not exist)')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      await withInstance(cmd, async (services) => {
        const target = path.resolve(file);
        if (fs.existsSync(target)) throw new CommandError(`${target} exists: choose a new file`);
        const sqlite = services.db.sqlite;
        if (sqlite) {
          await sqlite.backup(target);
          fs.chmodSync(target, 0o600);
          process.stdout.write(`Backup written to ${target} (${fs.statSync(target).size} bytes). ${KEY_WARNING}\n`);
          return;
        }
        try {
          const counts = await writeLogicalBackup(services.db, target, services.now());
          process.stdout.write(`Backup written to ${target}: ${counts.tables} tables, ${counts.rows} rows (${fs.statSync(target).size} bytes). ${KEY_WARNING}\n`);
        } catch (err) {
          fs.rmSync(target, { force: true }); // never leave half a backup that looks whole
          throw err;
        }
      });
    });
}
