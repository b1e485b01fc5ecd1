import { COLUMNS } from '../src/modules/registry/furnishing.columns.ts';

/** A valid row in COLUMNS order; override cells by column name. */
export function row(overrides: Partial<Record<(typeof COLUMNS)[number], string>> = {}): string {
  const base: Record<string, string> = {
    account_ref: 'PJ-001', nik: '3316014501900001', full_name: 'Sri Wahyuni', birth_date: '1990-01-05', product: 'Pinjaman Umum',
    opened_on: '2026-01-15', original_amount: '5000000', tenor: '12', frequency: 'monthly', instalment_amount: '470000',
    outstanding: '2350000', arrears: '0', days_past_due: '0', status: 'active', last_payment_on: '2026-10-10', closed_on: '',
    written_off_on: '', written_off_amount: '',
  };
  return COLUMNS.map((c) => {
    const v = overrides[c] ?? base[c] ?? '';
    return /[",]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  }).join(',');
}
export const csv = (...rows: string[]) => `${COLUMNS.join(',')}\n${rows.join('\n')}\n`;
