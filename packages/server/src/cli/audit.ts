import { Command } from 'commander';
import { verifyAuditChain } from '../modules/audit/audit.repository.ts';
import { withInstance } from './context.ts';
import { CommandError } from './errors.ts';

export function auditCommand(): Command {
  const verify = new Command('verify')
    .description('Walk the hash-chained audit log; fails naming the first broken entry')
    .action(async (_opts: unknown, cmd: Command) => {
      await withInstance(cmd, async (services) => {
        const result = await verifyAuditChain(services.db.db);
        if (!result.ok) throw new CommandError(`Audit chain broken at entry ${result.brokenAt}: ${result.reason} (${result.entries} entries before it verified)`);
        process.stdout.write(`Audit chain intact: ${result.entries} entries verified.\n`);
      });
    });
  return new Command('audit').description('The audit chain').addCommand(verify);
}
