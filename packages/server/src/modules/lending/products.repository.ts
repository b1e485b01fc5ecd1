import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { LoanProduct, LoanProductsTable } from './lending.table.ts';

export function listProducts(db: Kysely<Database>, cooperativeId: number): Promise<LoanProduct[]> {
  return db.selectFrom('loan_products').selectAll().where('cooperative_id', '=', cooperativeId).orderBy('code').execute();
}

export function findProduct(db: Kysely<Database>, cooperativeId: number, id: number): Promise<LoanProduct | undefined> {
  return db.selectFrom('loan_products').selectAll().where('cooperative_id', '=', cooperativeId).where('id', '=', id).executeTakeFirst();
}

export function findProductByCode(db: Kysely<Database>, cooperativeId: number, code: string): Promise<LoanProduct | undefined> {
  return db.selectFrom('loan_products').selectAll().where('cooperative_id', '=', cooperativeId).where('code', '=', code).executeTakeFirst();
}

export async function insertProduct(db: Kysely<Database>, row: Insertable<LoanProductsTable>): Promise<number> {
  const { id } = await db.insertInto('loan_products').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateProduct(db: Kysely<Database>, cooperativeId: number, id: number, row: Updateable<LoanProductsTable>): Promise<void> {
  await db.updateTable('loan_products').set(row).where('cooperative_id', '=', cooperativeId).where('id', '=', id).execute();
}
