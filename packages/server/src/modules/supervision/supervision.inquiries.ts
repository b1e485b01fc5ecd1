import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Inquiries a cooperative made per month and purpose: counts only, never whom it asked about. */
export interface InquiryMonth {
  month: string;
  purpose: string;
  inquiries: number;
}

export async function inquiryHistory(db: Kysely<Database>, cooperativeId: number, fromMonth: string): Promise<InquiryMonth[]> {
  const month = sql<string>`substr(created_at, 1, 7)`;
  const rows = await db
    .selectFrom('inquiries')
    .select((eb) => [month.as('month'), 'purpose', eb.fn.countAll().as('inquiries')])
    .where('cooperative_id', '=', cooperativeId)
    .where('created_at', '>=', `${fromMonth}-01`)
    .groupBy([month, 'purpose'])
    .orderBy(month, 'desc')
    .orderBy('purpose')
    .execute();
  return rows.map((r) => ({ month: r.month, purpose: r.purpose, inquiries: Number(r.inquiries) }));
}
