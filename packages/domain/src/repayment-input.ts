/**
 * Validation and preparation of repayment input: allocation order, payments, due days.
 */
import { toDayNumber } from './dates.ts';
import { EngineError } from './errors.ts';
import { assertMoney } from './money.ts';
import type { AllocationComponent, Payment } from './repayment.ts';
import type { Schedule } from './schedule.ts';

const COMPONENTS: readonly AllocationComponent[] = ['penalty', 'interest', 'principal'];

/** Throws unless `order` lists penalty, interest and principal once each. */
export function checkOrder(order: readonly AllocationComponent[]): void {
  const valid = order.length === 3 && COMPONENTS.every((component) => order.includes(component));
  if (!valid) throw new EngineError('invalid_payment', 'allocationOrder', 'allocationOrder must list penalty, interest and principal once each', { value: order });
}

/** A payment with its date as a day number. */
export interface DatedPayment {
  readonly day: number;
  readonly amount: number;
}

/** Validates payments (none before disbursement) and sorts them by date, stably. */
export function normalizePayments(payments: readonly Payment[], startDay: number): DatedPayment[] {
  const dated = payments.map((payment, index) => {
    const field = `payments[${index}]`;
    const day = toDayNumber(payment.date, `${field}.date`);
    if (day < startDay) throw new EngineError('invalid_payment', `${field}.date`, 'payment dated before disbursement', { value: payment.date });
    assertMoney(payment.amount, `${field}.amount`, { min: 1 });
    return { day, amount: payment.amount };
  });
  return dated.sort((a, b) => a.day - b.day);
}

// Schedules are immutable; parsing their due dates once serves every evaluation.
const dueDayCache = new WeakMap<Schedule, readonly number[]>();

/** Day numbers of a schedule's due dates, parsed once per schedule. */
export function dueDaysOf(schedule: Schedule): readonly number[] {
  let days = dueDayCache.get(schedule);
  if (days === undefined) {
    days = schedule.installments.map((row) => toDayNumber(row.dueDate));
    dueDayCache.set(schedule, days);
  }
  return days;
}

