import type { Insertable } from 'kysely';
import type { Actor, Services } from '../../http/context.ts';
import { auditAppender } from '../audit/audit.repository.ts';
import { actorLabel } from '../audit/audit.service.ts';
import { sqliteRecordGroup } from './inquiry.sqlite.ts';
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
    const ids = await writeGroup(services, group);
    group.forEach((item, i) => item.resolve(ids[i] ?? 0));
  } catch (err) {
    for (const item of group) item.reject(err);
  } finally {
    if (queue.pending.length > 0) setImmediate(() => void flush(services, queue));
    else queue.busy = false;
  }
}

function detailsOf(row: InquiryRecord['row']): Record<string, unknown> {
  return { purpose: row.purpose, consentRef: row.consent_ref, responseHash: row.response_hash, identityMatch: row.identity_match };
}

/** One transaction for the group: prepared statements on SQLite (unless Kysely holds a transaction open), Kysely otherwise. */
async function writeGroup(services: Services, group: InquiryRecord[]): Promise<number[]> {
  const conn = services.db.sqlite;
  if (conn && !conn.inTransaction) {
    const at = services.now().toISOString();
    return sqliteRecordGroup(conn, group.map((item) => ({
      row: item.row,
      alerts: item.alerts,
      audit: {
        at, actor_user_id: item.actor?.kind === 'user' ? item.actor.userId : null, actor: actorLabel(item.actor),
        cooperative_id: item.row.cooperative_id ?? item.actor?.cooperativeId ?? null, action: 'registry.inquiry', subject_type: 'inquiry', details: detailsOf(item.row),
      },
    })));
  }
  return services.db.db.transaction().execute(async (trx) => {
    const append = await auditAppender(trx, services.db.dialect); // one lock and one read of the chain's head per group
    const at = services.now().toISOString();
    const out: number[] = [];
    for (const item of group) {
      const { id } = await trx.insertInto('inquiries').values(item.row).returning('id').executeTakeFirstOrThrow();
      await append({
        at, actorUserId: item.actor?.kind === 'user' ? item.actor.userId : null, actor: actorLabel(item.actor),
        cooperativeId: item.row.cooperative_id ?? item.actor?.cooperativeId ?? null, action: 'registry.inquiry', subjectType: 'inquiry', subjectId: id, details: detailsOf(item.row),
      });
      const alerts = item.alerts(id);
      if (alerts.length > 0) await trx.insertInto('registry_alerts').values(alerts).onConflict((oc) => oc.columns(['cooperative_id', 'dedup_key']).doNothing()).execute();
      out.push(id);
    }
    return out;
  });
}
