import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { historyTrendGroups, type BandGroup } from './supervision.aggregate.ts';
import { figuresOf, groupBy } from './supervision.figures.ts';
import { policyUsesFrequency, shiftPeriod } from './supervision.policy.ts';
import { summaryTrendGroups } from './supervision.summary.ts';

/** One month of the trend. */
export interface TrendPoint {
  period: string;
  accounts: number;
  outstanding: number;
  nplAmount: number;
  nplGross: number;
  nplNet: number;
  par30: number;
}

/** The first month of the `months` up to `lastMonth`. */
export const trendStart = (lastMonth: string, months = 24): string => shiftPeriod(lastMonth, -(months - 1));

/** Trend points of `months` months from `from`, from band groups; months without groups show zero loans. */
export function trendPoints(groups: readonly BandGroup[], from: string, months = 24): TrendPoint[] {
  const byMonth = groupBy(groups, (g) => g.period);
  const points: TrendPoint[] = [];
  for (let i = 0; i < months; i++) {
    const period = shiftPeriod(from, i);
    const f = figuresOf(byMonth.get(period) ?? []);
    points.push({ period, accounts: f.accounts, outstanding: f.outstanding, nplAmount: f.nplAmount, nplGross: f.nplGross, nplNet: f.nplNet, par30: f.par30 });
  }
  return points;
}

/**
 * The 24 months up to `lastMonth`, for the district or one cooperative, from the monthly
 * summary (the registry history is scanned only when the policy's bands depend on the
 * repayment frequency, which the summary does not keep).
 */
export async function trend(db: Kysely<Database>, lastMonth: string, cooperativeId?: number, months = 24): Promise<TrendPoint[]> {
  const from = trendStart(lastMonth, months);
  const groups = policyUsesFrequency() ? await historyTrendGroups(db, from, cooperativeId) : await summaryTrendGroups(db, from, cooperativeId);
  return trendPoints(groups, from, months);
}
