import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Loan, Repayment } from '../lending/lending.table.ts';
import type {
  RecoveryCase, RecoveryCasesTable, RecoveryNegotiationsTable, RecoveryRestructuringsTable, RecoveryWriteOffsTable, Restructuring, WriteOff,
} from './recovery.table.ts';

type Db = Kysely<Database>;

/** The documented collection attempts a write-off needs when the cooperative set none. */
export const DEFAULT_MIN_COLLECTION_ATTEMPTS = 3;

export async function minCollectionAttempts(db: Db, cooperativeId: number): Promise<number> {
  const row = await db.selectFrom('recovery_settings').select('min_collection_attempts').where('cooperative_id', '=', cooperativeId).executeTakeFirst();
  return row?.min_collection_attempts ?? DEFAULT_MIN_COLLECTION_ATTEMPTS;
}

export async function saveMinCollectionAttempts(db: Db, cooperativeId: number, value: number, userId: number | null, at: string): Promise<void> {
  const found = await db.selectFrom('recovery_settings').select('cooperative_id').where('cooperative_id', '=', cooperativeId).executeTakeFirst();
  if (found) await db.updateTable('recovery_settings').set({ min_collection_attempts: value, updated_by: userId, updated_at: at }).where('cooperative_id', '=', cooperativeId).execute();
  else await db.insertInto('recovery_settings').values({ cooperative_id: cooperativeId, min_collection_attempts: value, updated_by: userId, updated_at: at }).execute();
}

/** A loan with what its state needs: its repayments (a restructuring's basis is on the loan). */
export interface LoanContext {
  loan: Loan;
  repayments: Repayment[];
}

export async function loadLoanContext(db: Db, cooperativeId: number, loanId: number): Promise<LoanContext | undefined> {
  const loan = await db.selectFrom('loans').selectAll().where('cooperative_id', '=', cooperativeId).where('id', '=', loanId).executeTakeFirst();
  if (!loan) return undefined;
  const repayments = await db.selectFrom('repayments').selectAll().where('cooperative_id', '=', cooperativeId).where('loan_id', '=', loanId).orderBy('paid_on').orderBy('id').execute();
  return { loan, repayments };
}

export function findCase(db: Db, cooperativeId: number, id: number): Promise<RecoveryCase | undefined> {
  return db.selectFrom('recovery_cases').selectAll().where('cooperative_id', '=', cooperativeId).where('id', '=', id).executeTakeFirst();
}

export function findOpenCase(db: Db, cooperativeId: number, loanId: number): Promise<RecoveryCase | undefined> {
  return db.selectFrom('recovery_cases').selectAll().where('cooperative_id', '=', cooperativeId).where('open_loan_id', '=', loanId).executeTakeFirst();
}

export async function insertCase(db: Db, row: Insertable<RecoveryCasesTable>): Promise<number> {
  const { id } = await db.insertInto('recovery_cases').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Closes the loan's open case (if any) with the outcome that ended it. */
export async function closeCase(db: Db, cooperativeId: number, caseId: number, status: RecoveryCase['status'], on: string, at: string): Promise<void> {
  await db.updateTable('recovery_cases').set({ status, open_loan_id: null, closed_on: on, updated_at: at }).where('cooperative_id', '=', cooperativeId).where('id', '=', caseId).execute();
}

export async function setCaseStatus(db: Db, cooperativeId: number, caseId: number, patch: Updateable<RecoveryCasesTable>): Promise<void> {
  await db.updateTable('recovery_cases').set(patch).where('cooperative_id', '=', cooperativeId).where('id', '=', caseId).execute();
}

export function listCauses(db: Db, cooperativeId: number, caseId: number) {
  return db.selectFrom('recovery_causes').selectAll().where('cooperative_id', '=', cooperativeId).where('case_id', '=', caseId).orderBy('id').execute();
}

export function listNegotiations(db: Db, cooperativeId: number, caseId: number) {
  return db.selectFrom('recovery_negotiations').selectAll().where('cooperative_id', '=', cooperativeId).where('case_id', '=', caseId).orderBy('met_on').orderBy('id').execute();
}

export async function insertNegotiation(db: Db, row: Insertable<RecoveryNegotiationsTable>): Promise<number> {
  const { id } = await db.insertInto('recovery_negotiations').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Documented collection attempts on a loan: negotiation records across all its cases. */
export async function countAttempts(db: Db, cooperativeId: number, loanId: number): Promise<number> {
  const row = await db
    .selectFrom('recovery_negotiations as n').innerJoin('recovery_cases as c', 'c.id', 'n.case_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('n.cooperative_id', '=', cooperativeId).where('c.loan_id', '=', loanId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listPromises(db: Db, cooperativeId: number, loanIds: readonly number[]) {
  if (loanIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('recovery_promises').selectAll().where('cooperative_id', '=', cooperativeId).where('loan_id', 'in', [...loanIds]).orderBy('due_on').orderBy('id').execute();
}

export function listRestructurings(db: Db, cooperativeId: number, loanId: number): Promise<Restructuring[]> {
  return db.selectFrom('recovery_restructurings').selectAll().where('cooperative_id', '=', cooperativeId).where('loan_id', '=', loanId).orderBy('id').execute();
}

export async function insertRestructuring(db: Db, row: Insertable<RecoveryRestructuringsTable>): Promise<number> {
  const { id } = await db.insertInto('recovery_restructurings').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateRestructuring(db: Db, cooperativeId: number, id: number, patch: Updateable<RecoveryRestructuringsTable>): Promise<void> {
  await db.updateTable('recovery_restructurings').set(patch).where('cooperative_id', '=', cooperativeId).where('id', '=', id).execute();
}

export function listWriteOffs(db: Db, cooperativeId: number, loanId: number): Promise<WriteOff[]> {
  return db.selectFrom('recovery_write_offs').selectAll().where('cooperative_id', '=', cooperativeId).where('loan_id', '=', loanId).orderBy('id').execute();
}

export async function insertWriteOff(db: Db, row: Insertable<RecoveryWriteOffsTable>): Promise<number> {
  const { id } = await db.insertInto('recovery_write_offs').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateWriteOff(db: Db, cooperativeId: number, id: number, patch: Updateable<RecoveryWriteOffsTable>): Promise<void> {
  await db.updateTable('recovery_write_offs').set(patch).where('cooperative_id', '=', cooperativeId).where('id', '=', id).execute();
}

export function listReceipts(db: Db, cooperativeId: number, loanId: number) {
  return db.selectFrom('recovery_receipts').selectAll().where('cooperative_id', '=', cooperativeId).where('loan_id', '=', loanId).orderBy('received_on').orderBy('id').execute();
}

export function findForgiveness(db: Db, cooperativeId: number, loanId: number) {
  return db.selectFrom('recovery_forgiveness').selectAll().where('cooperative_id', '=', cooperativeId).where('loan_id', '=', loanId).executeTakeFirst();
}

export { userNames } from '../lending/loans.repository.ts';
