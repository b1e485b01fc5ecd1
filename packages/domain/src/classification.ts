/**
 * Loan classification (kolektibilitas) from days past due, driven by a policy table so each
 * regulator's or cooperative's rules are data, not code. Store raw DPD; derive the class.
 *
 * A policy lists classes best → worst. Each class's `maxDpd` is the highest DPD (inclusive)
 * it admits, per repayment frequency (a missing frequency falls back to `monthly`); the
 * worst class has `maxDpd: null` (no upper bound). Thresholds are compiled once per policy
 * object, so `classify` does no allocation.
 */
import { EngineError } from './errors.ts';
import type { Frequency } from './rates.ts';

/** Highest DPD (inclusive) per repayment frequency; `monthly` is the fallback. */
export interface DpdBands {
  readonly monthly: number;
  readonly daily?: number;
  readonly weekly?: number;
  readonly fortnightly?: number;
}

/** One class of a policy. `class` numbers rise as quality falls (1 = Lancar). */
export interface LoanClass {
  readonly class: number;
  readonly code: string;
  readonly name: string;
  readonly nonPerforming: boolean;
  /** Minimum allowance (PPAP) in per cent of the allowance base. */
  readonly allowancePercent: number;
  /** `null` only for the worst class: no upper bound. */
  readonly maxDpd: DpdBands | null;
}

/** A classification policy table. */
export interface ClassificationPolicy {
  readonly id: string;
  readonly name: string;
  readonly classes: readonly LoanClass[];
}

/** Facts that override DPD. */
export interface ClassificationOverrides {
  /** A loan sent to court is the worst class regardless of DPD. */
  readonly inCourt?: boolean;
  /**
   * A restructured loan cannot be better than `capClass` until it has `required`
   * consecutive on-time instalments since the restructuring.
   */
  readonly restructured?: {
    readonly capClass: number;
    readonly onTimeInstallmentsSince: number;
    readonly required: number;
  };
}

interface Compiled {
  readonly classes: readonly LoanClass[];
  /** thresholds[frequencyIndex][i] = maxDpd of class i (all but the worst). */
  readonly thresholds: readonly (readonly number[])[];
}

const FREQUENCY_ORDER: readonly Frequency[] = ['daily', 'weekly', 'fortnightly', 'monthly'];
const compiledPolicies = new WeakMap<ClassificationPolicy, Compiled>();

function fail(field: string, message: string, value?: unknown): never {
  throw new EngineError('invalid_policy', field, message, { value });
}

function checkClass(item: LoanClass, index: number, last: boolean, previous: LoanClass | undefined): void {
  const field = `classes[${index}]`;
  if (!Number.isInteger(item.class) || (previous !== undefined && item.class <= previous.class)) {
    fail(`${field}.class`, 'class numbers must be integers rising from best to worst', item.class);
  }
  if (!Number.isFinite(item.allowancePercent) || item.allowancePercent < 0 || item.allowancePercent > 100) {
    fail(`${field}.allowancePercent`, 'allowancePercent must be 0–100', item.allowancePercent);
  }
  if (last !== (item.maxDpd === null)) fail(`${field}.maxDpd`, 'only the worst class has no DPD upper bound', item.maxDpd);
}

function compile(policy: ClassificationPolicy): Compiled {
  const classes = policy.classes;
  if (classes.length === 0) fail('classes', 'a policy needs at least one class');
  classes.forEach((item, index) => checkClass(item, index, index === classes.length - 1, classes[index - 1]));
  const thresholds = FREQUENCY_ORDER.map((frequency) =>
    classes.slice(0, -1).map((item, index) => {
      const bands = item.maxDpd;
      const max = bands === null ? Infinity : (bands[frequency] ?? bands.monthly);
      if (!Number.isInteger(max) || max < 0) fail(`classes[${index}].maxDpd.${frequency}`, 'maxDpd must be a non-negative integer', max);
      return max;
    }),
  );
  for (const [f, row] of thresholds.entries()) {
    row.forEach((max, i) => {
      if (i > 0 && max <= (row[i - 1] ?? -1)) fail(`classes[${i}].maxDpd.${FREQUENCY_ORDER[f]}`, 'maxDpd must rise from class to class', max);
    });
  }
  return { classes, thresholds };
}

function compiled(policy: ClassificationPolicy): Compiled {
  let found = compiledPolicies.get(policy);
  if (found === undefined) {
    found = compile(policy);
    compiledPolicies.set(policy, found);
  }
  return found;
}

/** Throws `EngineError('invalid_policy')` unless the policy table is consistent. */
export function validatePolicy(policy: ClassificationPolicy): void {
  compiled(policy);
}

function frequencyIndex(frequency: Frequency): number {
  switch (frequency) {
    case 'daily':
      return 0;
    case 'weekly':
      return 1;
    case 'fortnightly':
      return 2;
    case 'monthly':
      return 3;
  }
}

function capIndex(table: Compiled, overrides: ClassificationOverrides): number {
  const restructured = overrides.restructured;
  if (restructured === undefined || restructured.onTimeInstallmentsSince >= restructured.required) return 0;
  const index = table.classes.findIndex((item) => item.class === restructured.capClass);
  if (index < 0) fail('overrides.restructured.capClass', 'capClass is not a class of the policy', restructured.capClass);
  return index;
}

/**
 * The class of a loan `dpd` days past due. Monotone in DPD: more days never give a better
 * class.
 *
 * @example classify(95, 'monthly', OJK_BANK).code // 'KL'
 * @example classify(0, 'monthly', OJK_BANK, { inCourt: true }).code // 'M'
 */
export function classify(
  dpd: number,
  frequency: Frequency,
  policy: ClassificationPolicy,
  overrides?: ClassificationOverrides,
): LoanClass {
  if (!(dpd >= 0)) fail('dpd', 'dpd must be a non-negative number', dpd);
  const table = compiled(policy);
  const thresholds = table.thresholds[frequencyIndex(frequency)] ?? [];
  const worst = table.classes.length - 1;
  let index = 0;
  if (overrides?.inCourt === true) index = worst;
  else {
    while (index < worst && dpd > (thresholds[index] ?? Infinity)) index++;
    if (overrides !== undefined) index = Math.max(index, capIndex(table, overrides));
  }
  const result = table.classes[index];
  if (result === undefined) fail('classes', 'policy has no classes');
  return result;
}

/** The class with `code` in a policy, or `undefined`. */
export function findClassByCode(policy: ClassificationPolicy, code: string): LoanClass | undefined {
  return policy.classes.find((item) => item.code === code);
}
