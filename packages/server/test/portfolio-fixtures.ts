import { NO_PENALTY } from '@simpul/domain';
import { insertLoans, insertMembers, insertProductRow, insertRepayments, loanRow, scheduleFor, type ProductSpec } from '../src/modules/demo/book-writer.ts';
import { seededRandom, syntheticPerson } from '../src/modules/registry/synthetic.ts';
import { seedCooperative, type TestInstance } from './harness.ts';

/** A monthly flat product, 1 % a month, no penalty, classified by the OJK bank bands (DPK 1–90, KL 91–120…). */
export const FLAT_1: ProductSpec = {
  code: 'UMUM', name: 'Pinjaman Umum', method: 'flat', ratePercent: 1, frequency: 'monthly', maxTenor: 36, maxAmount: 100_000_000,
  multiple: null, penaltyRule: NO_PENALTY, classificationPreset: 'ojk_bank',
};

export interface FixtureLoan {
  amount: number;
  tenor: number;
  disbursedOn: string;
  /** [date, amount] repayments. */
  payments?: [string, number][];
}

/** People with valid synthetic Blora NIKs, the same for a seed. */
export function people(n: number, seed = 7) {
  const rng = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const p = syntheticPerson(rng, i);
    const day = Number(p.nik.slice(6, 8));
    return { ...p, sex: day > 40 ? ('F' as const) : ('M' as const), kecamatanCode: p.nik.slice(0, 6) };
  });
}

/**
 * A cooperative with one member per loan, one product and the given disbursed loans and
 * repayments, written straight to the workspace tables. Returns the ids and the people.
 */
export async function seedBook(t: TestInstance, code: string, loans: readonly FixtureLoan[], seed = 7) {
  const coop = await seedCooperative(t, code);
  const db = t.services.db.db;
  const product = await insertProductRow(db, t.services, coop.id, FLAT_1);
  const persons = people(loans.length, seed);
  const memberIds = await insertMembers(db, t.services, coop.id, persons.map((p, i) => ({ ...p, memberNo: `M${i + 1}`, joinedOn: '2020-01-01' })));
  const rows = loans.map((l, i) => loanRow(t.services, coop.id, product, { memberId: memberIds[i] ?? 0, loanNo: `${code}-L${i + 1}`, amount: l.amount, tenor: l.tenor, disbursedOn: l.disbursedOn, purpose: 'modal usaha' }, scheduleFor(product, l)));
  const loanIds = await insertLoans(db, rows);
  const payments = loans.flatMap((l, i) => (l.payments ?? []).map(([paidOn, amount], k) => ({ cooperativeId: coop.id, loanId: loanIds[i] ?? 0, paidOn, amount, receiptNo: `${code}-R${i + 1}-${k + 1}` })));
  await insertRepayments(db, t.services, payments);
  return { coop, product, memberIds, loanIds, persons };
}
