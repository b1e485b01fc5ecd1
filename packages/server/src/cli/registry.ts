import { Command } from 'commander';
import { businessDate } from '../config/env.ts';
import { enforceRetention, retentionYears } from '../modules/registry/retention.ts';
import { withInstance } from './context.ts';
import { UsageError } from './errors.ts';

function retentionCommand(): Command {
  return new Command('retention')
    .description('Drop negative history older than the retention period (default 5 years after settlement or write-off)')
    .option('--date <YYYY-MM-DD>', 'as of this business date (default today)')
    .option('--years <n>', 'retention in years', String(retentionYears()))
    .action(async (opts: { date?: string; years: string }, cmd: Command) => {
      const years = Number(opts.years);
      if (!Number.isInteger(years) || years < 1 || years > 50) throw new UsageError(`--years: "${opts.years}" must be a whole number from 1 to 50`);
      const date = opts.date ?? businessDate();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date: "${date}" must be YYYY-MM-DD`);
      await withInstance(cmd, async (services) => {
        const removed = await enforceRetention(services, date, years);
        process.stdout.write(`Retention (${years} years as of ${date}): ${removed} closed accounts removed from the registry.\n`);
      });
    });
}

export function registryCommand(): Command {
  return new Command('registry').description('The shared credit registry').addCommand(retentionCommand());
}
