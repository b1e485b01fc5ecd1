import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { CAUSE_CODES, type CauseCode } from '../recovery/recovery.rules.ts';

/**
 * Problem-loan cases under one cause: how many cases recorded it (any status), how many of
 * them are still open, and the loans outstanding of those open cases. Counts and sums only:
 * no case, loan or member is named.
 */
export interface CauseLine {
  code: CauseCode;
  cases: number;
  openCases: number;
  outstanding: number;
}

/** Causes of a portfolio (a cooperative, a kecamatan, the district). A case may have several causes. */
export interface CauseSummary {
  /** Every case once, whatever its causes. */
  total: Omit<CauseLine, 'code'>;
  /** Cases with no cause recorded yet. */
  unrecorded: Omit<CauseLine, 'code'>;
  /** One line per cause of the taxonomy (recovery.rules.ts), in its order, zeros included. */
  causes: CauseLine[];
}

/** One cooperative's count under one cause code, or under null for "all cases" / "no cause". */
export interface CauseGroup {
  cooperativeId: number;
  /** A cause code, '*' for every case, '' for cases without a cause. */
  key: string;
  cases: number;
  openCases: number;
  outstanding: number;
}

const num = (v: unknown): number => Number(v ?? 0);

/**
 * Cases grouped by cooperative and cause, plus every case once ('*') and those without a
 * cause (''), in three grouped queries. A cause counts once per case (the recovery module
 * keeps one row per case and code; `distinct` makes it so regardless). Outstanding is the
 * loan's principal as the loan book holds it, for open cases only: what is still at stake.
 */
export async function causeGroups(db: Kysely<Database>, cooperativeId?: number): Promise<CauseGroup[]> {
  const open = sql<number>`case when k.status = 'open' then 1 else 0 end`;
  const atStake = sql<number>`case when k.status = 'open' then l.outstanding_principal else 0 end`;
  const distinctCauses = db.selectFrom('recovery_causes').select(['case_id', 'code']).distinct().as('c');
  let cases = db
    .selectFrom('recovery_cases as k')
    .innerJoin('loans as l', 'l.id', 'k.loan_id')
    .leftJoin(distinctCauses, 'c.case_id', 'k.id')
    .select((eb) => ['k.cooperative_id', eb.fn.coalesce('c.code', sql.lit('')).as('key'), eb.fn.countAll().as('cases'), eb.fn.sum(open).as('open_cases'), eb.fn.sum(atStake).as('outstanding')])
    .groupBy(['k.cooperative_id', 'c.code']);
  let all = db
    .selectFrom('recovery_cases as k')
    .innerJoin('loans as l', 'l.id', 'k.loan_id')
    .select((eb) => ['k.cooperative_id', sql.lit('*').as('key'), eb.fn.countAll().as('cases'), eb.fn.sum(open).as('open_cases'), eb.fn.sum(atStake).as('outstanding')])
    .groupBy('k.cooperative_id');
  if (cooperativeId !== undefined) {
    cases = cases.where('k.cooperative_id', '=', cooperativeId);
    all = all.where('k.cooperative_id', '=', cooperativeId);
  }
  const rows = [...(await cases.execute()), ...(await all.execute())];
  return rows.map((r) => ({ cooperativeId: num(r.cooperative_id), key: String(r.key), cases: num(r.cases), openCases: num(r.open_cases), outstanding: num(r.outstanding) }));
}

/** The cause summary over any set of cooperatives' groups: sums only, so a district is the sum of its cooperatives. */
export function causeSummary(groups: readonly CauseGroup[]): CauseSummary {
  const sum = (key: string) => {
    const line = { cases: 0, openCases: 0, outstanding: 0 };
    for (const g of groups) {
      if (g.key !== key) continue;
      line.cases += g.cases;
      line.openCases += g.openCases;
      line.outstanding += g.outstanding;
    }
    return line;
  };
  return { total: sum('*'), unrecorded: sum(''), causes: CAUSE_CODES.map((code) => ({ code, ...sum(code) })) };
}
