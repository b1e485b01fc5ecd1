/**
 * Portfolio ratios. Every ratio is a FRACTION of total loans outstanding (0.05 = 5 %), the
 * denominator DOMAIN.md §5 prescribes (loans, not assets). An empty portfolio gives 0 for
 * every ratio — never NaN — and `allowanceCoverage` is `null` when there is no NPL to cover.
 *
 * - NPL gross = outstanding of non-performing classes (KL + D + M) ÷ loans
 * - NPL net = max(0, NPL − allowance on those loans) ÷ loans; the allowance is the booked one
 *   where given (OJK measures net NPL against allowances actually formed), else the required
 * - PAR30 / PAR90 = outstanding of loans more than 30 / 90 days past due ÷ loans
 * - weighted problem loans = (50 %·KL + 75 %·D + 100 %·M) ÷ loans (KSP health worksheet)
 * - allowance coverage = total allowance ÷ NPL amount
 */
import { assertMoney } from './money.ts';

/** One loan as the ratios need it. `classCode` is the policy's class code (L, DPK, KL, D, M). */
export interface PortfolioLoan {
  readonly outstanding: number;
  readonly dpd: number;
  readonly classCode: string;
  readonly nonPerforming: boolean;
  /** Required allowance (minor units). */
  readonly allowance: number;
  /** Allowance actually booked, if known. */
  readonly allowanceBooked?: number;
}

/** Cooperative health band by gross NPL (Kemenkop technical guide 15/2021). */
export type HealthBand = 'sehat' | 'cukup_sehat' | 'kurang_sehat' | 'tidak_sehat';

/** Indonesian labels of the health bands. */
export const HEALTH_BAND_LABELS: Readonly<Record<HealthBand, string>> = {
  sehat: 'Sehat',
  cukup_sehat: 'Cukup Sehat',
  kurang_sehat: 'Kurang Sehat',
  tidak_sehat: 'Tidak Sehat',
};

/** Weights of the weighted problem-loan ratio by class code. */
export const PROBLEM_LOAN_WEIGHTS: Readonly<Record<string, number>> = { KL: 0.5, D: 0.75, M: 1 };

/** Outstanding and count per class code. */
export interface ClassTotal {
  readonly count: number;
  readonly outstanding: number;
}

/** Portfolio figures; amounts in minor units, ratios as fractions. */
export interface PortfolioRatios {
  readonly loanCount: number;
  readonly totalOutstanding: number;
  readonly nplAmount: number;
  readonly nplGross: number;
  readonly nplNet: number;
  readonly par30: number;
  readonly par90: number;
  readonly weightedProblemLoanRatio: number;
  readonly allowanceRequired: number;
  readonly allowanceBooked: number;
  readonly allowanceCoverage: number | null;
  readonly healthBand: HealthBand;
  readonly byClass: Readonly<Record<string, ClassTotal>>;
}

/**
 * The health band of a gross NPL fraction: ≤ 5 % sehat, ≤ 10 % cukup sehat, ≤ 15 % kurang
 * sehat, above that tidak sehat (boundaries belong to the better band).
 *
 * @example healthBand(0.05) // 'sehat'
 */
export function healthBand(nplGross: number): HealthBand {
  if (nplGross <= 0.05) return 'sehat';
  if (nplGross <= 0.1) return 'cukup_sehat';
  if (nplGross <= 0.15) return 'kurang_sehat';
  return 'tidak_sehat';
}

/** The same bands decided in exact integer arithmetic on amounts. */
function healthBandOfAmounts(npl: number, total: number): HealthBand {
  const scaled = BigInt(npl) * 100n;
  const whole = BigInt(total);
  if (scaled <= whole * 5n) return 'sehat';
  if (scaled <= whole * 10n) return 'cukup_sehat';
  if (scaled <= whole * 15n) return 'kurang_sehat';
  return 'tidak_sehat';
}

interface Sums {
  count: number;
  total: number;
  npl: number;
  nplAllowance: number;
  par30: number;
  par90: number;
  weighted: number;
  required: number;
  booked: number;
  byClass: Record<string, { count: number; outstanding: number }>;
}

function addLoan(sums: Sums, loan: PortfolioLoan, index: number, weights: Readonly<Record<string, number>>): void {
  assertMoney(loan.outstanding, `loans[${index}].outstanding`, { min: 0 });
  assertMoney(loan.allowance, `loans[${index}].allowance`, { min: 0 });
  const booked = loan.allowanceBooked ?? loan.allowance;
  assertMoney(booked, `loans[${index}].allowanceBooked`, { min: 0 });
  sums.count++;
  sums.total += loan.outstanding;
  sums.required += loan.allowance;
  sums.booked += booked;
  if (loan.nonPerforming) {
    sums.npl += loan.outstanding;
    sums.nplAllowance += booked;
  }
  if (loan.dpd > 30) sums.par30 += loan.outstanding;
  if (loan.dpd > 90) sums.par90 += loan.outstanding;
  sums.weighted += (weights[loan.classCode] ?? 0) * loan.outstanding;
  const entry = (sums.byClass[loan.classCode] ??= { count: 0, outstanding: 0 });
  entry.count++;
  entry.outstanding += loan.outstanding;
}

/**
 * Ratios over a portfolio.
 *
 * @example
 * portfolioRatios([
 *   { outstanding: 90, dpd: 0, classCode: 'L', nonPerforming: false, allowance: 1 },
 *   { outstanding: 10, dpd: 200, classCode: 'M', nonPerforming: true, allowance: 10 },
 * ]).nplGross // 0.1
 */
export function portfolioRatios(
  loans: Iterable<PortfolioLoan>,
  options: { readonly weights?: Readonly<Record<string, number>> } = {},
): PortfolioRatios {
  const weights = options.weights ?? PROBLEM_LOAN_WEIGHTS;
  const sums: Sums = { count: 0, total: 0, npl: 0, nplAllowance: 0, par30: 0, par90: 0, weighted: 0, required: 0, booked: 0, byClass: {} };
  let index = 0;
  for (const loan of loans) addLoan(sums, loan, index++, weights);
  assertMoney(sums.total, 'totalOutstanding');
  const ratio = (amount: number): number => (sums.total === 0 ? 0 : amount / sums.total);
  return {
    loanCount: sums.count,
    totalOutstanding: sums.total,
    nplAmount: sums.npl,
    nplGross: ratio(sums.npl),
    nplNet: ratio(Math.max(0, sums.npl - sums.nplAllowance)),
    par30: ratio(sums.par30),
    par90: ratio(sums.par90),
    weightedProblemLoanRatio: ratio(sums.weighted),
    allowanceRequired: sums.required,
    allowanceBooked: sums.booked,
    allowanceCoverage: sums.npl === 0 ? null : sums.booked / sums.npl,
    healthBand: healthBandOfAmounts(sums.npl, sums.total),
    byClass: sums.byClass,
  };
}
