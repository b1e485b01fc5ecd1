import type { Kysely, Updateable } from 'kysely';
import { encryptField, encryptOptional } from '../../config/field-crypto.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, Services } from '../../http/context.ts';
import { conflict } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { checkMemberNik, kecamatanWarnings } from './members.nik.ts';
import { insertMember, isUniqueViolation, lastGeneratedMemberNo, memberNoTaken, updateMemberRow } from './members.repository.ts';
import {
  assertNikFree, assertNotFuture, findMemberOrThrow, getMember, memberCooperativeOf, memberIdentity, nikIndexOf, today, type MemberResult,
} from './members.service.ts';
import type { MembersTable } from './members.table.ts';
import { encryptIncome, searchableName } from './members.view.ts';

/** The fields an officer types; every one optional on an edit. */
export interface MemberFields {
  fullName?: string;
  nik?: string;
  birthDate?: string;
  phone?: string | null;
  address?: string | null;
  monthlyIncome?: number | null;
  kecamatanCode?: string | null;
}

export interface NewMemberInput extends MemberFields {
  fullName: string;
  nik: string;
  memberNo?: string;
  joinedOn?: string;
}

/** The next free generated number, 'A-000001' upwards, skipping numbers typed by hand. */
async function nextMemberNo(trx: Kysely<Database>, cooperativeId: number): Promise<string> {
  let n = (await lastGeneratedMemberNo(trx, cooperativeId)) + 1;
  while (await memberNoTaken(trx, cooperativeId, `A-${String(n).padStart(6, '0')}`)) n += 1;
  return `A-${String(n).padStart(6, '0')}`;
}

/** The personal columns of the given fields, encrypted; fields left out are left alone. */
function personalColumns(services: Services, f: MemberFields): Updateable<MembersTable> {
  const { keys } = services;
  return {
    ...(f.fullName !== undefined && { full_name: f.fullName, name_search: searchableName(f.fullName) }),
    ...(f.phone !== undefined && { phone_enc: encryptOptional(keys, f.phone) }),
    ...(f.address !== undefined && { address_enc: encryptOptional(keys, f.address) }),
    ...(f.monthlyIncome !== undefined && { income_enc: encryptIncome(keys, f.monthlyIncome) }),
    ...(f.kecamatanCode !== undefined && { kecamatan_code: f.kecamatanCode }),
  };
}

/**
 * Registers a member of the actor's cooperative. A malformed NIK is refused (400, nothing
 * stored); an unknown region or a birth date that differs from the NIK's is saved with
 * warnings for the officer. The same NIK twice in one cooperative is a 409; the same person
 * in another cooperative is that cooperative's own record.
 */
export async function registerMember(services: Services, actor: Actor, input: NewMemberInput): Promise<MemberResult> {
  const cooperativeId = memberCooperativeOf(actor);
  const day = today(services);
  const nik = checkMemberNik(input.nik, input.birthDate, day);
  const birthDate = input.birthDate ?? nik.birthDate;
  const joinedOn = input.joinedOn ?? day;
  assertNotFuture(birthDate, day, 'birthDate');
  assertNotFuture(joinedOn, day, 'joinedOn');
  const now = services.now().toISOString();
  const id = await services.db.db.transaction().execute(async (trx) => {
    const nikIndex = nikIndexOf(services, nik.nik);
    await assertNikFree(trx, cooperativeId, nikIndex);
    if (input.memberNo && (await memberNoTaken(trx, cooperativeId, input.memberNo))) throw conflict('member_no_taken', { memberNo: input.memberNo });
    const memberNo = input.memberNo ?? (await nextMemberNo(trx, cooperativeId));
    const personal = personalColumns(services, { phone: null, address: null, monthlyIncome: null, kecamatanCode: null, ...input });
    const memberId = await insertMember(trx, {
      ...personal, cooperative_id: cooperativeId, member_no: memberNo, full_name: input.fullName, name_search: searchableName(input.fullName),
      birth_date: birthDate, sex: nik.sex, nik_enc: encryptField(services.keys, nik.nik), nik_index: nikIndex,
      joined_on: joinedOn, status: 'active', left_on: null, created_at: now, updated_at: now,
    });
    await recordAudit(trx, services, actor, 'member.registered', { type: 'member', id: memberId, cooperativeId });
    return memberId;
  }).catch((error: unknown) => {
    if (!isUniqueViolation(error)) throw error;
    // Another officer saved this NIK or number a moment ago: answer as the checks above would.
    throw input.memberNo ? conflict('member_no_taken', { memberNo: input.memberNo }) : conflict('member_nik_taken');
  });
  return { member: await getMember(services, actor, id), warnings: [...nik.warnings, ...kecamatanWarnings(input.kecamatanCode)] };
}

/**
 * Edits a member. A corrected NIK is validated again (and must stay unique in the
 * cooperative); warnings compare the birth date with whichever NIK the member ends up with.
 * The audit names the fields changed, never their values.
 */
export async function updateMember(services: Services, actor: Actor, memberId: number, patch: MemberFields): Promise<MemberResult> {
  const member = await findMemberOrThrow(services, actor, memberId);
  const day = today(services);
  const nik = checkMemberNik(patch.nik ?? memberIdentity(services, member).nik, patch.birthDate ?? member.birth_date, day);
  if (patch.birthDate !== undefined) assertNotFuture(patch.birthDate, day, 'birthDate');
  const fields = Object.entries(patch).filter(([, value]) => value !== undefined).map(([name]) => name);
  await services.db.db.transaction().execute(async (trx) => {
    const columns: Updateable<MembersTable> = { ...personalColumns(services, patch), updated_at: services.now().toISOString() };
    if (patch.nik !== undefined) {
      const nikIndex = nikIndexOf(services, nik.nik);
      await assertNikFree(trx, member.cooperative_id, nikIndex, member.id);
      Object.assign(columns, { nik_enc: encryptField(services.keys, nik.nik), nik_index: nikIndex, sex: nik.sex });
    }
    if (patch.birthDate !== undefined) columns.birth_date = patch.birthDate;
    await updateMemberRow(trx, member.cooperative_id, member.id, columns);
    await recordAudit(trx, services, actor, 'member.updated', { type: 'member', id: member.id, cooperativeId: member.cooperative_id }, { fields });
  });
  const kecamatan = patch.kecamatanCode !== undefined ? kecamatanWarnings(patch.kecamatanCode) : [];
  return { member: await getMember(services, actor, memberId), warnings: [...nik.warnings, ...kecamatan] };
}
