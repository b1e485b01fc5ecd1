import { COLUMNS } from '../src/modules/registry/furnishing.columns.ts';
import { importRows } from '../src/modules/registry/furnishing.service.ts';
import type { FileRow } from '../src/modules/registry/furnishing.readers.ts';
import { seedUser, signInCookie, type TestInstance } from './harness.ts';

export type Cells = Partial<Record<(typeof COLUMNS)[number], string>>;

/** One furnished account: only what the figures depend on, the rest valid defaults. */
export function account(ref: string, outstanding: number, dpd: number, extra: Cells = {}): Cells {
  return {
    account_ref: ref, nik: '3316014501900001', full_name: 'Sri Wahyuni', birth_date: '1990-01-05', opened_on: '2025-01-15', original_amount: '50000000',
    tenor: '24', frequency: 'monthly', outstanding: String(outstanding), arrears: '0', days_past_due: String(dpd), status: 'active', ...extra,
  };
}

/** Furnishes accounts through the import path: a full file (source 'file') or single updates kept as versions (source 'api'). */
export async function furnish(t: TestInstance, cooperativeId: number, period: string, accounts: Cells[], fullFile = true) {
  const rows = (async function* (): AsyncGenerator<FileRow> {
    yield { row: 1, cells: [...COLUMNS] };
    let n = 1;
    for (const a of accounts) yield { row: ++n, cells: COLUMNS.map((c) => a[c] ?? '') };
  })();
  return importRows(t.services, { cooperativeId, period, source: fullFile ? 'file' : 'api', strict: !fullFile, fullFile, actor: null }, rows);
}

/** A dispute lodged on the line `accountRef`, resolved "removed" by its cooperative's pengurus through the route. */
export async function removeByDispute(t: TestInstance, accountRef: string): Promise<Response> {
  const line = await t.services.db.db.selectFrom('registry_accounts').select(['id', 'subject_key', 'cooperative_id']).where('account_ref', '=', accountRef).executeTakeFirstOrThrow();
  const dispute = await t.services.db.db.insertInto('registry_disputes').values({
    account_id: line.id, subject_key: line.subject_key, furnisher_cooperative_id: line.cooperative_id, opened_by_cooperative_id: null, opened_by: 'user:admin',
    reason_code: 'not_my_loan', opened_on: '2026-10-20', due_on: '2026-11-17', status: 'open', escalated_at: null, resolved_on: null, resolved_by: null,
  }).returning('id').executeTakeFirstOrThrow();
  const username = `pengurus-${line.cooperative_id}`;
  await seedUser(t, username, 'pengurus', line.cooperative_id);
  return t.request(`/api/registry/disputes/${dispute.id}/resolve`, { method: 'POST', cookie: await signInCookie(t, username), json: { outcome: 'removed' } });
}
