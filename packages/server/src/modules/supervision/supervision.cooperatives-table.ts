import { sql } from 'kysely';
import type { HealthBand } from '@simpul/domain';
import { businessDate } from '../../config/env.ts';
import type { Services } from '../../http/context.ts';
import { currentBookGroups, writeOffGroups, type CooperativeScope } from './supervision.aggregate.ts';
import { furnishingRecords } from './supervision.compliance.ts';
import { cooperativeLine, cooperativeRows, type CooperativeFigures } from './supervision.dashboard.ts';
import { aboveNplLimit, groupBy } from './supervision.figures.ts';
import { NPL_LIMIT_PERCENT, shiftPeriod } from './supervision.policy.ts';

export const TABLE_SORTS = ['code', 'name', 'outstanding', 'nplGross', 'nplNet', 'par30'] as const;
export type TableSort = (typeof TABLE_SORTS)[number];

/** A page of the dashboard's cooperatives table: filters, order and page, all done here rather than in the browser. */
export interface TableQuery {
  page: number;
  pageSize: number;
  sort: TableSort;
  order: 'asc' | 'desc';
  /** Part of the code or the name, any case. */
  q?: string;
  /** Six-digit kecamatan code. */
  kecamatan?: string;
  band?: HealthBand | 'none';
  /** Only those above the NPL limit (5 %). */
  aboveLimit?: boolean;
}

export interface TablePage {
  total: number;
  page: number;
  pageSize: number;
  items: CooperativeFigures[];
}

/** An order the cooperatives table alone decides (code, name), so SQL can page it before any figure is computed. */
const registryColumn = (sort: TableSort): 'code' | 'name' | undefined => (sort === 'code' || sort === 'name' ? sort : undefined);

/** LIKE pattern for "contains", with the pattern's own wildcards taken literally. */
const contains = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filteredRows(services: Services, query: TableQuery) {
  let rows = cooperativeRows(services.db.reader);
  if (query.q) {
    const pattern = contains(query.q);
    rows = rows.where((eb) => eb.or([eb(sql`lower(code)`, 'like', sql`${pattern} escape '\\'`), eb(sql`lower(name)`, 'like', sql`${pattern} escape '\\'`)]));
  }
  if (query.kecamatan) rows = rows.where('kecamatan_code', '=', query.kecamatan);
  return rows;
}

/** Figures lines of `coops`, reading the book, write-offs and furnishing of `scope` only (all cooperatives when undefined). */
async function linesOf(services: Services, coops: Parameters<typeof cooperativeLine>[0][], scope?: CooperativeScope): Promise<CooperativeFigures[]> {
  const db = services.db.reader;
  const lastMonth = shiftPeriod(businessDate(services.now()).slice(0, 7), -1);
  const [book, writeOffs, furnishing] = await Promise.all([currentBookGroups(db, scope), writeOffGroups(db, scope), furnishingRecords(db, lastMonth, scope)]);
  const groups = groupBy(book, (g) => g.cooperativeId);
  const wo = groupBy(writeOffs, (w) => w.cooperativeId);
  return coops.map((c) => cooperativeLine(c, groups.get(c.id) ?? [], wo.get(c.id) ?? [], furnishing.get(c.id)));
}

const byFigure = (sort: TableSort, sign: number) => (a: CooperativeFigures, b: CooperativeFigures): number => {
  const key = sort as Exclude<TableSort, 'code' | 'name'>;
  return sign * (a[key] - b[key]) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
};

/**
 * One page of the cooperatives with their figures. Ordered by code or name and filtered by
 * name or kecamatan only, SQL pages the cooperatives and the figures are computed for that
 * page alone (the index is walked for those cooperatives only); ordered or filtered by a
 * figure, every cooperative's line is computed, then filtered, ordered and cut here.
 */
export async function cooperativesTable(services: Services, query: TableQuery): Promise<TablePage> {
  const offset = (query.page - 1) * query.pageSize;
  const page = (total: number, items: CooperativeFigures[]): TablePage => ({ total, page: query.page, pageSize: query.pageSize, items });
  const column = registryColumn(query.sort);
  if (column && query.band === undefined && query.aboveLimit === undefined) {
    const order = query.order;
    const [count, coops] = await Promise.all([
      filteredRows(services, query).clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      filteredRows(services, query).orderBy(column, order).orderBy('code', order).limit(query.pageSize).offset(offset).execute(),
    ]);
    return page(Number(count.n), await linesOf(services, coops, coops.map((c) => c.id)));
  }
  const all = await linesOf(services, await filteredRows(services, query).orderBy(column ?? 'code').orderBy('code').execute());
  const kept = all.filter(
    (l) => (query.band === undefined || (l.healthBand ?? 'none') === query.band) && (query.aboveLimit === undefined || aboveNplLimit(l, NPL_LIMIT_PERCENT) === query.aboveLimit),
  );
  const sign = query.order === 'asc' ? 1 : -1;
  if (!column) kept.sort(byFigure(query.sort, sign));
  else if (query.order === 'desc') kept.reverse();
  return page(kept.length, kept.slice(offset, offset + query.pageSize));
}
