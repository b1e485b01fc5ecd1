import { Command, CommanderError } from 'commander';
import { AppError } from '../http/errors.ts';
import { translate } from '../http/messages.ts';
import { auditCommand } from './audit.ts';
import { backupCommand } from './backup.ts';
import { closeOfDayCommand } from './close-of-day.ts';
import { cooperativeCommand } from './cooperative.ts';
import { demoCommand } from './demo.ts';
import { CommandError, UsageError } from './errors.ts';
import { importCommand } from './import.ts';
import { inquireCommand } from './inquire.ts';
import { initCommand } from './init.ts';
import { migrateCommand } from './migrate.ts';
import { registryCommand } from './registry.ts';
import { restoreCommand } from './restore.ts';
import { scheduleCommand } from './schedule.ts';
import { serveCommand } from './serve.ts';
import { startCommand } from './start.ts';
import { userCommand } from './user.ts';

/** Every command, in the order `simpul --help` lists them. */
const COMMANDS = [initCommand, migrateCommand, serveCommand, startCommand, userCommand, cooperativeCommand, importCommand, registryCommand, auditCommand, backupCommand, restoreCommand, scheduleCommand, closeOfDayCommand, demoCommand, inquireCommand];

export function buildProgram(): Command {
  const program = new Command('simpul')
    .description('Simpul: shared credit information and problem-loan system for cooperatives')
    .option('--db <path|url>', 'SQLite file or postgres:// URL (default: SIMPUL_DATABASE_URL or <data dir>/simpul.sqlite)')
    .showHelpAfterError('(run with --help for usage)');
  for (const make of COMMANDS) program.addCommand(make());
  // Every subcommand exits through our handler below instead of process.exit.
  const exitOverride = (cmd: Command) => {
    cmd.exitOverride();
    cmd.commands.forEach(exitOverride);
  };
  exitOverride(program);
  return program;
}

/** Runs the CLI; returns the exit status: 0 ok, 2 bad arguments, 1 failure. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2; // commander already printed its one-line error
    }
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n`);
      return 2;
    }
    if (err instanceof AppError) {
      process.stderr.write(`error: ${translate(err.code, 'en', err.params)}\n`);
      return err.status === 400 ? 2 : 1;
    }
    const message = err instanceof CommandError || err instanceof Error ? err.message : String(err);
    process.stderr.write(`error: ${message.split('\n')[0]}\n`);
    if (process.env.SIMPUL_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return 1;
  }
}
