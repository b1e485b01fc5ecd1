import { addDays } from '@simpul/domain';
import type { Services } from '../../http/context.ts';
import type { LoanProduct } from '../lending/lending.table.ts';
import { seededRandom } from '../registry/synthetic.ts';
import { insertLoans, insertMembers, insertProductRow, insertRepayments, type PersonRecord } from './book-writer.ts';
import type { DemoCooperativePlan } from './demo.district.ts';
import { behaviourOf, DEMO_PRODUCTS, planLoan, type PlannedLoan } from './demo.loans.ts';

/**
 * One demo cooperative's book: its products, members, 24 months of loans and repayments,
 * written in bulk. Members in `stacked` also borrow elsewhere: their loans here are recent,
 * so their loans at two or three cooperatives run at the same time.
 */

export interface BookInput {
  cooperativeId: number;
  plan: DemoCooperativePlan;
  members: readonly PersonRecord[];
  /** NIKs of members who borrow at several cooperatives at once. */
  stacked: ReadonlySet<string>;
  today: string;
  seed: number;
}

export interface BookTotals {
  members: number;
  loans: number;
  repayments: number;
}

const HISTORY_DAYS = 730;

/** When a member's loans were disbursed: one or two over the last 24 months, recent ones for stacked borrowers. */
function disbursements(rng: () => number, today: string, stacked: boolean): string[] {
  if (stacked) return [addDays(today, -(15 + Math.floor(rng() * 150)))];
  const r = rng();
  if (r < 0.05) return [];
  const first = addDays(today, -(1 + Math.floor(rng() * HISTORY_DAYS)));
  if (r < 0.75) return [first];
  const second = addDays(today, -(1 + Math.floor(rng() * 180)));
  return second > first ? [first, second] : [second, first];
}

function planLoans(services: Services, input: BookInput, products: readonly LoanProduct[], memberIds: readonly number[]): PlannedLoan[] {
  const rng = seededRandom(input.seed);
  const loans: PlannedLoan[] = [];
  input.members.forEach((person, i) => {
    for (const disbursedOn of disbursements(rng, input.today, input.stacked.has(person.nik))) {
      const product = products[rng() < 0.6 ? 0 : rng() < 0.5 ? 1 : 2] ?? products[0];
      if (!product) continue;
      const loanNo = `${input.plan.code}-${disbursedOn.slice(2, 4)}${disbursedOn.slice(5, 7)}-${String(loans.length + 1).padStart(5, '0')}`;
      const behaviour = behaviourOf(rng, input.plan.profile);
      loans.push(planLoan(services, rng, { cooperativeId: input.cooperativeId, product, memberId: memberIds[i] ?? 0, loanNo, disbursedOn, behaviour, today: input.today }));
    }
  });
  return loans;
}

/** Writes the cooperative's products, members, loans and repayments; returns what it wrote. */
export async function seedDemoBook(services: Services, input: BookInput): Promise<BookTotals> {
  const db = services.db.db;
  return db.transaction().execute(async (trx) => {
    const products: LoanProduct[] = [];
    for (const spec of DEMO_PRODUCTS) products.push(await insertProductRow(trx, services, input.cooperativeId, spec));
    const rng = seededRandom(input.seed + 1);
    const memberIds = await insertMembers(trx, services, input.cooperativeId, input.members.map((p, i) => ({
      ...p, memberNo: `A-${String(i + 1).padStart(6, '0')}`, joinedOn: addDays(input.today, -(HISTORY_DAYS + 30 + Math.floor(rng() * 1500))),
    })));
    const loans = planLoans(services, input, products, memberIds);
    const loanIds = await insertLoans(trx, loans.map((l) => l.row));
    const repayments = loans.flatMap((loan, i) => loan.payments.map((p, k) => ({
      cooperativeId: input.cooperativeId, loanId: loanIds[i] ?? 0, paidOn: p.date, amount: p.amount, receiptNo: `${String(loan.row.loan_no)}-${k + 1}`,
    })));
    await insertRepayments(trx, services, repayments);
    return { members: memberIds.length, loans: loanIds.length, repayments: repayments.length };
  });
}
