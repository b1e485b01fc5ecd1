import { Command } from 'commander';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest, migrationState } from '../db/migrator.ts';
import { databaseTarget } from '../config/env.ts';
import { dbOption } from './context.ts';

export function migrateCommand(): Command {
  return new Command('migrate')
    .description('Apply pending database migrations (refuses migrations applied out of order)')
    .option('--status', 'only show the migration state')
    .action(async (opts: { status?: boolean }, cmd: Command) => {
      const db = openDatabase(databaseTarget(dbOption(cmd)));
      try {
        if (!opts.status) {
          const applied = await migrateToLatest(db);
          process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Nothing to apply.\n');
        }
        const state = await migrationState(db);
        process.stdout.write(`${db.dialect}: ${state.applied} applied, ${state.pending} pending, latest ${state.latest ?? '-'}\n`);
      } finally {
        await db.close();
      }
    });
}
