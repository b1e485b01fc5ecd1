import { addDays, DEFAULT_ALLOCATION_ORDER, loanStateOn, type Payment, type PenaltyRule, type Schedule } from '@simpul/domain';
import type { Insertable } from 'kysely';
import type { Services } from '../../http/context.ts';
import type { LoanProduct, LoansTable } from '../lending/lending.table.ts';
import { loanRow, scheduleFor, type ProductSpec } from './book-writer.ts';
import type { BookProfile } from './demo.district.ts';

/**
 * How the demo's borrowers repay: good payers on the due date (or a day or two early), late
 * payers some days after it with the denda, bad loans stop after a few instalments. The
 * loan's state on the demo's "today" (by the engine) tells whether it is paid off.
 */

const DENDA_AMOUNT = 10_000;
const DENDA_GRACE_DAYS = 5;
const DENDA: PenaltyRule = { kind: 'per_installment', basis: 'fixed', value: DENDA_AMOUNT, graceDays: DENDA_GRACE_DAYS };

/** The products every demo cooperative offers (classified by the four cooperative classes). */
export const DEMO_PRODUCTS: readonly ProductSpec[] = [
  { code: 'UMUM', name: 'Pinjaman Umum', method: 'flat', ratePercent: 1.5, frequency: 'monthly', maxTenor: 24, maxAmount: 25_000_000, multiple: 1000, penaltyRule: DENDA, classificationPreset: 'cooperative_4' },
  { code: 'PASAR', name: 'Pinjaman Pedagang Pasar', method: 'flat', ratePercent: 2, frequency: 'weekly', maxTenor: 50, maxAmount: 5_000_000, multiple: 500, penaltyRule: DENDA, classificationPreset: 'cooperative_4' },
  { code: 'PRODUKTIF', name: 'Kredit Usaha Tani', method: 'annuity', ratePercent: 1.25, frequency: 'monthly', maxTenor: 36, maxAmount: 50_000_000, multiple: 1000, penaltyRule: DENDA, classificationPreset: 'cooperative_4' },
];

export type Behaviour = 'good' | 'late' | 'bad';

export function behaviourOf(rng: () => number, profile: BookProfile): Behaviour {
  const r = rng();
  return r < profile.bad ? 'bad' : r < profile.bad + profile.late ? 'late' : 'good';
}

/** Days after the due date a late payer pays: monthly 3–20 (now and then 35–60), weekly 1–5. */
function lateness(rng: () => number, weekly: boolean): number {
  if (weekly) return 1 + Math.floor(rng() * 5);
  return rng() < 0.1 ? 35 + Math.floor(rng() * 26) : 3 + Math.floor(rng() * 18);
}

/** The repayments of a loan up to `today` for a behaviour; paid dates never go backwards. */
export function simulatePayments(rng: () => number, schedule: Schedule, behaviour: Behaviour, today: string): Payment[] {
  const payments: Payment[] = [];
  const weekly = schedule.terms.frequency === 'weekly';
  const stopAfter = behaviour === 'bad' ? Math.floor(rng() * 4) : Infinity;
  let last = schedule.terms.startDate;
  for (const row of schedule.installments) {
    if (payments.length >= stopAfter) break;
    const late = behaviour === 'late' ? lateness(rng, weekly) : 0;
    const early = behaviour === 'good' ? Math.floor(rng() * 3) : 0;
    let date = addDays(row.dueDate, late - early);
    if (date < last) date = last;
    if (date > today) break;
    payments.push({ date, amount: row.total + (late > DENDA_GRACE_DAYS ? DENDA_AMOUNT : 0) });
    last = date;
  }
  return payments;
}

export interface PlannedLoan {
  row: Insertable<LoansTable>;
  payments: Payment[];
}

/** A loan of `product` for a member, disbursed on `disbursedOn`, with its simulated repayments and status. */
export function planLoan(
  services: Services,
  rng: () => number,
  input: { cooperativeId: number; product: LoanProduct; memberId: number; loanNo: string; disbursedOn: string; behaviour: Behaviour; today: string },
): PlannedLoan {
  const { product } = input;
  const weekly = product.frequency === 'weekly';
  const tenor = weekly ? [10, 20, 25, 50][Math.floor(rng() * 4)] ?? 25 : [6, 10, 12, 18, 24][Math.floor(rng() * 5)] ?? 12;
  const steps = Math.floor(product.max_amount / 500_000);
  const amount = Math.max(1, Math.floor(rng() * rng() * steps) + 1) * 500_000;
  const spec = { memberId: input.memberId, loanNo: input.loanNo, amount, tenor, disbursedOn: input.disbursedOn, purpose: weekly ? 'modal dagang' : 'modal usaha' };
  const schedule = scheduleFor(product, spec);
  const payments = simulatePayments(rng, schedule, input.behaviour, input.today);
  const state = loanStateOn(schedule, payments, { asOf: input.today, penaltyRule: DENDA, allocationOrder: DEFAULT_ALLOCATION_ORDER });
  const settled = state.settled && state.settledOn !== null;
  const row = loanRow(services, input.cooperativeId, product, { ...spec, status: settled ? 'settled' : 'active', closedOn: settled ? state.settledOn : null }, schedule);
  return { row, payments };
}
