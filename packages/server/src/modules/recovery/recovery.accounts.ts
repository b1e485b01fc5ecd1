import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** One loan's books: on the balance sheet, written off, recovered, forgiven, and the tracked claim. */
export interface LoanAccount {
  loanId: number;
  loanNo: string;
  status: string;
  onBalance: number;
  writtenOff: number;
  recovered: number;
  forgiven: number;
  offBalance: number;
  /** onBalance + writtenOff − recovered − forgiven: what the member still owes in principal. */
  exposure: number;
  /** The loan row's figure agrees with the recovery records. */
  reconciles: boolean;
}

export interface Accounts {
  loans: LoanAccount[];
  totals: Omit<LoanAccount, 'loanId' | 'loanNo' | 'status' | 'reconciles'> & { reconciles: boolean };
}

async function sumsByLoan(rows: Promise<{ loan_id: number; amount: number | string | bigint | null }[]>): Promise<Map<number, number>> {
  const map = new Map<number, number>();
  for (const r of await rows) map.set(r.loan_id, (map.get(r.loan_id) ?? 0) + Number(r.amount ?? 0));
  return map;
}

/**
 * The cooperative's recovery accounting, loan by loan. The loan row keeps the on-balance
 * principal while active and the off-balance claim once written off; the recovery records
 * keep what was written off, recovered and forgiven. They must agree: a loan reconciles when
 * its row equals written off − recovered − forgiven (active: no write-off at all).
 */
export async function accountsOf(db: Kysely<Database>, cooperativeId: number): Promise<Accounts> {
  const loans = await db.selectFrom('loans').select(['id', 'loan_no', 'status', 'outstanding_principal'])
    .where('cooperative_id', '=', cooperativeId).where('status', 'in', ['active', 'written_off', 'forgiven']).orderBy('id').execute();
  const writtenOff = await sumsByLoan(db.selectFrom('recovery_write_offs').select(['loan_id', 'written_off_amount as amount']).where('cooperative_id', '=', cooperativeId).where('status', '=', 'executed').execute());
  const recovered = await sumsByLoan(db.selectFrom('recovery_receipts').select(['loan_id', 'amount']).where('cooperative_id', '=', cooperativeId).execute());
  const forgiven = await sumsByLoan(db.selectFrom('recovery_forgiveness').select(['loan_id', 'amount']).where('cooperative_id', '=', cooperativeId).execute());
  const rows = loans.map((l): LoanAccount => {
    const w = writtenOff.get(l.id) ?? 0;
    const r = recovered.get(l.id) ?? 0;
    const f = forgiven.get(l.id) ?? 0;
    const onBalance = l.status === 'active' ? Number(l.outstanding_principal) : 0;
    const offBalance = w - r - f;
    const rowFigure = l.status === 'active' ? w === 0 : l.status === 'written_off' ? Number(l.outstanding_principal) === offBalance : offBalance === 0 && Number(l.outstanding_principal) === 0;
    return { loanId: l.id, loanNo: l.loan_no, status: l.status, onBalance, writtenOff: w, recovered: r, forgiven: f, offBalance, exposure: onBalance + offBalance, reconciles: rowFigure };
  });
  const totals = { onBalance: 0, writtenOff: 0, recovered: 0, forgiven: 0, offBalance: 0, exposure: 0, reconciles: true };
  for (const a of rows) {
    totals.onBalance += a.onBalance;
    totals.writtenOff += a.writtenOff;
    totals.recovered += a.recovered;
    totals.forgiven += a.forgiven;
    totals.offBalance += a.offBalance;
    totals.exposure += a.exposure;
    totals.reconciles &&= a.reconciles;
  }
  return { loans: rows, totals };
}
