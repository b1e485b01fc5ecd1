import type { Kysely } from 'kysely';
import { businessDate } from '../../config/env.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, Services } from '../../http/context.ts';
import { conflict, notFound, validationFailed } from '../../http/errors.ts';
import { assertTenant } from '../../http/access.ts';
import { actorLabel, recordAudit } from '../audit/audit.service.ts';
import { findCooperativeById, insertStatusChange, listStatusHistory, updateCooperativeRow } from './cooperatives.repository.ts';
import type { ActivityStatus } from './cooperatives.table.ts';

export interface StatusChangeInput {
  status: ActivityStatus;
  reason: string;
  /** When the change took effect ('YYYY-MM-DD'); today by default, never in the future. */
  effectiveOn?: string;
}

export interface StatusChangeView {
  id: number;
  fromStatus: ActivityStatus | null;
  toStatus: ActivityStatus;
  reason: string;
  effectiveOn: string;
  changedBy: string;
  changedAt: string;
}

/**
 * Applies a status change inside the caller's transaction: the cooperative's status, the
 * history row (who and why) and the audit entry, together or not at all.
 */
export async function applyStatusChange(trx: Kysely<Database>, services: Services, actor: Actor | null, id: number, from: ActivityStatus, input: StatusChangeInput): Promise<void> {
  const now = services.now().toISOString();
  const effectiveOn = input.effectiveOn ?? businessDate(services.now());
  await updateCooperativeRow(trx, id, { activity_status: input.status, status_reason: input.reason, status_since: effectiveOn, updated_at: now });
  await insertStatusChange(trx, { cooperative_id: id, from_status: from, to_status: input.status, reason: input.reason, effective_on: effectiveOn, changed_by: actorLabel(actor), changed_at: now });
  await recordAudit(trx, services, actor, 'cooperative.status_changed', { type: 'cooperative', id, cooperativeId: id }, { from, to: input.status, effectiveOn });
}

/** Marks a cooperative active or inactive, with the reason; the same status twice is refused. */
export async function changeStatus(services: Services, actor: Actor | null, id: number, input: StatusChangeInput): Promise<StatusChangeView[]> {
  const { db } = services.db;
  const coop = await findCooperativeById(db, id);
  if (!coop) throw notFound();
  if (coop.activity_status === input.status) throw conflict('status_unchanged', { status: input.status });
  if (input.effectiveOn && input.effectiveOn > businessDate(services.now())) throw validationFailed([{ path: 'effectiveOn', code: 'date_in_future' }]);
  await db.transaction().execute((trx) => applyStatusChange(trx, services, actor, id, coop.activity_status, input));
  return statusHistory(services, actor, id);
}

/** Every status change of a cooperative, newest first. */
export async function statusHistory(services: Services, actor: Actor | null, id: number): Promise<StatusChangeView[]> {
  if (actor) assertTenant(actor, id, { dinas: true });
  const rows = await listStatusHistory(services.db.db, id);
  return rows.map((r) => ({ id: r.id, fromStatus: r.from_status, toStatus: r.to_status, reason: r.reason, effectiveOn: r.effective_on, changedBy: r.changed_by, changedAt: r.changed_at }));
}
