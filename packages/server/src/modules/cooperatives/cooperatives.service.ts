import type { Kysely } from 'kysely';
import { businessDate } from '../../config/env.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, Services } from '../../http/context.ts';
import { conflict, notFound, validationFailed } from '../../http/errors.ts';
import { assertTenant, isDinas } from '../../http/access.ts';
import { actorLabel, recordAudit } from '../audit/audit.service.ts';
import { changedFields, profileColumns, profileErrors, toCooperativeView, type CooperativeProfile, type CooperativeView } from './cooperatives.profile.ts';
import {
  findCooperativeByCode, findCooperativeById, insertCooperative, insertStatusChange, listCooperatives, updateCooperativeRow,
} from './cooperatives.repository.ts';

export type { CooperativeView } from './cooperatives.profile.ts';

export interface NewCooperativeInput extends CooperativeProfile {
  code: string;
  name: string;
}

function checkProfile(services: Services, profile: CooperativeProfile): void {
  const errors = profileErrors(profile, businessDate(services.now()));
  if (errors.length > 0) throw validationFailed(errors);
}

/**
 * Inserts a registered, active cooperative inside the caller's transaction and records its
 * first status ("registered") so the status history starts at the beginning.
 */
export async function insertRegisteredCooperative(trx: Kysely<Database>, services: Services, actor: Actor | null, input: NewCooperativeInput): Promise<number> {
  const now = services.now().toISOString();
  const today = businessDate(services.now());
  const coopId = await insertCooperative(trx, {
    ...profileColumns(input, services.keys),
    code: input.code,
    name: input.name,
    type: input.type ?? 'ksp',
    created_at: now,
    updated_at: now,
    activity_status: 'active',
    status_since: today,
  });
  await insertStatusChange(trx, { cooperative_id: coopId, from_status: null, to_status: 'active', reason: 'registered', effective_on: today, changed_by: actorLabel(actor), changed_at: now });
  await recordAudit(trx, services, actor, 'cooperative.created', { type: 'cooperative', id: coopId, cooperativeId: coopId }, { code: input.code.toUpperCase() });
  return coopId;
}

/** Registers a cooperative; `actor` is null for the operator's CLI. */
export async function addCooperative(services: Services, actor: Actor | null, input: NewCooperativeInput): Promise<CooperativeView> {
  const { db } = services.db;
  checkProfile(services, input);
  if (await findCooperativeByCode(db, input.code)) throw conflict('cooperative_code_taken', { code: input.code.toUpperCase() });
  const id = await db.transaction().execute((trx) => insertRegisteredCooperative(trx, services, actor, input));
  return getCooperative(services, actor, id);
}

/** Edits the registry facts of a cooperative (platform admin); the audit names the fields changed. */
export async function updateCooperative(services: Services, actor: Actor | null, id: number, profile: CooperativeProfile): Promise<CooperativeView> {
  const { db } = services.db;
  if (!(await findCooperativeById(db, id))) throw notFound();
  checkProfile(services, profile);
  await db.transaction().execute(async (trx) => {
    await updateCooperativeRow(trx, id, { ...profileColumns(profile, services.keys), updated_at: services.now().toISOString() });
    await recordAudit(trx, services, actor, 'cooperative.updated', { type: 'cooperative', id, cooperativeId: id }, { fields: changedFields(profile) });
  });
  return getCooperative(services, actor, id);
}

/** One cooperative: Dinas roles see any, a cooperative's users their own, others "not found". */
export async function getCooperative(services: Services, actor: Actor | null, id: number): Promise<CooperativeView> {
  const coop = await findCooperativeById(services.db.db, id);
  if (!coop) throw notFound();
  if (actor) assertTenant(actor, id, { dinas: true });
  return toCooperativeView(coop, services.keys);
}

/** Dinas roles and the CLI see every cooperative; a cooperative's users only their own. */
export async function visibleCooperatives(services: Services, actor: Actor | null): Promise<CooperativeView[]> {
  const rows = !actor || isDinas(actor) ? await listCooperatives(services.db.db) : await listCooperatives(services.db.db, actor.cooperativeId ?? -1);
  return rows.map((c) => toCooperativeView(c, services.keys));
}
