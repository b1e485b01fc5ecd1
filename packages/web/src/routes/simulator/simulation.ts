import {
  buildSchedule,
  effectiveAnnualRate,
  EngineError,
  type Frequency,
  type InterestMethod,
  type LoanTerms,
  type RatePeriod,
  type RoundingMode,
  type Schedule,
} from '@simpul/domain';

/** What the form holds; number inputs give '' while empty. */
export interface SimulatorValues {
  principal: number | string;
  ratePercent: number | string;
  ratePeriod: RatePeriod;
  tenor: number | string;
  method: InterestMethod;
  frequency: Frequency;
  startDate: string;
  gracePrincipal: number | string;
  graceInterest: number | string;
  multiple: number | string;
  rounding: RoundingMode;
}

/** Fields the engine may reject; each has a translated hint under `simulator.invalidField`. */
export const CHECKED_FIELDS = [
  'principal',
  'ratePercent',
  'tenor',
  'startDate',
  'gracePrincipal',
  'graceInterest',
  'multiple',
] as const;
export type CheckedField = (typeof CHECKED_FIELDS)[number];

export type Simulation =
  | { ok: true; schedule: Schedule; effectivePerYear: number }
  | { ok: false; field: CheckedField | 'other' };

/** Today in the browser's calendar, as the default disbursement date. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const DEFAULT_VALUES: SimulatorValues = {
  principal: 10_000_000,
  ratePercent: 1.5,
  ratePeriod: 'month',
  tenor: 12,
  method: 'flat',
  frequency: 'monthly',
  startDate: todayIso(),
  gracePrincipal: 0,
  graceInterest: 0,
  multiple: 1,
  rounding: 'half-even',
};

const toNumber = (value: number | string): number => (value === '' ? Number.NaN : Number(value));

/** The engine's terms for the form (rupiah: 0 decimals, so rupiah are the minor units). */
export function toTerms(values: SimulatorValues): LoanTerms {
  const multiple = toNumber(values.multiple);
  return {
    principal: toNumber(values.principal),
    ratePercent: toNumber(values.ratePercent),
    ratePeriod: values.ratePeriod,
    tenor: toNumber(values.tenor),
    method: values.method,
    frequency: values.frequency,
    startDate: values.startDate,
    gracePrincipal: toNumber(values.gracePrincipal),
    graceInterest: toNumber(values.graceInterest),
    decimals: 0,
    rounding: values.rounding,
    // 1 rupiah is no rounding at all; leave the engine's default (none).
    ...(multiple === 1 ? {} : { multiple }),
  };
}

/** Runs the pure loan engine in the browser; a rejected input names the field to fix. */
export function simulate(values: SimulatorValues): Simulation {
  try {
    const schedule = buildSchedule(toTerms(values));
    return { ok: true, schedule, effectivePerYear: effectiveAnnualRate(schedule) / 100 };
  } catch (error) {
    if (error instanceof EngineError) {
      const field = CHECKED_FIELDS.find((f) => f === error.field);
      return { ok: false, field: field ?? 'other' };
    }
    throw error;
  }
}
