import { Command } from 'commander';
import { isIsoDate } from '@simpul/domain';
import { businessDate } from '../config/env.ts';
import { runCloseOfDay } from '../modules/portfolio/close-of-day.ts';
import { withInstance } from './context.ts';
import { UsageError } from './errors.ts';
import { progressBar } from './progress.ts';

export function closeOfDayCommand(): Command {
  return new Command('close-of-day')
    .description('Close the business day: DPD, class, allowance and penalties of every active loan, snapshots, registry feed')
    .option('--date <YYYY-MM-DD>', 'business date (default today in SIMPUL_TIME_ZONE)')
    .option('--force', 'run again for a date that already ran (changes nothing if nothing changed)')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { date?: string; force?: boolean; json?: boolean }, cmd: Command) => {
      const date = opts.date ?? businessDate();
      if (!isIsoDate(date)) throw new UsageError(`--date: "${date}" must be a calendar date YYYY-MM-DD`);
      await withInstance(cmd, async (services) => {
        let bar: ReturnType<typeof progressBar> | undefined;
        const result = await runCloseOfDay(services, {
          date,
          force: Boolean(opts.force),
          onProgress: (done, total) => {
            bar ??= progressBar('Tutup hari / close of day', total);
            bar.update(done);
          },
        });
        bar?.stop();
        if (opts.json) process.stdout.write(`${JSON.stringify(result)}\n`);
        else if (result.skipped) process.stdout.write(`Close of day ${date} already ran (use --force to run it again).\n`);
        else {
          process.stdout.write(
            `Close of day ${date}: ${result.loans} active loans in ${result.seconds.toFixed(1)} s; ${result.derived} derived (the others could not have changed), ${result.changed} changed, ` +
              `${result.furnished} furnished to the registry, ${result.rejected} rejected by validation, ${result.failed} failed.\n`,
          );
        }
      });
    });
}
