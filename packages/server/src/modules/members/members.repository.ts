import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Member, MemberStatus, MembersTable } from './members.table.ts';

/** Every query starts with the cooperative: a member exists only inside their cooperative. */
export function findMemberRow(db: Kysely<Database>, cooperativeId: number, id: number): Promise<Member | undefined> {
  return db.selectFrom('members').selectAll().where('cooperative_id', '=', cooperativeId).where('id', '=', id).executeTakeFirst();
}

export async function findMemberIdByNikIndex(db: Kysely<Database>, cooperativeId: number, nikIndex: string): Promise<number | undefined> {
  const row = await db.selectFrom('members').select('id').where('cooperative_id', '=', cooperativeId).where('nik_index', '=', nikIndex).executeTakeFirst();
  return row?.id;
}

export async function memberNoTaken(db: Kysely<Database>, cooperativeId: number, memberNo: string): Promise<boolean> {
  const row = await db.selectFrom('members').select('id').where('cooperative_id', '=', cooperativeId).where('member_no', '=', memberNo).executeTakeFirst();
  return row !== undefined;
}

/** The highest number of the generated form 'A-000123' in a cooperative (0 when none). */
export async function lastGeneratedMemberNo(db: Kysely<Database>, cooperativeId: number): Promise<number> {
  const rows = await db
    .selectFrom('members')
    .select('member_no')
    .where('cooperative_id', '=', cooperativeId)
    .where('member_no', 'like', 'A-%')
    .orderBy(sql`length(member_no)`, 'desc')
    .orderBy('member_no', 'desc')
    .limit(20)
    .execute();
  const numbers = rows.map((r) => /^A-(\d+)$/.exec(r.member_no)?.[1]).filter((n) => n !== undefined).map(Number);
  return numbers.length > 0 ? Math.max(...numbers) : 0;
}

export async function insertMember(db: Kysely<Database>, row: Insertable<MembersTable>): Promise<number> {
  const inserted = await db.insertInto('members').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}

export async function updateMemberRow(db: Kysely<Database>, cooperativeId: number, id: number, patch: Updateable<MembersTable>): Promise<void> {
  await db.updateTable('members').set(patch).where('cooperative_id', '=', cooperativeId).where('id', '=', id).execute();
}

export interface MemberSearch {
  /** Lower-cased name fragment (name_search form), or undefined for every member. */
  nameFragment?: string;
  /** An exact member number. */
  memberNo?: string;
  /** An exact NIK's blind index. */
  nikIndex?: string;
  status?: MemberStatus;
  limit: number;
  offset: number;
}

/** Escapes LIKE's wildcards so a typed '%' or '_' matches itself. */
function likeContains(fragment: string): string {
  return `%${fragment.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Members of one cooperative matching a name fragment, a member number or a NIK, by name. */
export async function searchMemberRows(db: Kysely<Database>, cooperativeId: number, search: MemberSearch): Promise<{ rows: Member[]; total: number }> {
  let q = db.selectFrom('members').where('cooperative_id', '=', cooperativeId);
  if (search.status) q = q.where('status', '=', search.status);
  const { nameFragment, memberNo, nikIndex } = search;
  if (nikIndex !== undefined) q = q.where('nik_index', '=', nikIndex);
  else if (nameFragment !== undefined || memberNo !== undefined) {
    q = q.where((eb) =>
      eb.or([
        ...(nameFragment ? [eb(sql<string>`name_search`, 'like', sql<string>`${likeContains(nameFragment)} escape '\\'`)] : []),
        ...(memberNo ? [eb(eb.fn('upper', ['member_no']), '=', memberNo.toUpperCase())] : []),
      ]),
    );
  }
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('name_search').orderBy('id').limit(search.limit).offset(search.offset).execute();
  return { rows, total: Number(total.n) };
}

/**
 * Whether a write failed on a unique constraint (PostgreSQL 23505, SQLite
 * SQLITE_CONSTRAINT_UNIQUE): two officers saving the same NIK at the same moment pass the
 * check before the insert, and the database is the one that says no.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return error.code === '23505' || error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
