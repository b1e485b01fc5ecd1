import { Command } from 'commander';
import fs from 'node:fs';
import { findCooperativeByCode } from '../modules/cooperatives/cooperatives.repository.ts';
import { resultJson, importFile } from '../modules/registry/furnishing.files.ts';
import { UnreadableFile } from '../modules/registry/furnishing.pipeline.ts';
import { isPeriod } from '../modules/registry/furnishing.validate.ts';
import { translate } from '../http/messages.ts';
import { withInstance } from './context.ts';
import { UsageError } from './errors.ts';

export function importCommand(): Command {
  return new Command('import')
    .description('Furnish the registry from a CSV or XLSX file (one row per account active during the month)')
    .argument('<file>', 'CSV or XLSX file in the furnishing format (docs/furnishing.md)')
    .requiredOption('--cooperative <code>', 'furnishing cooperative')
    .requiredOption('--period <YYYY-MM>', 'reporting month')
    .option('--strict', 'store nothing if any row is bad')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, opts: { cooperative: string; period: string; strict?: boolean; json?: boolean }, cmd: Command) => {
      if (!isPeriod(opts.period)) throw new UsageError(`--period: "${opts.period}" is not YYYY-MM`);
      if (!fs.existsSync(file)) throw new UsageError(`file not found: ${file}`);
      await withInstance(cmd, async (services) => {
        const coop = await findCooperativeByCode(services.db.db, opts.cooperative);
        if (!coop) throw new UsageError(translate('unknown_cooperative', 'en', { code: opts.cooperative }));
        try {
          const result = await importFile(services, { file, cooperativeId: coop.id, period: opts.period, strict: Boolean(opts.strict), actor: null });
          const json = resultJson(result);
          if (opts.json) process.stdout.write(`${JSON.stringify(json)}\n`);
          else process.stdout.write(summary(json));
        } catch (err) {
          if (err instanceof UnreadableFile) throw new UsageError(translate(err.code, 'en', { columns: err.detail }));
          throw err;
        }
      });
    });
}

function summary(r: ReturnType<typeof resultJson>): string {
  const lines = [
    r.duplicateOf ? `Same file as batch ${r.duplicateOf}: nothing changed.` : r.stored ? `Batch ${r.batchId} for ${r.period} stored.` : `Nothing stored (--strict and ${r.rejected} bad rows).`,
    `Rows ${r.rows}: accepted ${r.accepted}, rejected ${r.rejected}, warnings ${r.warnings}.`,
  ];
  for (const e of r.errors.slice(0, 20)) lines.push(`  row ${e.row} ${e.column} "${e.value}": ${e.severity} ${e.code} — ${e.messageEn}`);
  if (r.errors.length > 20) lines.push(`  … ${r.errors.length - 20} more (use --json for all)`);
  return `${lines.join('\n')}\n`;
}
