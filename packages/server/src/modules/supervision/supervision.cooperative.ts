import { businessDate } from '../../config/env.ts';
import type { Services } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { toCooperativeView, type CooperativeView } from '../cooperatives/cooperatives.profile.ts';
import { findCooperativeById } from '../cooperatives/cooperatives.repository.ts';
import { statusHistory, type StatusChangeView } from '../cooperatives/cooperatives.status.ts';
import { causeGroups, causeSummary, type CauseSummary } from './supervision.causes.ts';
import { currentBookGroups, writeOffGroups } from './supervision.aggregate.ts';
import { furnishingHistory, furnishingRecords } from './supervision.compliance.ts';
import { asPortfolioLoan, figuresOf, type Figures } from './supervision.figures.ts';
import { inquiryHistory, type InquiryMonth } from './supervision.inquiries.ts';
import { REGISTRY_POLICY, shiftPeriod } from './supervision.policy.ts';
import { trend, type TrendPoint } from './supervision.trend.ts';

export interface ClassLine {
  classCode: string;
  accounts: number;
  outstanding: number;
}

export interface CooperativeSupervision {
  cooperative: CooperativeView;
  asOf: string;
  figures: Figures;
  classes: ClassLine[];
  trend: TrendPoint[];
  causes: CauseSummary;
  lastPeriod: string | null;
  furnishing: Awaited<ReturnType<typeof furnishingHistory>>;
  inquiries: InquiryMonth[];
  statusHistory: StatusChangeView[];
}

/** The Dinas's page of one cooperative: its aggregates only, never a member or an account. */
export async function cooperativeSupervision(services: Services, id: number): Promise<CooperativeSupervision> {
  const db = services.db.reader;
  const coop = await findCooperativeById(db, id);
  if (!coop) throw notFound();
  const asOf = businessDate(services.now());
  const lastMonth = shiftPeriod(asOf.slice(0, 7), -1);
  const [book, writeOffs, records, batches, inquiries, history, points, causes] = await Promise.all([
    currentBookGroups(db, id), writeOffGroups(db, id), furnishingRecords(db, lastMonth, id), furnishingHistory(db, id),
    inquiryHistory(db, id, shiftPeriod(lastMonth, -11)), statusHistory(services, null, id), trend(db, lastMonth, id), causeGroups(db, id),
  ]);
  const classes = new Map<string, ClassLine>();
  book.forEach((g) => {
    const code = asPortfolioLoan(g).classCode;
    const line = classes.get(code) ?? { classCode: code, accounts: 0, outstanding: 0 };
    line.accounts += g.accounts;
    line.outstanding += g.outstanding;
    classes.set(code, line);
  });
  return {
    cooperative: toCooperativeView(coop, services.keys), asOf, figures: figuresOf(book, writeOffs), classes: REGISTRY_POLICY.classes.flatMap((c) => classes.get(c.code) ?? []),
    trend: points, causes: causeSummary(causes), lastPeriod: records.get(id)?.lastPeriod ?? null, furnishing: batches, inquiries, statusHistory: history,
  };
}
