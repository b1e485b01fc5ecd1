import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { trendGroups } from './supervision.aggregate.ts';
import { figuresOf, groupBy } from './supervision.figures.ts';
import { shiftPeriod } from './supervision.policy.ts';

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

/**
 * The 24 months up to `lastMonth` from the registry history, for the district or one
 * cooperative; months nobody furnished show zero loans rather than disappearing.
 */
export async function trend(db: Kysely<Database>, lastMonth: string, cooperativeId?: number, months = 24): Promise<TrendPoint[]> {
  const from = shiftPeriod(lastMonth, -(months - 1));
  const byMonth = groupBy(await trendGroups(db, from, cooperativeId), (g) => g.period);
  const points: TrendPoint[] = [];
  for (let i = 0; i < months; i++) {
    const period = shiftPeriod(from, i);
    const f = figuresOf(byMonth.get(period) ?? []);
    points.push({ period, accounts: f.accounts, outstanding: f.outstanding, nplAmount: f.nplAmount, nplGross: f.nplGross, nplNet: f.nplNet, par30: f.par30 });
  }
  return points;
}
