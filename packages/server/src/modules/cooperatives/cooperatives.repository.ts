import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Cooperative, CooperativeStatusChange, CooperativeUpdate, NewCooperative } from './cooperatives.table.ts';

export function findCooperativeById(db: Kysely<Database>, id: number): Promise<Cooperative | undefined> {
  return db.selectFrom('cooperatives').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCooperativeByCode(db: Kysely<Database>, code: string): Promise<Cooperative | undefined> {
  return db.selectFrom('cooperatives').selectAll().where('code', '=', code.toUpperCase()).executeTakeFirst();
}

export function findCooperativeByNik(db: Kysely<Database>, nikKoperasi: string): Promise<Cooperative | undefined> {
  return db.selectFrom('cooperatives').selectAll().where('nik_koperasi', '=', nikKoperasi).orderBy('id').executeTakeFirst();
}

export function listCooperatives(db: Kysely<Database>, onlyId?: number): Promise<Cooperative[]> {
  let q = db.selectFrom('cooperatives').selectAll().orderBy('code');
  if (onlyId !== undefined) q = q.where('id', '=', onlyId);
  return q.execute();
}

export async function insertCooperative(db: Kysely<Database>, coop: NewCooperative): Promise<number> {
  const row = await db
    .insertInto('cooperatives')
    .values({ ...coop, code: coop.code.toUpperCase() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCooperativeRow(db: Kysely<Database>, id: number, set: CooperativeUpdate): Promise<void> {
  if (Object.keys(set).length === 0) return;
  await db.updateTable('cooperatives').set(set).where('id', '=', id).execute();
}

export async function insertStatusChange(db: Kysely<Database>, change: Omit<CooperativeStatusChange, 'id'>): Promise<void> {
  await db.insertInto('cooperative_status_history').values(change).execute();
}

export function listStatusHistory(db: Kysely<Database>, cooperativeId: number): Promise<CooperativeStatusChange[]> {
  return db.selectFrom('cooperative_status_history').selectAll().where('cooperative_id', '=', cooperativeId).orderBy('id', 'desc').execute();
}
