import { addMonthsClamped, findClassByCode, portfolioRatios, type ClassificationPolicy, type PortfolioLoan, type PortfolioRatios } from '@simpul/domain';
import { businessDate } from '../../config/env.ts';
import type { Actor, Services } from '../../http/context.ts';
import { policyOf } from '../lending/loan-state.service.ts';
import { tenantOf } from '../lending/lending.access.ts';
import { lastClosedDate, stateHoldsOn } from '../lending/loan-state-date.ts';
import { activeLoans, classChangesSince, latestSnapshotDate, monthEndDates, snapshotSums, weekAgoDate, type ActiveLoan } from './portfolio.repository.ts';

/**
 * A cooperative's portfolio as close of day left it: outstanding, NPL gross and net against
 * the 5 % line with the health band, PAR30/PAR90, allowance, by class and by product, a
 * 12-month trend from the month-end snapshots, and the loans that moved to a worse class this
 * week. Every ratio comes from the domain's `portfolioRatios` — the arithmetic the Dinas view
 * uses too.
 */

/** OJK's binding limit on net NPL, and the Kemenkop "sehat" bound on gross NPL. */
export const NPL_LIMIT = 0.05;

export interface ClassLine {
  classCode: string;
  name: string;
  nonPerforming: boolean;
  count: number;
  outstanding: number;
  allowance: number;
}

export interface ProductLine {
  productId: number;
  code: string;
  name: string;
  count: number;
  outstanding: number;
  nplAmount: number;
  nplGross: number;
}

export interface TrendPoint {
  month: string;
  asOf: string;
  totalOutstanding: number;
  nplGross: number;
  nplNet: number;
  par30: number;
}

export interface Downgrade {
  loanId: number;
  loanNo: string;
  memberName: string;
  fromClass: string;
  toClass: string;
  daysPastDue: number;
  outstanding: number;
}

export interface Portfolio {
  asOf: string | null;
  nplLimit: number;
  ratios: Omit<PortfolioRatios, 'byClass'>;
  byClass: ClassLine[];
  byProduct: ProductLine[];
  trend: TrendPoint[];
  worsenedSince: string | null;
  worsened: Downgrade[];
}

/** The class of a stored code under a loan's preset (a loan never closed counts as the best class). */
function classOf(policy: ClassificationPolicy, code: string | null) {
  return (code === null ? undefined : findClassByCode(policy, code)) ?? policy.classes[0];
}

function asPortfolioLoan(preset: string, classCode: string | null, outstanding: number, dpd: number, allowance: number): PortfolioLoan {
  const cls = classOf(policyOf(preset), classCode);
  return { outstanding, dpd, classCode: cls?.code ?? 'L', nonPerforming: cls?.nonPerforming ?? false, allowance };
}

function byClass(loans: readonly ActiveLoan[], items: readonly PortfolioLoan[]): ClassLine[] {
  const lines = new Map<string, ClassLine & { rank: number }>();
  loans.forEach((loan, i) => {
    const item = items[i];
    if (!item) return;
    const cls = classOf(policyOf(loan.classification_preset), loan.class_code);
    const line = lines.get(item.classCode) ?? { classCode: item.classCode, name: cls?.name ?? item.classCode, nonPerforming: item.nonPerforming, count: 0, outstanding: 0, allowance: 0, rank: cls?.class ?? 0 };
    line.count++;
    line.outstanding += item.outstanding;
    line.allowance += item.allowance;
    lines.set(item.classCode, line);
  });
  return [...lines.values()].sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...line }) => line);
}

