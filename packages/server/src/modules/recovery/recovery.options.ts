import { capacityToPay, EngineError, restructure, type Capacity, type Installment, type RestructuringPlan, type RestructuringResult } from '@simpul/domain';
import { decryptOptional } from '../../config/field-crypto.ts';
import type { Actor, Services } from '../../http/context.ts';
import { badRequest, conflict } from '../../http/errors.ts';
import { caseOrThrow, loanWithState } from './recovery.cases.ts';
import { borrowingElsewhere } from './recovery.registry.ts';
import type { RecoveryState } from './recovery.state.ts';

/** The plan fields an officer may set: the engine's plan without frequency or principal waivers. */
export interface PlanInput {
  tenor?: number | undefined;
  ratePercent?: number | undefined;
  method?: 'flat' | 'effective' | 'annuity' | undefined;
  waive?: { interest?: number | 'all' | undefined; penalty?: number | 'all' | undefined } | undefined;
  capitalise?: { interest?: boolean | undefined; penalty?: boolean | undefined } | undefined;
  gracePrincipal?: number | undefined;
  graceInterest?: number | undefined;
}

/** The engine plan of an input, leaving out what was not given (exactOptionalPropertyTypes). */
export function enginePlan(input: PlanInput): RestructuringPlan {
  const waive = input.waive && { ...(input.waive.interest !== undefined && { interest: input.waive.interest }), ...(input.waive.penalty !== undefined && { penalty: input.waive.penalty }) };
  const capitalise = input.capitalise && { ...(input.capitalise.interest !== undefined && { interest: input.capitalise.interest }), ...(input.capitalise.penalty !== undefined && { penalty: input.capitalise.penalty }) };
  return {
    ...(input.tenor !== undefined && { tenor: input.tenor }), ...(input.ratePercent !== undefined && { ratePercent: input.ratePercent }),
    ...(input.method !== undefined && { method: input.method }), ...(waive && { waive }), ...(capitalise && { capitalise }),
    ...(input.gracePrincipal !== undefined && { gracePrincipal: input.gracePrincipal }), ...(input.graceInterest !== undefined && { graceInterest: input.graceInterest }),
  };
}

/**
 * Runs the engine's restructuring of the loan's state under a plan. A plan the engine refuses,
 * or one that leaves interest or penalty arrears to pay at signing, is a 400: an executed
 * restructuring starts the loan afresh with nothing in arrears.
 */
export function simulate(state: RecoveryState, plan: PlanInput): RestructuringResult {
  let result: RestructuringResult;
  try {
    result = restructure(state.schedule, state.state, enginePlan(plan));
  } catch (error) {
    if (error instanceof EngineError) throw badRequest('restructuring_invalid_plan', { reason: error.message });
    throw error;
  }
  if (result.dueAtSigning.total > 0) throw badRequest('restructuring_leaves_arrears', { interest: result.dueAtSigning.interest, penalty: result.dueAtSigning.penalty });
  return result;
}

export interface OptionView {
  key: 'reschedule' | 'lower_rate' | 'capitalise' | 'grace' | 'waive_penalties';
  plan: PlanInput;
  ok: boolean;
  error: string | null;
  kinds: string[];
  principal: number;
  tenor: number;
  firstInstallment: number;
  largestInstallment: number;
  totalCost: number;
  difference: number;
  waived: number;
  capitalised: number;
  fitsCapacity: boolean;
  schedule: Installment[];
}

/** The five standard options for a loan in its current state; `tenor` is the rescheduling's length. */
function standardPlans(state: RecoveryState, tenor: number, ratePercent: number): [OptionView['key'], PlanInput][] {
  const remaining = state.state.installments.filter((r) => r.paidOffDate === null).length || 1;
  const both = { interest: true, penalty: true };
  return [
    ['reschedule', { tenor, capitalise: both }],
    ['lower_rate', { ratePercent, capitalise: both }],
    ['capitalise', { tenor: remaining, capitalise: both }],
    ['grace', { tenor: remaining + 3, gracePrincipal: 3, capitalise: both }],
    ['waive_penalties', { tenor: remaining, waive: { penalty: 'all' }, capitalise: { interest: true } }],
  ];
}

function optionOf(key: OptionView['key'], plan: PlanInput, state: RecoveryState, capacity: Capacity | null): OptionView {
  const empty = { kinds: [], principal: 0, tenor: 0, firstInstallment: 0, largestInstallment: 0, totalCost: 0, difference: 0, waived: 0, capitalised: 0, fitsCapacity: false, schedule: [] };
  try {
    const r = simulate(state, plan);
    const largest = Math.max(...r.schedule.installments.map((i) => i.total));
    return {
      key, plan, ok: true, error: null, kinds: [...r.kinds], principal: r.terms.principal, tenor: r.terms.tenor, firstInstallment: r.schedule.installments[0]?.total ?? 0,
      largestInstallment: largest, totalCost: r.comparison.totalUnderNewTerms, difference: r.comparison.difference, waived: r.waived.total, capitalised: r.capitalised.total,
      fitsCapacity: capacity !== null && largest <= capacity.maxInstallment, schedule: [...r.schedule.installments],
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { key, plan, ok: false, error: message, ...empty };
  }
}

/** Still to pay under the old schedule, as the engine compared it (new total − difference). */
function remainingOf(options: readonly OptionView[]): number | null {
  const ok = options.find((o) => o.ok);
  return ok ? ok.totalCost - ok.difference : null;
}

export interface OptionsInput {
  income?: number | undefined;
  expenses?: number | undefined;
  tenor?: number | undefined;
  ratePercent?: number | undefined;
}

/**
 * Capacity to pay and the options side by side. Income and expenses default to what the
 * member declared on the application; instalments at other cooperatives come from the
 * registry (the loan's consent covers the look-up).
 */
export async function restructuringOptions(services: Services, actor: Actor, caseId: number, input: OptionsInput) {
  const c = await caseOrThrow(services, actor, caseId);
  const { loan, state } = await loanWithState(services, actor, c.loan_id);
  if (!state) throw conflict('loan_wrong_status', { status: loan.status });
  const income = input.income ?? Number(decryptOptional(services.keys, loan.declared_income_enc) ?? 0);
  const expenses = input.expenses ?? Number(decryptOptional(services.keys, loan.declared_expenses_enc) ?? 0);
  const elsewhere = await borrowingElsewhere(services, c.cooperative_id, loan.member_id);
  const capacity = capacityToPay({ income, expenses, otherInstallments: elsewhere.monthlyInstallments, frequency: loan.frequency });
  const remaining = state.state.installments.filter((r) => r.paidOffDate === null).length || 1;
  const tenor = input.tenor ?? remaining * 2;
  const rate = input.ratePercent ?? Math.max(0, Math.round((loan.rate_percent / 2) * 100) / 100);
  const options = standardPlans(state, tenor, rate).map(([key, plan]) => optionOf(key, plan, state, capacity));
  return {
    asOf: state.columns.state_as_of, outstanding: state.columns.outstanding_principal, interestArrears: state.state.arrears.interest, penaltyArrears: state.state.arrears.penalty,
    remainingUnderOldTerms: remainingOf(options),
    capacity: { income, expenses, otherInstallments: elsewhere.monthlyInstallments, otherAccounts: elsewhere.accounts, ...capacity },
    options,
  };
}
