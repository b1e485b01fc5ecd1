import { Command } from 'commander';
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { databaseTarget } from '../config/env.ts';
import { openDatabase, type Db } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import { RestoreRefused, assertEmpty, restoreLogicalBackup } from '../db/backup/restore.ts';
import { dbOption } from './context.ts';
import { CommandError } from './errors.ts';

function kindOf(file: string): 'sqlite' | 'logical' {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, head, 0, 16, 0);
  fs.closeSync(fd);
  if (head.toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'logical';
  throw new CommandError(`${file} is not a Simpul backup (neither a SQLite database nor a logical backup)`);
}

/** A SQLite backup is a database file: checked, then copied into place. */
function restoreSqliteFile(file: string, targetFile: string): void {
  const backup = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const check = backup.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new CommandError(`the backup fails SQLite's integrity check: ${String(check)}`);
  } finally {
    backup.close();
  }
  for (const stale of [`${targetFile}-wal`, `${targetFile}-shm`]) fs.rmSync(stale, { force: true });
  fs.copyFileSync(file, targetFile);
  fs.chmodSync(targetFile, 0o600);
}

async function restoreInto(handle: Db, file: string, targetFile: string | undefined): Promise<string> {
  await assertEmpty(handle);
  const kind = kindOf(file);
  if (kind === 'logical') {
    const counts = await restoreLogicalBackup(handle, file);
    return `${counts.tables} tables, ${counts.rows} rows`;
  }
  if (!targetFile) throw new CommandError('a SQLite backup restores into a SQLite database: give --db <file.sqlite>');
  await handle.close();
  restoreSqliteFile(file, targetFile);
  return 'the database file';
}

export function restoreCommand(): Command {
  return new Command('restore')
    .description('Restore a backup into a new, empty database (--db or SIMPUL_DATABASE_URL). Needs the same key file to read the restored data.')
    .argument('<file>', 'a file written by `simpul backup`')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      if (!fs.existsSync(file)) throw new CommandError(`${file} does not exist`);
      const target = databaseTarget(dbOption(cmd));
      let handle = openDatabase(target);
      try {
        const what = await restoreInto(handle, file, target.dialect === 'sqlite' ? target.file : undefined);
        await handle.close().catch(() => undefined);
        handle = openDatabase(target); // reopened: the SQLite path replaced the file under the old handle
        await migrateToLatest(handle);
        process.stdout.write(`Restored ${what} from ${file}. Run \`simpul audit verify\` to check the audit chain.\n`);
      } catch (err) {
        if (err instanceof RestoreRefused) throw new CommandError(err.message);
        throw err;
      } finally {
        await handle.close().catch(() => undefined);
      }
    });
}
