import { canonicalNik, parseNik } from '@simpul/domain';
import { isKnownDistrict } from '../reference/regions.ts';
import type { Column } from './furnishing.columns.ts';
import { cellText, isBlank, parseAmount, parseCode, parseCount, parseDate, type Cell, type Parsed } from './furnishing.values.ts';
import { ACCOUNT_STATUSES, FREQUENCIES, type AccountStatus, type Frequency } from './registry.table.ts';

/** One furnished account after validation: the only shape the registry writers accept. */
export interface FurnishedAccount {
  accountRef: string;
  nik: string;
  fullName: string;
  birthDate: string;
  product: string | null;
  openedOn: string;
  originalAmount: number;
  tenor: number | null;
  frequency: Frequency | null;
  instalmentAmount: number | null;
  outstanding: number;
  arrears: number;
  daysPastDue: number;
  status: AccountStatus;
  lastPaymentOn: string | null;
  closedOn: string | null;
  writtenOffOn: string | null;
  writtenOffAmount: number | null;
}

export interface RowIssue {
  row: number;
  column: Column | 'row';
  value: string;
  code: string;
  severity: 'error' | 'warning';
}

export type RowResult = { account: FurnishedAccount | null; issues: RowIssue[] };

const STATUS_ALIASES: Record<string, AccountStatus> = {
  aktif: 'active', lancar: 'active', berjalan: 'active', lunas: 'settled', ditutup: 'settled',
  restrukturisasi: 'restructured', direstrukturisasi: 'restructured', hapus_buku: 'written_off',
  dihapusbukukan: 'written_off', hapus_tagih: 'forgiven', dihapustagihkan: 'forgiven',
};
const FREQUENCY_ALIASES: Record<string, Frequency> = {
  harian: 'daily', mingguan: 'weekly', dua_mingguan: 'fortnightly', '2_mingguan': 'fortnightly', bulanan: 'monthly',
};

/** The month a file reports on, and its last day (no furnished date may be later). */
export function periodEnd(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${period}-${String(last).padStart(2, '0')}`;
}

export function isPeriod(period: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
}

/**
 * Validates one row: each cell parsed on its own, then the cross-field rules. A row with
 * any error is rejected whole; warnings are reported but do not reject.
 */
export function validateRow(row: number, get: (c: Column) => Cell, period: string, referenceYear: number): RowResult {
  const issues: RowIssue[] = [];
  const add = (column: Column | 'row', code: string, severity: 'error' | 'warning' = 'error') =>
    issues.push({ row, column, value: column === 'row' ? '' : cellText(get(column)), code, severity });

  function field<T>(column: Column, parse: (cell: Cell) => Parsed<T>, required: boolean): T | null {
    const cell = get(column);
    if (isBlank(cell)) {
      if (required) add(column, 'required');
      return null;
    }
    const parsed = parse(cell);
    if (parsed.ok) return parsed.value;
    add(column, parsed.code);
    return null;
  }
  const text = (column: Column, max: number, required: boolean) =>
    field(column, (cell) => {
      const value = cellText(cell);
      return value.length > max ? { ok: false, code: 'text_too_long' } : { ok: true, value };
    }, required);

  const accountRef = text('account_ref', 50, true);
  const nik = field('nik', (cell) => checkNik(cellText(cell), referenceYear), true);
  const fullName = text('full_name', 200, true);
  const birthDate = field('birth_date', parseDate, true);
  const product = text('product', 100, false);
  const openedOn = field('opened_on', parseDate, true);
  const originalAmount = field('original_amount', parseAmount, true);
  const tenor = field('tenor', (c) => parseCount(c, 10_000), false);
  const frequency = field('frequency', (c) => parseCode(c, FREQUENCIES, FREQUENCY_ALIASES), false);
  const instalmentAmount = field('instalment_amount', parseAmount, false);
  const outstanding = field('outstanding', parseAmount, true);
  const arrears = field('arrears', parseAmount, false) ?? 0;
  const daysPastDue = field('days_past_due', (c) => parseCount(c, 36_500), true);
  const status = field('status', (c) => parseCode(c, ACCOUNT_STATUSES, STATUS_ALIASES), true);
  const lastPaymentOn = field('last_payment_on', parseDate, false);
  const closedOn = field('closed_on', parseDate, false);
  const writtenOffOn = field('written_off_on', parseDate, false);
  const writtenOffAmount = field('written_off_amount', parseAmount, false);

  if (nik && typeof nik === 'object' && 'warnings' in nik) for (const w of nik.warnings) add('nik', w, 'warning');
  const nikValue = nik && typeof nik === 'object' ? nik.nik : null;
  if (nik && birthDate && nik.birthDate && nik.birthDate.slice(2) !== birthDate.slice(2)) add('birth_date', 'birth_date_differs_from_nik', 'warning');

  const end = periodEnd(period);
  for (const [column, date] of [['opened_on', openedOn], ['last_payment_on', lastPaymentOn], ['closed_on', closedOn], ['written_off_on', writtenOffOn]] as const) {
    if (date && date > end) add(column, 'date_after_period');
  }
  if (openedOn && closedOn && closedOn < openedOn) add('closed_on', 'closed_before_opened');
  if (birthDate && openedOn && birthDate >= openedOn) add('birth_date', 'born_after_opened');
  if (status === 'settled' && ((outstanding ?? 0) > 0 || arrears > 0 || (daysPastDue ?? 0) > 0)) add('status', 'settled_with_balance');
  if (status === 'written_off' && (!writtenOffOn || writtenOffAmount === null)) {
    add(writtenOffOn ? 'written_off_amount' : 'written_off_on', 'written_off_incomplete');
  }
  if (originalAmount !== null && originalAmount === 0) add('original_amount', 'zero_amount');
  if (originalAmount && outstanding !== null && outstanding > originalAmount) add('outstanding', 'outstanding_above_original', 'warning');

  if (issues.some((i) => i.severity === 'error')) return { account: null, issues };
  return {
    issues,
    account: {
      accountRef: accountRef ?? '', nik: nikValue ?? '', fullName: fullName ?? '', birthDate: birthDate ?? '', product,
      openedOn: openedOn ?? '', originalAmount: originalAmount ?? 0, tenor, frequency, instalmentAmount,
      outstanding: outstanding ?? 0, arrears, daysPastDue: daysPastDue ?? 0, status: status ?? 'active',
      lastPaymentOn, closedOn, writtenOffOn, writtenOffAmount,
    },
  };
}

interface NikCheck {
  nik: string;
  birthDate: string | null;
  warnings: string[];
}

function checkNik(text: string, referenceYear: number): Parsed<NikCheck> {
  const parsed = parseNik(canonicalNik(text), { referenceYear, isKnownRegion: isKnownDistrict });
  if (!parsed.ok) return { ok: false, code: parsed.code };
  return { ok: true, value: { nik: parsed.nik, birthDate: parsed.birthDate, warnings: parsed.warnings.map((w) => `nik_${w}`.replace('nik_nik_', 'nik_')) } };
}
