import type { Insertable } from 'kysely';
import type { Actor, Services } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { InquiriesTable, RegistryAlertsTable } from './inquiry.table.ts';

/** One inquiry to record: its row, and the alerts it raises once its id is known. */
export interface InquiryRecord {
  actor: Actor | null;
  row: Insertable<InquiriesTable>;
  alerts: (inquiryId: number) => Insertable<RegistryAlertsTable>[];
}

interface Pending extends InquiryRecord {
  resolve(id: number): void;
  reject(err: unknown): void;
}

/** Largest group committed in one transaction: keeps the write lock short. */
const MAX_GROUP = 256;

interface Queue {
  pending: Pending[];
  /** A flush is scheduled or running: new arrivals join the next group. */
  busy: boolean;
}

const queues = new WeakMap<Services, Queue>();

/**
 * Records an inquiry — its row, its audit-chain entry and its alerts — and resolves with
 * its id once committed: a report is never answered before its inquiry is on record.
 *
 * The audit log is one serial hash chain, so appends cannot run in parallel. Instead,
 * inquiries arriving while a group is being written wait for the next group, and each group
 * is one short transaction (group commit): one lock and one commit for up to MAX_GROUP
 * inquiries instead of one each.
 */
export function recordInquiry(services: Services, record: InquiryRecord): Promise<number> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(services);
    if (!queue) {
      queue = { pending: [], busy: false };
      queues.set(services, queue);
    }
    queue.pending.push({ ...record, resolve, reject });
    if (!queue.busy) {
      queue.busy = true;
      setImmediate(() => void flush(services, queue));
    }
  });
}

async function flush(services: Services, queue: Queue): Promise<void> {
  const group = queue.pending.splice(0, MAX_GROUP);
  try {
    const ids = await services.db.db.transaction().execute(async (trx) => {
      const out: number[] = [];
      for (const item of group) {
        const { id } = await trx.insertInto('inquiries').values(item.row).returning('id').executeTakeFirstOrThrow();
        await recordAudit(trx, services, item.actor, 'registry.inquiry', { type: 'inquiry', id, cooperativeId: item.row.cooperative_id }, {
          purpose: item.row.purpose, consentRef: item.row.consent_ref, responseHash: item.row.response_hash, identityMatch: item.row.identity_match,
        });
        const alerts = item.alerts(id);
        if (alerts.length > 0) await trx.insertInto('registry_alerts').values(alerts).onConflict((oc) => oc.columns(['cooperative_id', 'dedup_key']).doNothing()).execute();
        out.push(id);
      }
      return out;
    });
    group.forEach((item, i) => item.resolve(ids[i] ?? 0));
  } catch (err) {
    for (const item of group) item.reject(err);
  } finally {
    if (queue.pending.length > 0) setImmediate(() => void flush(services, queue));
    else queue.busy = false;
  }
}
