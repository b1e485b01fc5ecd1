import { COLUMNS } from '../src/modules/registry/furnishing.columns.ts';
import { importRows } from '../src/modules/registry/furnishing.service.ts';
import type { FileRow } from '../src/modules/registry/furnishing.readers.ts';
import type { TestInstance } from './harness.ts';

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
