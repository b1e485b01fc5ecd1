import { Command, CommanderError } from 'commander';
import { AppError } from '../http/errors.ts';
import { translate } from '../http/messages.ts';
import { CommandError, UsageError } from './errors.ts';

/**
 * Every command, in the order `simpul --help` lists them, each module loaded when needed:
 * a command named first loads only its own (`simpul import` of a million rows then does not
 * carry the server's and the demo's modules: ~70 MB and ~1 s of CPU less).
 */
const COMMANDS: Record<string, () => Promise<() => Command>> = {
  init: async () => (await import('./init.ts')).initCommand,
  migrate: async () => (await import('./migrate.ts')).migrateCommand,
  serve: async () => (await import('./serve.ts')).serveCommand,
  start: async () => (await import('./start.ts')).startCommand,
  user: async () => (await import('./user.ts')).userCommand,
  cooperative: async () => (await import('./cooperative.ts')).cooperativeCommand,
  import: async () => (await import('./import.ts')).importCommand,
  registry: async () => (await import('./registry.ts')).registryCommand,
  audit: async () => (await import('./audit.ts')).auditCommand,
  backup: async () => (await import('./backup.ts')).backupCommand,
  restore: async () => (await import('./restore.ts')).restoreCommand,
  schedule: async () => (await import('./schedule.ts')).scheduleCommand,
  'close-of-day': async () => (await import('./close-of-day.ts')).closeOfDayCommand,
  demo: async () => (await import('./demo.ts')).demoCommand,
  inquire: async () => (await import('./inquire.ts')).inquireCommand,
};

/** The program with every command, or only `only` when it names one. */
export async function buildProgram(only?: string): Promise<Command> {
  const program = new Command('simpul')
    .description('Simpul: shared credit information and problem-loan system for cooperatives')
    .option('--db <path|url>', 'SQLite file or postgres:// URL (default: SIMPUL_DATABASE_URL or <data dir>/simpul.sqlite)')
    .showHelpAfterError('(run with --help for usage)');
  const names = only !== undefined && Object.hasOwn(COMMANDS, only) ? [only] : Object.keys(COMMANDS);
  for (const make of await Promise.all(names.map((name) => COMMANDS[name]!()))) program.addCommand(make());
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
    await (await buildProgram(argv[2])).parseAsync(argv);
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
