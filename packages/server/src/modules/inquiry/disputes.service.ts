import { addDays, dayOfWeek } from '@simpul/domain';
import { businessDate } from '../../config/env.ts';
import { isDinas } from '../../http/access.ts';
import type { Actor, Services } from '../../http/context.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { DisputeStatus, RegistryDispute } from './inquiry.table.ts';
import { monthlySummaryScope } from '../supervision/supervision.summary.ts';

/** OJK complaint rules: the furnisher answers within 20 working days. */
export const DISPUTE_WORKING_DAYS = 20;
export const DISPUTE_REASONS = ['not_my_loan', 'wrong_amount', 'wrong_status', 'wrong_days_past_due', 'already_settled', 'other'] as const;
export type DisputeOutcome = Exclude<DisputeStatus, 'open'>;

/**
 * `days` working days after `date`: weekends skipped. National holidays are not (yet) known
 * to Simpul, so a deadline may fall a few days earlier than the strict rule — on the
 * member's side.
 */
export function addWorkingDays(date: string, days: number): string {
  let d = date;
  for (let left = days; left > 0;) {
    d = addDays(d, 1);
    const dow = dayOfWeek(d);
    if (dow !== 0 && dow !== 6) left--;
  }
  return d;
}

/**
 * A dispute may be lodged only where the member asked for their own report (or a dispute
 * inquiry) in the last 30 days: the line id alone does not let anyone flag anyone's data.
 */
async function assertMemberAsked(services: Services, actor: Actor, subjectKey: string): Promise<void> {
  const since = new Date(services.now().getTime() - 30 * 86_400_000).toISOString();
  let q = services.db.db.selectFrom('inquiries').select('id').where('subject_key', '=', subjectKey).where('created_at', '>=', since).where('purpose', 'in', ['own_request', 'dispute']);
  q = actor.cooperativeId === null ? q.where('cooperative_id', 'is', null) : q.where('cooperative_id', '=', actor.cooperativeId);
  if (!(await q.limit(1).executeTakeFirst())) throw notFound();
}

/** Opens a dispute: the line shows "disputed" in every report at once; the furnisher has 20 working days. */
export async function openDispute(services: Services, actor: Actor, accountId: number, reasonCode: string): Promise<RegistryDispute> {
  const account = await services.db.db.selectFrom('registry_accounts').select(['id', 'subject_key', 'cooperative_id']).where('id', '=', accountId).where('removed_on', 'is', null).executeTakeFirst();
  if (!account) throw notFound();
  await assertMemberAsked(services, actor, account.subject_key);
  const today = businessDate(services.now());
  return services.db.db.transaction().execute(async (trx) => {
    const open = await trx.selectFrom('registry_disputes').select('id').where('subject_key', '=', account.subject_key).where('account_id', '=', accountId).where('status', '=', 'open').executeTakeFirst();
    if (open) throw conflict('dispute_already_open');
    const dispute = await trx.insertInto('registry_disputes').values({
      account_id: accountId, subject_key: account.subject_key, furnisher_cooperative_id: account.cooperative_id, opened_by_cooperative_id: actor.cooperativeId,
      opened_by: actor.kind === 'user' ? `user:${actor.username}` : `api_key:${actor.keyId}`, reason_code: reasonCode, opened_on: today,
      due_on: addWorkingDays(today, DISPUTE_WORKING_DAYS), status: 'open',
    }).returningAll().executeTakeFirstOrThrow();
    await trx.updateTable('registry_accounts').set({ disputed: 1 }).where('id', '=', accountId).execute();
    await recordAudit(trx, services, actor, 'registry.dispute.open', { type: 'registry_dispute', id: dispute.id, cooperativeId: account.cooperative_id }, { accountId, reasonCode, dueOn: dispute.due_on });
    return dispute;
  });
}

/**
 * The furnisher's answer (or the Dinas's, once overdue): confirmed or corrected clears the
 * flag — a correction is the furnisher's re-furnished line, kept as a new version by the
 * furnishing path; removed (not substantiated) takes the line out of every report.
 */
