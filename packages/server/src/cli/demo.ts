import { Command } from 'commander';
import { businessDate } from '../config/env.ts';
import type { Services } from '../http/context.ts';
import { loadScaleRegistry } from '../modules/registry/synthetic.load.ts';
import { SCALE_PRESETS, type ScalePreset } from '../modules/registry/synthetic.scale.ts';
import { shiftPeriod } from '../modules/supervision/supervision.policy.ts';
import { DEFAULT_DEMO, runDemo, type DemoContext } from '../modules/demo/demo.ts';
import { DEMO_PASSWORD } from '../modules/demo/demo.users.ts';
import { withInstance } from './context.ts';
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

/** Loads the demo district, printing each step's summary. */
export async function loadDemo(services: Services, options: Partial<typeof DEFAULT_DEMO>): Promise<DemoContext> {
  const started = performance.now();
  const ctx = await runDemo(services, options, (line) => process.stdout.write(`  ${line}\n`));
  process.stdout.write(`Demo Kabupaten Blora dimuat dalam ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
  return ctx;
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
      await withInstance(cmd, async (services) => {
        const ctx = await loadDemo(services, options);
        if (scale) await loadScale(services, scale, options.seed);
        process.stdout.write(`${demoSignIns(ctx)}\n`);
      });
    });
}
