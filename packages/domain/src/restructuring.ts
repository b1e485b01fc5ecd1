/**
 * Restructuring a problem loan from its state on a date (DOMAIN.md §6), in any mix of:
 * - penjadwalan kembali (rescheduling): a new tenor or frequency;
 * - persyaratan kembali (reconditioning): a lower rate or another method, waiving part of
 *   the interest arrears, the penalties or the principal;
 * - penataan kembali (restructuring): capitalising interest arrears and/or penalties into
 *   the new principal, grace periods.
 * Arrears neither waived nor capitalised are due when the agreement is signed. The new
 * schedule starts on the state's date; the old terms fill in whatever the plan leaves out.
 */
import { EngineError } from './errors.ts';
import type { LoanState } from './loan-state.ts';
import type { RoundingMode } from './money.ts';
import type { Frequency, RatePeriod } from './rates.ts';
import { buildSchedule } from './schedule.ts';
import type { InterestMethod, LoanTerms, Schedule } from './schedule.ts';

/** An amount in minor units, or everything available. */
export type WaiveAmount = number | 'all';

/** What the parties agreed. Every field is optional; at least one must change the loan. */
export interface RestructuringPlan {
  readonly tenor?: number;
  readonly frequency?: Frequency;
  readonly ratePercent?: number;
  readonly ratePeriod?: RatePeriod;
  readonly method?: InterestMethod;
  readonly waive?: { readonly interest?: WaiveAmount; readonly penalty?: WaiveAmount; readonly principal?: WaiveAmount };
  readonly capitalise?: { readonly interest?: boolean; readonly penalty?: boolean };
  readonly gracePrincipal?: number;
  readonly graceInterest?: number;
  readonly multiple?: number;
  readonly rounding?: RoundingMode;
}

/** The three kinds of restructuring (they combine). */
export type RestructuringKind = 'rescheduling' | 'reconditioning' | 'restructuring';

/** Interest, penalty and principal parts with their total. */
export interface RestructuringParts {
  readonly interest: number;
  readonly penalty: number;
  readonly principal: number;
  readonly total: number;
}

/** The outcome: new terms and schedule, what was waived or capitalised, and the cost. */
export interface RestructuringResult {
  readonly kinds: readonly RestructuringKind[];
  readonly terms: LoanTerms;
  readonly schedule: Schedule;
  readonly waived: RestructuringParts;
  readonly capitalised: RestructuringParts;
  readonly dueAtSigning: RestructuringParts;
  readonly comparison: {
    /** Still to pay under the old schedule: unpaid principal, interest and penalties so far. */
    readonly remainingUnderOldTerms: number;
    /** Due at signing plus the new schedule's total. */
    readonly totalUnderNewTerms: number;
    /** New minus old: negative means the member pays less overall. */
    readonly difference: number;
  };
}

function fail(field: string, message: string, value?: unknown): never {
  throw new EngineError('invalid_restructuring', field, message, { value });
}

function waiveAmount(field: string, requested: WaiveAmount | undefined, available: number): number {
  if (requested === undefined) return 0;
  const amount = requested === 'all' ? available : requested;
  if (!Number.isSafeInteger(amount) || amount < 0 || amount > available) {
    fail(`waive.${field}`, `can waive 0 to ${available}`, requested);
  }
  return amount;
}

function parts(interest: number, penalty: number, principal: number): RestructuringParts {
  return { interest, penalty, principal, total: interest + penalty + principal };
}

function remainingUnderOldTerms(state: LoanState): number {
  let remaining = state.arrears.penalty;
  for (const row of state.installments) {
    remaining += row.principal - row.paidPrincipal + row.interest - row.paidInterest - row.waivedInterest;
  }
  return remaining;
}

function remainingInstallments(state: LoanState): number {
  return state.installments.filter((row) => row.principal + row.interest > row.paidPrincipal + row.paidInterest + row.waivedInterest).length;
}

function kindsOf(old: Schedule, plan: RestructuringPlan, waived: RestructuringParts, capitalised: RestructuringParts, fresh: Schedule): RestructuringKind[] {
  const kinds: RestructuringKind[] = [];
  const oldEnd = old.installments.at(-1)?.dueDate ?? old.terms.startDate;
  const newEnd = fresh.installments.at(-1)?.dueDate ?? fresh.terms.startDate;
  if (plan.tenor !== undefined || plan.frequency !== undefined || newEnd > oldEnd) kinds.push('rescheduling');
  const rateChanged = plan.ratePercent !== undefined || plan.ratePeriod !== undefined || plan.method !== undefined;
  if (rateChanged || waived.total > 0) kinds.push('reconditioning');
  if (capitalised.total > 0 || (plan.gracePrincipal ?? 0) > 0 || (plan.graceInterest ?? 0) > 0) kinds.push('restructuring');
  return kinds;
}

function newTerms(old: Schedule, state: LoanState, plan: RestructuringPlan, principal: number): LoanTerms {
  const base = old.terms;
  return {
    principal,
    ratePercent: plan.ratePercent ?? base.ratePercent,
    ratePeriod: plan.ratePeriod ?? base.ratePeriod,
    tenor: plan.tenor ?? Math.max(1, remainingInstallments(state)),
    method: plan.method ?? base.method,
    frequency: plan.frequency ?? base.frequency,
    startDate: state.asOf,
    gracePrincipal: plan.gracePrincipal ?? 0,
    graceInterest: plan.graceInterest ?? 0,
    decimals: base.decimals,
    rounding: plan.rounding ?? base.rounding,
    multipleRounding: base.multipleRounding,
    ...(plan.multiple !== undefined ? { multiple: plan.multiple } : base.multiple !== null ? { multiple: base.multiple } : {}),
  };
}

/**
 * Builds the restructured loan from `state` (from `loanStateOn` on the restructuring date).
 *
 * @example
 * restructure(schedule, state, { tenor: 24, waive: { penalty: 'all' }, capitalise: { interest: true } })
 */
export function restructure(schedule: Schedule, state: LoanState, plan: RestructuringPlan): RestructuringResult {
  if (state.settled) fail('state', 'the loan is already settled');
  const waived = parts(
    waiveAmount('interest', plan.waive?.interest, state.arrears.interest),
    waiveAmount('penalty', plan.waive?.penalty, state.arrears.penalty),
    waiveAmount('principal', plan.waive?.principal, state.outstandingPrincipal),
  );
  const interestLeft = state.arrears.interest - waived.interest;
  const penaltyLeft = state.arrears.penalty - waived.penalty;
  const capitalised = parts(plan.capitalise?.interest === true ? interestLeft : 0, plan.capitalise?.penalty === true ? penaltyLeft : 0, 0);
  const dueAtSigning = parts(interestLeft - capitalised.interest, penaltyLeft - capitalised.penalty, 0);
  // Principal in arrears stays principal: it is rescheduled, not due at signing.
  const principal = state.outstandingPrincipal - waived.principal + capitalised.total;
  if (principal <= 0) fail('waive.principal', 'nothing left to schedule: record a forgiveness (hapus tagih) instead');
  const terms = newTerms(schedule, state, plan, principal);
  const fresh = buildSchedule(terms);
  const kinds = kindsOf(schedule, plan, waived, capitalised, fresh);
  if (kinds.length === 0) fail('plan', 'the plan changes nothing');
  const remaining = remainingUnderOldTerms(state);
  const totalNew = dueAtSigning.total + fresh.totals.total;
  return {
    kinds, terms, schedule: fresh, waived, capitalised, dueAtSigning,
    comparison: { remainingUnderOldTerms: remaining, totalUnderNewTerms: totalNew, difference: totalNew - remaining },
  };
}
