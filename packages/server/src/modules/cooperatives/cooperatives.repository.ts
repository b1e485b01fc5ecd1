import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Cooperative, NewCooperative } from './cooperatives.table.ts';

export function findCooperativeById(db: Kysely<Database>, id: number): Promise<Cooperative | undefined> {
  return db.selectFrom('cooperatives').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findCooperativeByCode(db: Kysely<Database>, code: string): Promise<Cooperative | undefined> {
  return db.selectFrom('cooperatives').selectAll().where('code', '=', code.toUpperCase()).executeTakeFirst();
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
