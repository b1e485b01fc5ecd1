import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Dialect } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import type { Loan, LoansTable, LoanStatus, Repayment, RepaymentsTable } from './lending.table.ts';

export function findLoan(db: Kysely<Database>, cooperativeId: number, id: number): Promise<Loan | undefined> {
  return db.selectFrom('loans').selectAll().where('cooperative_id', '=', cooperativeId).where('id', '=', id).executeTakeFirst();
}

/** The loan row, locked for the rest of the transaction on PostgreSQL (SQLite serialises writers anyway). */
export function lockLoan(trx: Kysely<Database>, dialect: Dialect, cooperativeId: number, id: number): Promise<Loan | undefined> {
  const q = trx.selectFrom('loans').selectAll().where('cooperative_id', '=', cooperativeId).where('id', '=', id);
  return (dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
}

export interface LoanFilter {
  id?: number | undefined;
  status?: LoanStatus | undefined;
  memberId?: number | undefined;
}

/** Loans with the member's number and name and the product's code and name, newest first. */
export function listLoans(db: Kysely<Database>, cooperativeId: number, filter: LoanFilter, limit: number) {
  let q = db
    .selectFrom('loans')
    .innerJoin('members', 'members.id', 'loans.member_id')
    .innerJoin('loan_products', 'loan_products.id', 'loans.product_id')
    .selectAll('loans')
    .select(['members.member_no', 'members.full_name', 'loan_products.code as product_code', 'loan_products.name as product_name'])
    .where('loans.cooperative_id', '=', cooperativeId);
  if (filter.id !== undefined) q = q.where('loans.id', '=', filter.id);
  if (filter.status) q = q.where('loans.status', '=', filter.status);
  if (filter.memberId !== undefined) q = q.where('loans.member_id', '=', filter.memberId);
  return q.orderBy('loans.id', 'desc').limit(limit).execute();
}

export type ListedLoan = Awaited<ReturnType<typeof listLoans>>[number];

/**
 * The cooperative's next loan number of `year`, counted on its counter row. Call it inside
 * the transaction that inserts the loan: the row stays locked until that commits (SQLite
 * serialises writers anyway), so concurrent applications take turns, and a rolled-back
 * application gives its number back.
 */
export async function drawLoanNumber(trx: Kysely<Database>, cooperativeId: number, year: string): Promise<number> {
  const row = await trx
    .insertInto('loan_number_counters')
    .values({ cooperative_id: cooperativeId, year, last_no: 1 })
    .onConflict((oc) => oc.columns(['cooperative_id', 'year']).doUpdateSet((eb) => ({ last_no: eb('loan_number_counters.last_no', '+', 1) })))
    .returning('last_no')
    .executeTakeFirstOrThrow();
  return Number(row.last_no);
}

export async function insertLoan(db: Kysely<Database>, row: Insertable<LoansTable>): Promise<number> {
  const { id } = await db.insertInto('loans').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateLoan(db: Kysely<Database>, cooperativeId: number, id: number, row: Updateable<LoansTable>): Promise<void> {
  await db.updateTable('loans').set(row).where('cooperative_id', '=', cooperativeId).where('id', '=', id).execute();
}

export function listRepayments(db: Kysely<Database>, cooperativeId: number, loanId: number): Promise<Repayment[]> {
  return db.selectFrom('repayments').selectAll().where('cooperative_id', '=', cooperativeId).where('loan_id', '=', loanId).orderBy('paid_on').orderBy('id').execute();
}

export function findReceipt(db: Kysely<Database>, cooperativeId: number, receiptNo: string): Promise<Repayment | undefined> {
  return db.selectFrom('repayments').selectAll().where('cooperative_id', '=', cooperativeId).where('receipt_no', '=', receiptNo).executeTakeFirst();
}

export async function insertRepayment(db: Kysely<Database>, row: Insertable<RepaymentsTable>): Promise<number> {
  const { id } = await db.insertInto('repayments').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function markReversed(db: Kysely<Database>, cooperativeId: number, id: number, row: Pick<Updateable<RepaymentsTable>, 'reversed_at' | 'reversed_by' | 'reversal_reason'>): Promise<void> {
  await db.updateTable('repayments').set(row).where('cooperative_id', '=', cooperativeId).where('id', '=', id).execute();
}

/** A member of the cooperative, with what an application needs to know. */
export function findMember(db: Kysely<Database>, cooperativeId: number, id: number) {
  return db.selectFrom('members').select(['id', 'member_no', 'full_name', 'status']).where('cooperative_id', '=', cooperativeId).where('id', '=', id).executeTakeFirst();
}

/** Display names of users by id, for "who did it" on a loan page. */
export async function userNames(db: Kysely<Database>, ids: readonly (number | null)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'full_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}
