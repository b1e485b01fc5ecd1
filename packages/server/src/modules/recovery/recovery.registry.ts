import { PERIODS_PER_YEAR } from '@simpul/domain';
import { decryptField } from '../../config/field-crypto.ts';
import type { Services } from '../../http/context.ts';
import { subjectKey } from '../registry/pseudonym.ts';

/** The member's open accounts at other cooperatives, as the shared registry shows them. */
export interface BorrowingElsewhere {
  accounts: number;
  cooperatives: number;
  /** Their instalments as a monthly figure (weekly × 52 / 12 …), minor units, rounded down. */
  monthlyInstallments: number;
}

/**
 * Looks the member up in the registry by subject key. The NIK is decrypted only to compute
 * the key, here, in memory; it is never stored or logged. Only open accounts count
 * (active or restructured) — a settled or written-off loan is history, not a burden.
 */
export async function borrowingElsewhere(services: Services, cooperativeId: number, memberId: number): Promise<BorrowingElsewhere> {
  const member = await services.db.db.selectFrom('members').select('nik_enc').where('cooperative_id', '=', cooperativeId).where('id', '=', memberId).executeTakeFirst();
  if (!member) return { accounts: 0, cooperatives: 0, monthlyInstallments: 0 };
  const key = subjectKey(services.keys, decryptField(services.keys, member.nik_enc));
  const rows = await services.db.db
    .selectFrom('registry_accounts')
    .select(['cooperative_id', 'instalment_amount', 'frequency'])
    .where('subject_key', '=', key)
    .where('cooperative_id', '<>', cooperativeId)
    .where('status', 'in', ['active', 'restructured'])
    .execute();
  let monthly = 0;
  for (const r of rows) monthly += Math.floor(((r.instalment_amount ?? 0) * PERIODS_PER_YEAR[r.frequency ?? 'monthly']) / 12);
  return { accounts: rows.length, cooperatives: new Set(rows.map((r) => r.cooperative_id)).size, monthlyInstallments: monthly };
}
