import type { Services } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { monthlySummaryScope } from '../supervision/supervision.summary.ts';

/** Negative history drops out this many years after settlement or write-off (configurable). */
export function retentionYears(env: NodeJS.ProcessEnv = process.env): number {
  return Number(env.SIMPUL_REGISTRY_RETENTION_YEARS ?? 5);
}

/**
 * Removes closed accounts (settled, written off, forgiven) whose closing or write-off date
 * is older than the retention period, with their history and kept versions. Nothing a
 * report can show survives it. Returns how many accounts were removed.
 */
export async function enforceRetention(services: Services, asOf: string, years = retentionYears()): Promise<number> {
  const cutoff = `${Number(asOf.slice(0, 4)) - years}${asOf.slice(4)}`;
  return services.db.db.transaction().execute(async (trx) => {
    const expired = trx
      .selectFrom('registry_accounts')
      .select('id')
      .where('status', 'in', ['settled', 'written_off', 'forgiven'])
      .where((eb) => eb.fn.coalesce('closed_on', 'written_off_on'), '<', cutoff);
    // Where the expired accounts count in the district trend's monthly summary, noted before their history goes.
    const summary = await monthlySummaryScope(trx, expired);
    await trx.deleteFrom('registry_history_versions').where('account_id', 'in', expired).execute();
    await trx.deleteFrom('registry_history').where('account_id', 'in', expired).execute();
    const removed = await trx.deleteFrom('registry_accounts').where('id', 'in', expired).executeTakeFirst();
    await summary.refresh();
    const count = Number(removed.numDeletedRows);
    if (count > 0) await recordAudit(trx, services, null, 'registry.retention', { type: 'registry', id: null }, { cutoff, removed: count });
    return count;
  });
}
