import { canonicalNik, parseNik, type ParseNikOptions, type ParsedNik } from '@simpul/domain';
import { isKnownDistrict } from '../reference/regions.ts';
import type { Column } from './furnishing.columns.ts';
import { isShortDigits, isoDate } from './furnishing.scalars.ts';
import { FREQUENCY_ALIASES, periodEnd, STATUS_ALIASES, type FurnishedAccount, type RowIssue } from './furnishing.validate.ts';
import { cellText, isBlank, MAX_AMOUNT, parseAmount, parseCode, parseCount, parseDate, type Cell, type Parsed } from './furnishing.values.ts';
import { ACCOUNT_STATUSES, FREQUENCIES } from './registry.table.ts';

const STATUS_SET: ReadonlySet<string> = new Set(ACCOUNT_STATUSES);
const FREQUENCY_SET: ReadonlySet<string> = new Set(FREQUENCIES);

/**
 * Validates the rows of one file: each cell parsed on its own, then the cross-field rules.
 * A row with any error is rejected whole; warnings are reported but do not reject.
 *
 * One instance per file, reused for every row — the period's last day and the NIK options
 * are worked out once, and no closure or result object is made per row (a million rows
 * made that the larger half of an import's CPU time). Plain string cells take the fast
 * paths of furnishing.scalars.ts; anything else goes through the full parsers.
 */
export class RowValidator {
  private readonly end: string;
  private readonly nikOptions: ParseNikOptions;
  private cells: readonly Cell[] = [];
  private row = 0;
  private issues: RowIssue[] = [];
  private errors = 0;

  constructor(private readonly indexes: Partial<Record<Column, number>>, period: string) {
    this.end = periodEnd(period);
    this.nikOptions = { referenceYear: Number(period.slice(0, 4)), isKnownRegion: isKnownDistrict };
  }

  /** Validates one row, appending its findings to `issues`; null when the row has an error. */
  validate(row: number, cells: readonly Cell[], issues: RowIssue[]): FurnishedAccount | null {
    this.row = row;
    this.cells = cells;
    this.issues = issues;
    this.errors = 0;
    const accountRef = this.text('account_ref', 50, true);
    const nik = this.nik();
    const fullName = this.text('full_name', 200, true);
    const birthDate = this.date('birth_date', true);
    const product = this.text('product', 100, false);
    const openedOn = this.date('opened_on', true);
    const originalAmount = this.amount('original_amount', true);
    const tenor = this.count('tenor', 10_000, false);
    const frequency = this.code('frequency', FREQUENCY_SET, FREQUENCIES, FREQUENCY_ALIASES);
    const instalmentAmount = this.amount('instalment_amount', false);
    const outstanding = this.amount('outstanding', true);
    const arrears = this.amount('arrears', false) ?? 0;
    const daysPastDue = this.count('days_past_due', 36_500, true);
    const status = this.code('status', STATUS_SET, ACCOUNT_STATUSES, STATUS_ALIASES, true);
    const lastPaymentOn = this.date('last_payment_on', false);
    const closedOn = this.date('closed_on', false);
    const writtenOffOn = this.date('written_off_on', false);
    const writtenOffAmount = this.amount('written_off_amount', false);

    if (nik) this.nikWarnings(nik, birthDate);
    this.after('opened_on', openedOn);
    this.after('last_payment_on', lastPaymentOn);
    this.after('closed_on', closedOn);
    this.after('written_off_on', writtenOffOn);
    if (openedOn && closedOn && closedOn < openedOn) this.add('closed_on', 'closed_before_opened');
    if (birthDate && openedOn && birthDate >= openedOn) this.add('birth_date', 'born_after_opened');
    if (status === 'settled' && ((outstanding ?? 0) > 0 || arrears > 0 || (daysPastDue ?? 0) > 0)) this.add('status', 'settled_with_balance');
    if (status === 'written_off' && (!writtenOffOn || writtenOffAmount === null)) {
      this.add(writtenOffOn ? 'written_off_amount' : 'written_off_on', 'written_off_incomplete');
    }
    if (originalAmount !== null && originalAmount === 0) this.add('original_amount', 'zero_amount');
    if (originalAmount && outstanding !== null && outstanding > originalAmount) this.add('outstanding', 'outstanding_above_original', 'warning');
    if (this.errors > 0) return null;
    return {
      accountRef: accountRef ?? '', nik: nik?.nik ?? '', fullName: fullName ?? '', birthDate: birthDate ?? '', product,
      openedOn: openedOn ?? '', originalAmount: originalAmount ?? 0, tenor, frequency, instalmentAmount,
      outstanding: outstanding ?? 0, arrears, daysPastDue: daysPastDue ?? 0, status: status ?? 'active',
      lastPaymentOn, closedOn, writtenOffOn, writtenOffAmount,
    };
  }

