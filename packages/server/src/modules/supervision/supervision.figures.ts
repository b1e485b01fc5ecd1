import { allowanceForClass, classify, portfolioRatios, type Frequency, type HealthBand, type PortfolioLoan } from '@simpul/domain';
import type { BandGroup, WriteOffGroup } from './supervision.aggregate.ts';
import { REGISTRY_POLICY } from './supervision.policy.ts';

/** The supervision figures of a portfolio (one cooperative, a kecamatan, the district, a month). */
export interface Figures {
  accounts: number;
  outstanding: number;
  nplAmount: number;
  /** Fractions of loans outstanding (0.05 = 5 %). */
  nplGross: number;
  nplNet: number;
  par30: number;
  par90: number;
  allowance: number;
  allowanceCoverage: number | null;
  writtenOff: number;
  writeOffAccounts: number;
  recovered: number;
  /** null when there are no loans outstanding to judge. */
  healthBand: HealthBand | null;
}

const FREQUENCIES: readonly Frequency[] = ['daily', 'weekly', 'fortnightly', 'monthly'];
const frequencyOf = (f: string): Frequency => FREQUENCIES.find((x) => x === f) ?? 'monthly';

/**
 * A band group as one "loan" for the domain's ratio arithmetic: its outstanding, its class
 * under the registry policy, and the class's allowance on the group's outstanding. The
 * registry holds no collateral, so the allowance is the full minimum (rounded up per group).
 */
export function asPortfolioLoan(group: BandGroup): PortfolioLoan {
  const loanClass = classify(group.minDpd, frequencyOf(group.frequency), REGISTRY_POLICY);
  return {
    outstanding: group.outstanding,
    dpd: group.minDpd,
    classCode: loanClass.code,
    nonPerforming: loanClass.nonPerforming,
    allowance: allowanceForClass(group.outstanding, loanClass).amount,
  };
}

/**
 * Each group's loan, made once: on the dashboard the same group counts in its cooperative,
 * its kecamatan and the district, and the allowance's exact arithmetic is the costly part
 * (a province has ≈ 60,000 groups). Groups are never changed after SQL hands them over.
 */
const loans = new WeakMap<BandGroup, PortfolioLoan>();
function loanOf(group: BandGroup): PortfolioLoan {
  let loan = loans.get(group);
  if (!loan) loans.set(group, (loan = asPortfolioLoan(group)));
  return loan;
}

/** Figures over band groups and write-off groups, all through `portfolioRatios`. */
export function figuresOf(groups: readonly BandGroup[], writeOffs: readonly WriteOffGroup[] = []): Figures {
  const ratios = portfolioRatios(groups.map(loanOf));
  const sum = (f: (w: WriteOffGroup) => number) => writeOffs.reduce((s, w) => s + f(w), 0);
  return {
    accounts: groups.reduce((s, g) => s + g.accounts, 0),
    outstanding: ratios.totalOutstanding,
    nplAmount: ratios.nplAmount,
    nplGross: ratios.nplGross,
    nplNet: ratios.nplNet,
    par30: ratios.par30,
    par90: ratios.par90,
    allowance: ratios.allowanceRequired,
    allowanceCoverage: ratios.allowanceCoverage,
    writtenOff: sum((w) => w.writtenOff),
    writeOffAccounts: sum((w) => w.accounts),
    recovered: sum((w) => w.recovered),
    healthBand: ratios.totalOutstanding === 0 ? null : ratios.healthBand,
  };
}

/** Groups by a key (cooperative, month, kecamatan). */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}

/** Above the 5 % line, decided on amounts (npl × 100 > loans × 5), not on a rounded fraction. */
export function aboveNplLimit(f: Figures, limitPercent = 5): boolean {
  return f.outstanding > 0 && f.nplAmount * 100 > f.outstanding * limitPercent;
}
