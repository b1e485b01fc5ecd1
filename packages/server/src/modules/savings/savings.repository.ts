import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type SavingsKind, type SavingsTransaction, type SavingsTransactionsTable } from './savings.table.ts';

export type Balances = Record<SavingsKind, number>;

/** A member's balance per kind: deposits minus withdrawals (reversals are movements too). */
export async function balancesOf(db: Kysely<Database>, cooperativeId: number, memberId: number): Promise<Balances> {
  const rows = await db
    .selectFrom('savings_transactions')
    .select(['kind', sql<number | string>`sum(case when direction = 'deposit' then amount else -amount end)`.as('balance')])
    .where('cooperative_id', '=', cooperativeId)
    .where('member_id', '=', memberId)
    .groupBy('kind')
    .execute();
  const balances: Balances = { pokok: 0, wajib: 0, sukarela: 0 };
  for (const row of rows) balances[row.kind] = Number(row.balance);
  return balances;
}

/** A member's movements in booking order (date, then entry order), optionally of one kind. */
export function movementsOf(db: Kysely<Database>, cooperativeId: number, memberId: number, kind?: SavingsKind): Promise<SavingsTransaction[]> {
  let q = db.selectFrom('savings_transactions').selectAll().where('cooperative_id', '=', cooperativeId).where('member_id', '=', memberId);
  if (kind) q = q.where('kind', '=', kind);
  return q.orderBy('on_date').orderBy('id').execute();
}

export function findMovement(db: Kysely<Database>, cooperativeId: number, memberId: number, id: number): Promise<SavingsTransaction | undefined> {
  return db
    .selectFrom('savings_transactions')
    .selectAll()
    .where('cooperative_id', '=', cooperativeId)
    .where('member_id', '=', memberId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function reversalOf(db: Kysely<Database>, id: number): Promise<number | undefined> {
  const row = await db.selectFrom('savings_transactions').select('id').where('reverses_id', '=', id).executeTakeFirst();
  return row?.id;
}

export async function insertMovement(db: Kysely<Database>, row: Insertable<SavingsTransactionsTable>): Promise<number> {
  const inserted = await db.insertInto('savings_transactions').values(row).returning('id').executeTakeFirstOrThrow();
  return inserted.id;
}
