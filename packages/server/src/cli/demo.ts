import fs from 'node:fs';
import { Command } from 'commander';
import { businessDate, databaseTarget, dataDir } from '../config/env.ts';
import type { Services } from '../http/context.ts';
import { openInstance } from '../instance.ts';
import { createLogger } from '../logging.ts';
import { buildThenSwap } from '../modules/demo/demo.build.ts';
import { loadScaleRegistry } from '../modules/registry/synthetic.load.ts';
import { SCALE_PRESETS, type ScalePreset } from '../modules/registry/synthetic.scale.ts';
import { shiftPeriod } from '../modules/supervision/supervision.policy.ts';
import { DEFAULT_DEMO, runDemo, type DemoContext } from '../modules/demo/demo.ts';
import { DEMO_PASSWORD } from '../modules/demo/demo.users.ts';
import { ensureKeyFile } from '../config/keys.ts';
import { dbOption, withInstance } from './context.ts';
import { ensureFirstAdmin, type InitResult } from './init.ts';
import { UsageError } from './errors.ts';

function count(name: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name}: "${value}" must be a whole number from 1 to ${max}`);
  return n;
}

/** How to sign in as each demo role, for the terminal. */
export function demoSignIns(ctx: DemoContext): string {
  const lines = ['Akun demo / demo accounts (kata sandi / password: ' + DEMO_PASSWORD + '):'];
  for (const a of ctx.accounts) lines.push(`  ${a.role.padEnd(14)} ${a.username}${a.cooperativeCode ? `  (${a.cooperativeCode})` : ''}`);
  return lines.join('\n');
}

/**
 * Runs `work` (loading the demo) on a copy of the instance's database that replaces it only
 * when `work` succeeds (modules/demo/demo.build.ts): a failed or killed demo leaves the
 * instance as it was, and a rerun starts afresh.
 */
export async function withDemoBuild<T>(cmd: Command, work: (services: Services) => Promise<T>): Promise<T> {
  // The build is written on the primary; a read replica has no copy of it.
  const env = { ...process.env, SIMPUL_DATABASE_READ_URL: undefined };
  const logger = createLogger({ dataDir: dataDir(), quiet: true });
  return buildThenSwap(databaseTarget(dbOption(cmd), env), (db) => openInstance({ db, env, logger }), work);
}

/** Loads the demo district, printing each step's summary. */
export async function loadDemo(services: Services, options: Partial<typeof DEFAULT_DEMO>): Promise<DemoContext> {
  const started = performance.now();
  const ctx = await runDemo(services, options, (line) => process.stdout.write(`  ${line}\n`));
  process.stdout.write(`Demo Kabupaten Blora dimuat dalam ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
  return ctx;
}

/**
 * `simpul start`'s initialisation. A brand-new instance (no user yet) gets its first admin and
 * the demo district together, in one build (SIMPUL_DEMO=off: the admin alone): a first start
 * that fails or is killed leaves no user behind, so the next start is a first start again and
 * prints the admin's password. An instance with users is left as it is.
 */
export async function initWithDemo(cmd: Command): Promise<{ init: InitResult; demo?: DemoContext }> {
  fs.mkdirSync(dataDir(), { recursive: true });
  const keyCreated = ensureKeyFile();
  const hasUsers = await withInstance(cmd, async (s) => (await s.db.db.selectFrom('users').select('id').limit(1).executeTakeFirst()) !== undefined);
  if (hasUsers) return { init: { keyCreated } };
  if (process.env.SIMPUL_DEMO === 'off') {
    const admin = await withInstance(cmd, (s) => ensureFirstAdmin(s));
    return { init: admin ? { keyCreated, admin } : { keyCreated } };
  }
  process.stdout.write('Memuat data demo Kabupaten Blora / loading the demo district…\n');
  return withDemoBuild(cmd, async (s) => {
    const admin = await ensureFirstAdmin(s);
    const demo = await loadDemo(s, {});
    return { init: admin ? { keyCreated, admin } : { keyCreated }, demo };
  });
}

function scalePreset(value: string | undefined): ScalePreset | undefined {
  if (value === undefined) return undefined;
  if (value in SCALE_PRESETS) return value as ScalePreset;
  throw new UsageError(`--scale: "${value}" must be one of ${Object.keys(SCALE_PRESETS).join(', ')}`);
}

/**
 * Adds a registry at scale beside the demo district (modules/registry/synthetic.scale.ts):
 * generated cooperatives N000001… with their accounts and 24 months of history up to the
 * month before the business date, for the Dinas dashboards and inquiries at size.
 */
async function loadScale(services: Services, preset: ScalePreset, seed: number): Promise<void> {
  const { cooperatives, accounts } = SCALE_PRESETS[preset];
  const period = shiftPeriod(businessDate(services.now()).slice(0, 7), -1);
  process.stdout.write(`Registri skala ${preset}: ${cooperatives.toLocaleString('id')} koperasi, ${accounts.toLocaleString('id')} rekening / accounts…\n`);
  const started = performance.now();
  const tally = await loadScaleRegistry(services, { cooperatives, accounts, seed, period }, (step) => process.stdout.write(`  ${step}\n`));
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`  ${tally.accounts.toLocaleString('id')} rekening, ${tally.subjects.toLocaleString('id')} debitur, ${tally.historyRows.toLocaleString('id')} bulan riwayat / history months: ${Math.round(tally.accounts / seconds).toLocaleString('id')} rekening/s\n`);
}

export function demoCommand(): Command {
  return new Command('demo')
    .description('Load the demo district (Kabupaten Blora): cooperatives, members, 24 months of loans, demo users, registry history')
    .option('--seed <n>', 'random seed (the same seed gives the same district)', String(DEFAULT_DEMO.seed))
    .option('--cooperatives <n>', 'number of cooperatives', String(DEFAULT_DEMO.cooperatives))
    .option('--members <n>', 'members per cooperative', String(DEFAULT_DEMO.members))
    .option('--scale <preset>', `also generate a registry at scale: ${Object.keys(SCALE_PRESETS).join(', ')}`)
    .action(async (opts: { seed: string; cooperatives: string; members: string; scale?: string }, cmd: Command) => {
      const options = { seed: count('seed', opts.seed, 2 ** 31), cooperatives: count('cooperatives', opts.cooperatives, 200), members: count('members', opts.members, 100_000) };
      const scale = scalePreset(opts.scale);
      await withDemoBuild(cmd, async (services) => {
        const ctx = await loadDemo(services, options);
        if (scale) await loadScale(services, scale, options.seed);
        process.stdout.write(`${demoSignIns(ctx)}\n`);
      });
    });
}
