import type { Actor, Services } from '../../http/context.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { isDinas } from '../../http/access.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findCooperativeByCode, findCooperativeById, insertCooperative, listCooperatives } from './cooperatives.repository.ts';
import type { Cooperative, CooperativeType } from './cooperatives.table.ts';

export interface CooperativeView {
  id: number;
  code: string;
  name: string;
  nikKoperasi: string | null;
  type: CooperativeType;
  createdAt: string;
}

export function toCooperativeView(c: Cooperative): CooperativeView {
  return { id: c.id, code: c.code, name: c.name, nikKoperasi: c.nik_koperasi, type: c.type, createdAt: c.created_at };
}

export interface NewCooperativeInput {
  code: string;
  name: string;
  nikKoperasi?: string | null;
  type?: CooperativeType;
}

/** Registers a cooperative; `actor` is null for the operator's CLI. */
export async function addCooperative(services: Services, actor: Actor | null, input: NewCooperativeInput): Promise<CooperativeView> {
  const { db } = services.db;
  if (await findCooperativeByCode(db, input.code)) throw conflict('cooperative_code_taken', { code: input.code.toUpperCase() });
  const id = await db.transaction().execute(async (trx) => {
    const coopId = await insertCooperative(trx, {
      code: input.code,
      name: input.name,
      nik_koperasi: input.nikKoperasi ?? null,
      type: input.type ?? 'ksp',
      created_at: services.now().toISOString(),
    });
    await recordAudit(trx, services, actor, 'cooperative.created', { type: 'cooperative', id: coopId, cooperativeId: coopId }, { code: input.code.toUpperCase() });
    return coopId;
  });
  const coop = await findCooperativeById(db, id);
  if (!coop) throw notFound();
  return toCooperativeView(coop);
}

/** Dinas roles and the CLI see every cooperative; a cooperative's users only their own. */
export async function visibleCooperatives(services: Services, actor: Actor | null): Promise<CooperativeView[]> {
  const rows = !actor || isDinas(actor) ? await listCooperatives(services.db.db) : await listCooperatives(services.db.db, actor.cooperativeId ?? -1);
  return rows.map(toCooperativeView);
}
