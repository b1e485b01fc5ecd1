import { Command, Option } from 'commander';
import { findCooperativeByCode } from '../modules/cooperatives/cooperatives.repository.ts';
import { addCooperative, visibleCooperatives } from '../modules/cooperatives/cooperatives.service.ts';
import { COOPERATIVE_TYPES, type CooperativeType } from '../modules/cooperatives/cooperatives.table.ts';
import { issueApiKey } from '../modules/identity/api-keys.service.ts';
import { output, table, withInstance } from './context.ts';
import { CommandError } from './errors.ts';

function addCommand(): Command {
  return new Command('add')
    .description('Register a cooperative')
    .requiredOption('--code <code>', 'short unique code, e.g. KSP01')
    .requiredOption('--name <name>', 'name')
    .option('--nik-koperasi <n>', 'national cooperative number (NIK koperasi)')
    .addOption(new Option('--type <type>', 'type').choices(COOPERATIVE_TYPES).default('ksp'))
    .action(async (opts: { code: string; name: string; nikKoperasi?: string; type: CooperativeType }, cmd: Command) => {
      await withInstance(cmd, async (services) => {
        const coop = await addCooperative(services, null, opts);
        process.stdout.write(`Added ${coop.code} ${coop.name}\n`);
      });
    });
}

function listCommand(): Command {
  return new Command('list')
    .description('List cooperatives')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withInstance(cmd, async (services) => {
        const items = await visibleCooperatives(services, null);
        output(opts.json, items, () =>
          table([['CODE', 'TYPE', 'NIK KOPERASI', 'NAME'], ...items.map((c) => [c.code, c.type, c.nikKoperasi ?? '-', c.name])]),
        );
      });
    });
}

function apiKeyCommand(): Command {
  return new Command('api-key')
    .description("Issue an API key for a cooperative's own core system (shown once)")
    .requiredOption('--code <code>', 'cooperative code')
    .option('--name <name>', 'what the key is for', 'core system')
    .action(async (opts: { code: string; name: string }, cmd: Command) => {
      await withInstance(cmd, async (services) => {
        const coop = await findCooperativeByCode(services.db.db, opts.code);
        if (!coop) throw new CommandError(`Unknown cooperative "${opts.code}"`);
        const { key } = await issueApiKey(services, null, coop.id, opts.name);
        process.stdout.write(`API key for ${coop.code} (shown once): ${key}\n`);
      });
    });
}

export function cooperativeCommand(): Command {
  return new Command('cooperative')
    .description('Manage cooperatives')
    .addCommand(addCommand())
    .addCommand(listCommand())
    .addCommand(apiKeyCommand());
}
