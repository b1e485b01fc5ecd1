import { formatMoney } from '@simpul/domain';
import { currentLocale } from './i18n';

/**
 * Intl formatters are costly to make (a page of table cells made one each: ~20 ms of a
 * phone's first render of Portofolio) and cheap to reuse: one per locale and options.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `date ${currentLocale()} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.DateTimeFormat(currentLocale(), options)));
  return format as Intl.DateTimeFormat;
}

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `number ${currentLocale()} ${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) formatters.set(key, (format = new Intl.NumberFormat(currentLocale(), options)));
  return format as Intl.NumberFormat;
}

/**
 * A calendar date `'YYYY-MM-DD'` as the user reads it ("5 Jan 2026"). Parsed and printed in
 * UTC so no time zone can move it by a day.
 */
export function formatDate(date: string): string {
  const day = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return date;
  return dateFormat({ day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(day);
}

/** An instant (UTC ISO timestamp) as a local date. */
export function formatInstantDate(instant: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return instant;
  return dateFormat({ day: 'numeric', month: 'short', year: 'numeric' }).format(at);
}

/** A fraction as a percentage: 0.2131 → "21,31%" (id) / "21.31%" (en). */
export function formatPercent(fraction: number, digits = 2): string {
  return numberFormat({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction);
}

/** A plain number in the user's locale: 1200000 → "1.200.000" (id). */
export function formatNumber(value: number, maximumFractionDigits = 0): string {
  return numberFormat({ maximumFractionDigits }).format(value);
}

/**
 * Rupiah in minor units (0 decimals) for people: 1500000 → "Rp 1.500.000" (id) or
 * "Rp 1,500,000" (en); `symbol: false` for table cells whose header already says Rp.
 */
export function formatRupiah(minor: number, { symbol = true }: { symbol?: boolean } = {}): string {
  return formatMoney(minor, 0, currentLocale(), { symbol: symbol ? 'Rp' : '' });
}