export async function resolveDispute(services: Services, actor: Actor, id: number, outcome: DisputeOutcome): Promise<RegistryDispute> {
  const today = businessDate(services.now());
  return services.db.db.transaction().execute(async (trx) => {
    const d = await trx.selectFrom('registry_disputes').selectAll().where('id', '=', id).executeTakeFirst();
    const overdueForDinas = d !== undefined && isDinas(actor) && actor.kind === 'user' && actor.role === 'platform_admin' && today > d.due_on;
    if (!d || (d.furnisher_cooperative_id !== actor.cooperativeId && !overdueForDinas)) throw notFound();
    if (d.status !== 'open') throw new AppError(409, 'dispute_closed');
    const resolved = await trx.updateTable('registry_disputes').set({ status: outcome, resolved_on: today, resolved_by: actor.kind === 'user' ? `user:${actor.username}` : `api_key:${actor.keyId}` })
      .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await trx.updateTable('registry_accounts').set({ disputed: 0, ...(outcome === 'removed' ? { removed_on: today } : {}) }).where('id', '=', d.account_id).execute();
    // A removed line leaves the district trend's monthly summary too.
    if (outcome === 'removed') await (await monthlySummaryScope(trx, [d.account_id])).refresh();
    await recordAudit(trx, services, actor, 'registry.dispute.resolve', { type: 'registry_dispute', id, cooperativeId: d.furnisher_cooperative_id }, { accountId: d.account_id, outcome, overdue: today > d.due_on });
    return resolved;
  });
}

/** Open disputes past their deadline are escalated to the Dinas (once, audited). */
export async function escalateOverdue(services: Services): Promise<number> {
  const today = businessDate(services.now());
  return services.db.db.transaction().execute(async (trx) => {
    const overdue = await trx.selectFrom('registry_disputes').select(['id', 'furnisher_cooperative_id', 'due_on']).where('status', '=', 'open').where('escalated_at', 'is', null).where('due_on', '<', today).execute();
    for (const d of overdue) {
      await trx.updateTable('registry_disputes').set({ escalated_at: services.now().toISOString() }).where('id', '=', d.id).execute();
      await recordAudit(trx, services, null, 'registry.dispute.escalate', { type: 'registry_dispute', id: d.id, cooperativeId: d.furnisher_cooperative_id }, { dueOn: d.due_on });
    }
    return overdue.length;
  });
}

/** A cooperative sees disputes of its lines and those it lodged; the Dinas sees every dispute (no identity is in them). */
export async function listDisputes(services: Services, actor: Actor) {
  await escalateOverdue(services);
  let q = services.db.db
    .selectFrom('registry_disputes as d')
    .innerJoin('registry_accounts as a', 'a.id', 'd.account_id')
    .innerJoin('cooperatives as c', 'c.id', 'd.furnisher_cooperative_id')
    .select(['d.id', 'd.account_id', 'a.account_ref', 'c.code', 'c.name', 'd.furnisher_cooperative_id', 'd.opened_by_cooperative_id', 'd.reason_code', 'd.opened_on', 'd.due_on', 'd.status', 'd.escalated_at', 'd.resolved_on']);
  if (!isDinas(actor)) {
    const coop = actor.cooperativeId ?? -1;
    q = q.where((eb) => eb.or([eb('d.furnisher_cooperative_id', '=', coop), eb('d.opened_by_cooperative_id', '=', coop)]));
  }
  const rows = await q.orderBy('d.id', 'desc').limit(500).execute();
  const today = businessDate(services.now());
  const admin = actor.kind === 'user' && actor.role === 'platform_admin';
  return rows.map((r) => ({
    id: r.id, accountId: r.account_id,
    // Only the furnisher sees its own account reference in full.
    accountRef: r.furnisher_cooperative_id === actor.cooperativeId ? r.account_ref : `****${r.account_ref.slice(-4)}`,
    furnisher: { code: r.code, name: r.name }, reasonCode: r.reason_code, openedOn: r.opened_on, dueOn: r.due_on, status: r.status,
    escalated: r.escalated_at !== null, resolvedOn: r.resolved_on,
    canAnswer: r.status === 'open' && actor.role !== 'pengawas' && (r.furnisher_cooperative_id === actor.cooperativeId || (admin && today > r.due_on)),
  }));
}
