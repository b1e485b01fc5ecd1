/**
 * Parsers for furnishing cells. Each returns the value or an issue code; none throws.
 * A cell is a string (CSV, or XLSX text), a number or a Date (XLSX), or null when empty.
 */
export type Cell = string | number | Date | null | undefined;
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (code: string): Parsed<never> => ({ ok: false, code });

/** The largest amount accepted: Rp 1 quadrillion, far above any cooperative loan. */
export const MAX_AMOUNT = 1_000_000_000_000_000;

export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

const DIGITS = /^\d+$/;
const ID_THOUSANDS = /^\d{1,3}(\.\d{3})+$/;

/** Whole rupiah: plain digits or Indonesian thousands separators (1.500.000), optional ",00". */
export function parseAmount(cell: Cell): Parsed<number> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || !Number.isInteger(cell)) return fail('invalid_amount');
    if (cell < 0) return fail('negative_amount');
    return cell > MAX_AMOUNT ? fail('amount_too_large') : ok(cell);
  }
  let text = cellText(cell).replace(/^rp\.?\s*/i, '').replace(/\s+/g, '');
  if (text.startsWith('-')) return fail('negative_amount');
  if (text.endsWith(',00')) text = text.slice(0, -3);
  if (!DIGITS.test(text) && !ID_THOUSANDS.test(text)) return fail('invalid_amount');
  const digits = text.replaceAll('.', '');
  if (digits.length > 16) return fail('amount_too_large');
  const value = Number(digits);
  return value > MAX_AMOUNT ? fail('amount_too_large') : ok(value);
}

/** A non-negative whole number (days past due, tenor). */
export function parseCount(cell: Cell, max = 100_000): Parsed<number> {
  const text = typeof cell === 'number' ? String(cell) : cellText(cell);
  if (text.startsWith('-')) return fail('negative_number');
  if (!DIGITS.test(text)) return fail('invalid_number');
  const value = Number(text);
  return value > max ? fail('number_too_large') : ok(value);
}

function isoOf(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/;

/** 'YYYY-MM-DD', 'DD/MM/YYYY' (or with dashes), or an XLSX date cell; 31/02 is refused. */
export function parseDate(cell: Cell): Parsed<string> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return fail('invalid_date');
    return ok(cell.toISOString().slice(0, 10));
  }
  const text = cellText(cell);
  const iso = ISO.exec(text);
  const dmy = iso ? undefined : DMY.exec(text);
  const date = iso
    ? isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    : dmy
      ? isoOf(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]))
      : undefined;
  return date ? ok(date) : fail('invalid_date');
}

/** Maps a code or its Indonesian word (lowercase, spaces as underscores) to a code of `codes`. */
export function parseCode<T extends string>(cell: Cell, codes: readonly T[], aliases: Record<string, T>): Parsed<T> {
  const text = cellText(cell).toLowerCase().replace(/[\s-]+/g, '_');
  if ((codes as readonly string[]).includes(text)) return ok(text as T);
  const alias = aliases[text];
  return alias ? ok(alias) : fail('invalid_option');
}

/** Masks identity for anything stored or logged: NIK → first 6 digits, name → initial. */
export function maskIdentity(column: string, value: string): string {
  if (column === 'nik') return value.length > 6 ? `${value.slice(0, 6)}${'*'.repeat(Math.max(0, value.length - 6))}` : '******';
  if (column === 'full_name') return value ? `${value.slice(0, 1)}***` : '';
  if (column === 'birth_date') return '****-**-**';
  return value.length > 200 ? `${value.slice(0, 200)}…` : value;
}