function byProduct(loans: readonly ActiveLoan[], items: readonly PortfolioLoan[]): ProductLine[] {
  const groups = new Map<number, { loan: ActiveLoan; items: PortfolioLoan[] }>();
  loans.forEach((loan, i) => {
    const item = items[i];
    if (!item) return;
    const group = groups.get(loan.product_id) ?? { loan, items: [] };
    group.items.push(item);
    groups.set(loan.product_id, group);
  });
  return [...groups.values()].map(({ loan, items: group }) => {
    const r = portfolioRatios(group);
    return { productId: loan.product_id, code: loan.product_code, name: loan.product_name, count: r.loanCount, outstanding: r.totalOutstanding, nplAmount: r.nplAmount, nplGross: r.nplGross };
  }).sort((a, b) => b.outstanding - a.outstanding);
}

/** Ratios per month-end from grouped snapshot sums: each group stands in for its loans (ratios are sums). */
async function trend(services: Services, cooperativeId: number, today: string): Promise<TrendPoint[]> {
  const from = addMonthsClamped(today, -11).slice(0, 7);
  const dates = await monthEndDates(services.db.reader, cooperativeId, from);
  const sums = await snapshotSums(services.db.reader, cooperativeId, dates);
  return dates.map((asOf) => {
    const groups = sums.filter((s) => s.as_of === asOf).map((s) => asPortfolioLoan(s.classification_preset, s.class_code, Number(s.outstanding), Number(s.dpd), Number(s.allowance)));
    const r = portfolioRatios(groups);
    return { month: asOf.slice(0, 7), asOf, totalOutstanding: r.totalOutstanding, nplGross: r.nplGross, nplNet: r.nplNet, par30: r.par30 };
  });
}

/** How many downgraded loans the dashboard lists (the worst first): a worklist, not a report. */
const WORSENED_SHOWN = 100;

/** Loans whose class is worse now than at the snapshot about a week ago, worst first. */
async function worsened(services: Services, cooperativeId: number, latest: string | undefined): Promise<{ since: string | null; loans: Downgrade[] }> {
  const since = latest ? await weekAgoDate(services.db.reader, cooperativeId, latest) : undefined;
  if (!since) return { since: null, loans: [] };
  const changes = await classChangesSince(services.db.reader, cooperativeId, since);
  const loans = changes
    .filter((c) => {
      const policy = policyOf(c.classification_preset);
      return (classOf(policy, c.class_code)?.class ?? 0) > (classOf(policy, c.previous_class)?.class ?? 0);
    })
    .map((c) => ({ loanId: c.id, loanNo: c.loan_no, memberName: c.full_name, fromClass: c.previous_class, toClass: c.class_code ?? '', daysPastDue: c.days_past_due, outstanding: c.outstanding_principal }))
    .sort((a, b) => b.daysPastDue - a.daysPastDue)
    .slice(0, WORSENED_SHOWN);
  return { since, loans };
}

/**
 * The dashboard of the actor's own cooperative (Dinas roles are refused by the route).
 *
 * @example (await portfolioOf(services, actor)).ratios.nplGross // 0.25
 */
export async function portfolioOf(services: Services, actor: Actor): Promise<Portfolio> {
  const cooperativeId = tenantOf(actor);
  const loans = await activeLoans(services.db.reader, cooperativeId);
  const items = loans.map((l) => asPortfolioLoan(l.classification_preset, l.class_code, l.outstanding_principal, l.days_past_due, l.allowance));
  const { byClass: _ignored, ...ratios } = portfolioRatios(items);
  const latest = await latestSnapshotDate(services.db.reader, cooperativeId);
  const lastClosed = await lastClosedDate(services.db.reader);
  const asOf = loans.reduce<string | null>((max, l) => {
    const holds = stateHoldsOn({ status: 'active', state_as_of: l.state_as_of }, lastClosed);
    return holds !== null && (max === null || holds > max) ? holds : max;
  }, null);
  const week = await worsened(services, cooperativeId, latest);
  return {
    asOf,
    nplLimit: NPL_LIMIT,
    ratios,
    byClass: byClass(loans, items),
    byProduct: byProduct(loans, items),
    trend: await trend(services, cooperativeId, latest ?? businessDate(services.now())),
    worsenedSince: week.since,
    worsened: week.loans,
  };
}