  /** Records a finding; its value is the cell as the furnisher wrote it. */
  add(column: Column | 'row', code: string, severity: 'error' | 'warning' = 'error'): void {
    this.issues.push({ row: this.row, column, value: column === 'row' ? '' : cellText(this.cell(column)), code, severity });
    if (severity === 'error') this.errors++;
  }

  private cell(column: Column): Cell {
    const i = this.indexes[column];
    return i === undefined ? null : this.cells[i];
  }

  /** A blank cell: an error when the column is required, else simply no value. */
  private missing(column: Column, required: boolean): null {
    if (required) this.add(column, 'required');
    return null;
  }

  /** The outcome of a full parser: its value, or its error recorded. */
  private parsed<T>(column: Column, result: Parsed<T>): T | null {
    if (result.ok) return result.value;
    this.add(column, result.code);
    return null;
  }

  private text(column: Column, max: number, required: boolean): string | null {
    const cell = this.cell(column);
    if (isBlank(cell)) return this.missing(column, required);
    const value = cellText(cell);
    if (value.length <= max) return value;
    this.add(column, 'text_too_long');
    return null;
  }

  private date(column: Column, required: boolean): string | null {
    const cell = this.cell(column);
    if (isBlank(cell)) return this.missing(column, required);
    const fast = typeof cell === 'string' ? isoDate(cell.trim()) : undefined;
    return fast ?? this.parsed(column, parseDate(cell));
  }

  private amount(column: Column, required: boolean): number | null {
    const cell = this.cell(column);
    if (isBlank(cell)) return this.missing(column, required);
    if (typeof cell === 'string') {
      const text = cell.trim();
      if (isShortDigits(text)) {
        const value = Number(text);
        if (value <= MAX_AMOUNT) return value;
      }
    }
    return this.parsed(column, parseAmount(cell));
  }

  private count(column: Column, max: number, required: boolean): number | null {
    const cell = this.cell(column);
    if (isBlank(cell)) return this.missing(column, required);
    if (typeof cell === 'string') {
      const text = cell.trim();
      if (isShortDigits(text) && Number(text) <= max) return Number(text);
    }
    return this.parsed(column, parseCount(cell, max));
  }

  private code<T extends string>(column: Column, set: ReadonlySet<string>, codes: readonly T[], aliases: Record<string, T>, required = false): T | null {
    const cell = this.cell(column);
    if (isBlank(cell)) return this.missing(column, required);
    // A code spelt exactly as stored is one of `codes` (the set holds nothing else).
    if (typeof cell === 'string' && set.has(cell)) return cell as T;
    return this.parsed(column, parseCode(cell, codes, aliases));
  }

  private nik(): ParsedNik | null {
    const cell = this.cell('nik');
    if (isBlank(cell)) return this.missing('nik', true);
    const parsed = parseNik(canonicalNik(cellText(cell)), this.nikOptions);
    if (parsed.ok) return parsed;
    this.add('nik', parsed.code);
    return null;
  }

  /** Warnings about the NIK, after the cells' own findings (the order furnishers read them in). */
  private nikWarnings(nik: ParsedNik, birthDate: string | null): void {
    for (const w of nik.warnings) this.add('nik', w.startsWith('nik_') ? w : `nik_${w}`, 'warning');
    if (birthDate && nik.birthDate && nik.birthDate.slice(2) !== birthDate.slice(2)) this.add('birth_date', 'birth_date_differs_from_nik', 'warning');
  }

  private after(column: Column, date: string | null): void {
    if (date && date > this.end) this.add(column, 'date_after_period');
  }
}
