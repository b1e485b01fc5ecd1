import { canonicalNik } from '@simpul/domain';
import type { Kysely } from 'kysely';
import { businessDate } from '../../config/env.ts';
import { decryptField } from '../../config/field-crypto.ts';
import { keyedHash } from '../../config/keys.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, Services } from '../../http/context.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import type { MessageCode } from '../../http/messages.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { checkMemberNik } from './members.nik.ts';
import { findMemberIdByNikIndex, findMemberRow, searchMemberRows } from './members.repository.ts';
import type { Member } from './members.table.ts';
import { toMemberSummary, toMemberView, searchableName, type MemberSummary, type MemberView } from './members.view.ts';

export type { MemberView, MemberSummary } from './members.view.ts';

/** A saved member and what the officer should double-check (codes, translated by the route). */
export interface MemberResult {
  member: MemberView;
  warnings: MessageCode[];
}

/** The cooperative whose members the actor works on; anyone without one sees no member. */
export function memberCooperativeOf(actor: Actor): number {
  if (actor.cooperativeId === null) throw notFound();
  return actor.cooperativeId;
}

export function today(services: Services): string {
  return businessDate(services.now());
}

/** A date field that may not lie after the business date (400 naming the field). */
export function assertNotFuture(date: string, todayDate: string, path: string): void {
  if (date > todayDate) throw new AppError(400, 'date_in_future', {}, [{ path, code: 'date_in_future' }]);
}

/** The blind index of a NIK: finds a member by exact NIK without decrypting anyone. */
export function nikIndexOf(services: Services, nik: string): string {
  return keyedHash(services.keys.blindIndex, canonicalNik(nik));
}

/**
 * The member `memberId` of the actor's cooperative, or 404 — the same answer whether the
 * member does not exist or belongs to another cooperative. For the loan and inquiry modules.
 */
export async function findMemberOrThrow(services: Services, actor: Actor, memberId: number, db: Kysely<Database> = services.db.db): Promise<Member> {
  const member = await findMemberRow(db, memberCooperativeOf(actor), memberId);
  if (!member) throw notFound();
  return member;
}

/** Who a member is, decrypted: what an inquiry or a furnished loan needs to key the registry. */
export function memberIdentity(services: Services, member: Member): { nik: string; fullName: string; birthDate: string; sex: 'M' | 'F' } {
  return { nik: decryptField(services.keys, member.nik_enc), fullName: member.full_name, birthDate: member.birth_date, sex: member.sex };
}

export async function getMember(services: Services, actor: Actor, memberId: number): Promise<MemberView> {
  return toMemberView(await findMemberOrThrow(services, actor, memberId), services.keys);
}

export interface SearchInput {
  q?: string;
  status?: Member['status'];
  limit?: number;
  offset?: number;
}

/**
 * Searches the actor's members: a query that is a 16-digit NIK (spaces and dots allowed)
 * matches exactly through the blind index; anything else matches a name fragment or an
 * exact member number.
 */
export async function searchMembers(services: Services, actor: Actor, input: SearchInput): Promise<{ items: MemberSummary[]; total: number }> {
  const q = input.q?.trim() ?? '';
  const isNik = /^\d{16}$/.test(canonicalNik(q));
  const { rows, total } = await searchMemberRows(services.db.db, memberCooperativeOf(actor), {
    ...(isNik ? { nikIndex: nikIndexOf(services, q) } : q ? { nameFragment: searchableName(q), memberNo: q } : {}),
    status: input.status,
    limit: input.limit ?? 50,
    offset: input.offset ?? 0,
  });
  return { items: rows.map(toMemberSummary), total };
}

/** Checks a NIK before registering: the facts coded in it, warnings, and whether it is already a member here. */
export async function checkNikForActor(services: Services, actor: Actor, input: { nik: string; birthDate?: string }) {
  const checked = checkMemberNik(input.nik, input.birthDate, today(services));
  const existing = await findMemberIdByNikIndex(services.db.db, memberCooperativeOf(actor), nikIndexOf(services, checked.nik));
  return { birthDate: checked.birthDate, sex: checked.sex, warnings: checked.warnings, existingMemberId: existing ?? null };
}

/** Refuses a NIK that another member of the cooperative already has (the NIK is not echoed). */
export async function assertNikFree(db: Kysely<Database>, cooperativeId: number, nikIndex: string, exceptId?: number): Promise<void> {
  const holder = await findMemberIdByNikIndex(db, cooperativeId, nikIndex);
  if (holder !== undefined && holder !== exceptId) throw conflict('member_nik_taken');
}

/** Deactivates a member who has left (status inactive, left_on); their savings can then be paid out. */
export async function deactivateMember(services: Services, actor: Actor, memberId: number, input: { leftOn?: string }): Promise<MemberView> {
  const { db } = services.db;
  const member = await findMemberOrThrow(services, actor, memberId);
  if (member.status === 'inactive') throw conflict('member_already_inactive');
  const leftOn = input.leftOn ?? today(services);
  assertNotFuture(leftOn, today(services), 'leftOn');
  if (leftOn < member.joined_on) throw new AppError(400, 'left_before_joined', {}, [{ path: 'leftOn', code: 'left_before_joined' }]);
  const open = await db.selectFrom('loans').select('id').where('cooperative_id', '=', member.cooperative_id).where('member_id', '=', member.id).where('status', 'in', ['applied', 'approved', 'active']).executeTakeFirst();
  if (open) throw conflict('member_has_open_loans');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('members').set({ status: 'inactive', left_on: leftOn, updated_at: services.now().toISOString() }).where('id', '=', member.id).execute();
    await recordAudit(trx, services, actor, 'member.deactivated', { type: 'member', id: member.id, cooperativeId: member.cooperative_id });
  });
  return getMember(services, actor, memberId);
}
