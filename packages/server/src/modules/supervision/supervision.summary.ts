import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { bandOf, OPEN_STATUSES, type BandGroup } from './supervision.aggregate.ts';

const SUMMARY_COLUMNS = ['cooperative_id', 'period', 'band', 'accounts', 'outstanding', 'min_dpd'] as const;
const num = (v: unknown): number => Number(v ?? 0);

/**
 * The summary rows as registry_history makes them: the open book (active/restructured,
 * outstanding > 0) by cooperative, month and DPD band, leaving out accounts a dispute
 * removed — the same selection the trend made when it scanned the history.
 */
function summaryRows(db: Kysely<Database>) {
  const band = bandOf(sql.ref('h.days_past_due'));
  const removed = db.selectFrom('registry_accounts').select('id').where(sql<boolean>`removed_on is not null`);
  return db
    .selectFrom('registry_accounts as a')
    .innerJoin('registry_history as h', 'h.account_id', 'a.id')
    .select((eb) => ['a.cooperative_id', 'h.period', band.as('band'), eb.fn.countAll().as('accounts'), eb.fn.sum('h.outstanding').as('outstanding'), eb.fn.min('h.days_past_due').as('min_dpd')])
    .where('h.status', 'in', OPEN_STATUSES)
    .where('h.outstanding', '>', 0)
    .where('h.account_id', 'not in', removed)
    .groupBy(['a.cooperative_id', 'h.period', band]);
}

/**
 * Recomputes the summary of one cooperative for the given months from registry_history.
 * Call it inside the transaction that changed those months' history (a furnishing batch,
 * the workspace feed), after the change: the summary then commits or rolls back with it.
 * Cost: one index walk over the cooperative's accounts per call, whatever the batch size.
 */
export async function refreshMonthlySummary(db: Kysely<Database>, cooperativeId: number, periods: readonly string[]): Promise<void> {
  const months = [...new Set(periods)];
  if (months.length === 0) return;
  await db.deleteFrom('supervision_monthly_summary').where('cooperative_id', '=', cooperativeId).where('period', 'in', months).execute();
  await db
    .insertInto('supervision_monthly_summary')
    .columns(SUMMARY_COLUMNS)
    .expression(summaryRows(db).where('a.cooperative_id', '=', cooperativeId).where('h.period', 'in', months))
    .execute();
}

/**
 * Recomputes the summary of several cooperatives for the given months in one statement (and
 * one delete): close of day's end on PostgreSQL, for every cooperative the run read. Per
 * cooperative, PostgreSQL plans a scan of the month's whole history once its statistics know
 * the month — a cooperative's accounts hold a small share of a month that is half the table —
 * so 200 cooperatives walked the month 200 times (25 s of the server's CPU a run at 100,000
 * loans, quadratic in the district); one statement walks it once. Same rows as
 * refreshMonthlySummary for each cooperative.
 */
export async function refreshMonthlySummaries(db: Kysely<Database>, cooperativeIds: readonly number[], periods: readonly string[]): Promise<void> {
  const months = [...new Set(periods)];
  if (months.length === 0 || cooperativeIds.length === 0) return;
  await db.deleteFrom('supervision_monthly_summary').where('cooperative_id', 'in', cooperativeIds).where('period', 'in', months).execute();
  await db
    .insertInto('supervision_monthly_summary')
    .columns(SUMMARY_COLUMNS)
    .expression(summaryRows(db).where('a.cooperative_id', 'in', cooperativeIds).where('h.period', 'in', months))
    .execute();
}

/** The (cooperative, months) of the summary that these accounts' history counts in. */
export interface SummaryScope {
  /** Recomputes those rows: call it after the accounts' change, in the same transaction. */
  refresh(): Promise<void>;
}

/**
 * For changes that are not a batch of one cooperative and month — a dispute removing a
 * line, retention deleting old accounts: notes where the accounts' history counts (before
 * the change, since a deletion takes the history with it) and recomputes it after.
 */
export async function monthlySummaryScope(db: Kysely<Database>, accountIds: readonly number[] | SelectQueryBuilder<Database, 'registry_accounts', { id: number }>): Promise<SummaryScope> {
  const rows = Array.isArray(accountIds) && accountIds.length === 0 ? [] : await db
    .selectFrom('registry_history as h')
    .innerJoin('registry_accounts as a', 'a.id', 'h.account_id')
    .select(['a.cooperative_id', 'h.period'])
    .distinct()
    .where('h.account_id', 'in', accountIds)
    .execute();
  const scope = new Map<number, string[]>();
  for (const r of rows) scope.set(Number(r.cooperative_id), [...(scope.get(Number(r.cooperative_id)) ?? []), r.period]);
  return {
    async refresh() {
      for (const [cooperativeId, periods] of scope) await refreshMonthlySummary(db, cooperativeId, periods);
    },
  };
}

/** Rebuilds the whole summary from registry_history: the migration's back-fill. */
export async function rebuildMonthlySummary(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('supervision_monthly_summary').execute();
  await db.insertInto('supervision_monthly_summary').columns(SUMMARY_COLUMNS).expression(summaryRows(db)).execute();
}

/** The trend's band groups from `fromPeriod` on, for the district or one cooperative, from the summary. */
export async function summaryTrendGroups(db: Kysely<Database>, fromPeriod: string, cooperativeId?: number): Promise<BandGroup[]> {
  let q = db
    .selectFrom('supervision_monthly_summary')
    .select((eb) => ['period', eb.fn.sum('accounts').as('accounts'), eb.fn.sum('outstanding').as('outstanding'), eb.fn.min('min_dpd').as('min_dpd')])
    .where('period', '>=', fromPeriod)
    .groupBy(['period', 'band']);
  if (cooperativeId !== undefined) q = q.where('cooperative_id', '=', cooperativeId);
  const rows = await q.execute();
  return rows.map((r) => ({ cooperativeId: cooperativeId ?? 0, period: r.period, frequency: 'monthly', accounts: num(r.accounts), outstanding: num(r.outstanding), minDpd: num(r.min_dpd) }));
}
