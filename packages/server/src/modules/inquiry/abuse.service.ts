import { sql } from 'kysely';
import type { Services } from '../../http/context.ts';

/** How long an inquiry for a new loan may wait for the account it was made for. */
export const FOLLOW_UP_DAYS = 60;
const DAY_MS = 86_400_000;

export interface AbuseFlag {
  cooperativeId: number;
  code: string;
  name: string;
  /** New-loan inquiries made 60–150 days ago (old enough to judge). */
  judgedInquiries: number;
  /** Of those, how many were followed by no account at that cooperative for that person. */
  unfollowed: number;
  unfollowedShare: number;
  /** Inquiries of any lending purpose in the last 30 days, and the cooperative's own 30-day average over the 180 days before. */
  last30Days: number;
  baseline30Days: number;
  flags: ('fishing' | 'unusual_volume')[];
}

/**
 * Abuse watch for the Dinas: per cooperative, new-loan inquiries not followed by an account
 * within 60 days ("fishing"), and an unusual volume of inquiries against the cooperative's
 * own recent baseline. Counts only — never whom was asked about. A follow-up is an account
 * the same cooperative furnished for the same `subject_key` opened on or after the inquiry
 * day (workspace loans reach the registry through the workspace feed).
 *
 * Flags: fishing when ≥ 5 judged inquiries went unfollowed and they are at least half;
 * unusual volume when the last 30 days hold ≥ 20 inquiries and more than 3 × the baseline.
 */
export async function inquiryAbuseFlags(services: Services, options: { cooperativeId?: number } = {}): Promise<AbuseFlag[]> {
  const now = services.now().getTime();
  const iso = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();
  const db = services.db.reader;
  const followedUp = sql<number>`case when exists (select 1 from registry_accounts a where a.subject_key = i.subject_key and a.cooperative_id = i.cooperative_id and a.opened_on >= substr(i.created_at, 1, 10)) then 0 else 1 end`;
  let judged = db
    .selectFrom('inquiries as i')
    .select((eb) => ['i.cooperative_id', eb.fn.countAll<number>().as('total'), eb.fn.sum<number>(followedUp).as('unfollowed')])
    .where('i.purpose', '=', 'new_loan')
    .where('i.created_at', '>=', iso(FOLLOW_UP_DAYS + 90))
    .where('i.created_at', '<', iso(FOLLOW_UP_DAYS))
    .where('i.cooperative_id', 'is not', null)
    .groupBy('i.cooperative_id');
  let volume = db
    .selectFrom('inquiries as i')
    .select((eb) => [
      'i.cooperative_id',
      eb.fn.sum<number>(sql`case when i.created_at >= ${iso(30)} then 1 else 0 end`).as('recent'),
      eb.fn.sum<number>(sql`case when i.created_at < ${iso(30)} then 1 else 0 end`).as('before'),
    ])
    .where('i.purpose', 'in', ['new_loan', 'account_review', 'restructuring'])
    .where('i.created_at', '>=', iso(210))
    .where('i.cooperative_id', 'is not', null)
    .groupBy('i.cooperative_id');
  if (options.cooperativeId !== undefined) {
    judged = judged.where('i.cooperative_id', '=', options.cooperativeId);
    volume = volume.where('i.cooperative_id', '=', options.cooperativeId);
  }
  const [j, v, coops] = await Promise.all([judged.execute(), volume.execute(), db.selectFrom('cooperatives').select(['id', 'code', 'name']).execute()]);
  // By cooperative id, so a province of 10,000 cooperatives is not matched pair by pair.
  const judgedBy = new Map(j.map((r) => [Number(r.cooperative_id), r]));
  const volumeBy = new Map(v.map((r) => [Number(r.cooperative_id), r]));
  return coops.flatMap((c) => {
    const jr = judgedBy.get(c.id);
    const vr = volumeBy.get(c.id);
    if (!jr && !vr) return [];
    const total = Number(jr?.total ?? 0);
    const unfollowed = Number(jr?.unfollowed ?? 0);
    const last30 = Number(vr?.recent ?? 0);
    const baseline = Math.round((Number(vr?.before ?? 0) / 6) * 10) / 10;
    const flags: AbuseFlag['flags'] = [];
    if (unfollowed >= 5 && unfollowed * 2 >= total) flags.push('fishing');
    if (last30 >= 20 && last30 > 3 * baseline) flags.push('unusual_volume');
    return [{ cooperativeId: c.id, code: c.code, name: c.name, judgedInquiries: total, unfollowed, unfollowedShare: total ? Math.round((unfollowed / total) * 1000) / 1000 : 0, last30Days: last30, baseline30Days: baseline, flags }];
  });
}
