import type { Command } from 'commander';
import type { Services } from '../http/context.ts';
import { openInstance } from '../instance.ts';
import { createLogger } from '../logging.ts';
import { dataDir } from '../config/env.ts';

/** The global `--db` option of any command. */
export function dbOption(cmd: Command): string | undefined {
  return (cmd.optsWithGlobals() as { db?: string }).db;
}

/** Runs `work` with an opened, migrated instance and always closes it. */
export async function withInstance<T>(cmd: Command, work: (services: Services) => Promise<T>): Promise<T> {
  const services = await openInstance({
    db: dbOption(cmd),
    logger: createLogger({ dataDir: dataDir(), quiet: true }),
  });
  try {
    return await work(services);
  } finally {
    await services.db.close();
  }
}

/** Prints JSON or text depending on `--json`. */
export function output(json: boolean | undefined, value: unknown, text: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
}

/** Left-aligned plain table for terminal output. */
export function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n');
}
