/**
 * Calendar dates are `'YYYY-MM-DD'` strings. Arithmetic uses integer day numbers (days
 * since 1970-01-01, Howard Hinnant's days-from-civil algorithm), never JS `Date`, so no
 * time zone or daylight-saving rule can shift a due date.
 */
import { EngineError } from './errors.ts';

/** A parsed calendar date. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for Gregorian leap years. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function civilOrUndefined(text: string): CivilDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** True when `value` is a real calendar date written `YYYY-MM-DD` (years 0001–9999). */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && civilOrUndefined(value) !== undefined;
}

/**
 * Parses `'YYYY-MM-DD'`, rejecting impossible dates such as `2023-02-29`.
 *
 * @example parseIsoDate('2024-02-29') // { year: 2024, month: 2, day: 29 }
 */
export function parseIsoDate(date: string, field = 'date'): CivilDate {
  const civil = typeof date === 'string' ? civilOrUndefined(date) : undefined;
  if (!civil) throw new EngineError('invalid_date', field, `${field} must be a calendar date YYYY-MM-DD`, { value: date });
  return civil;
}

/** Days since 1970-01-01 of a civil date (days-from-civil). */
export function civilToDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * Days since 1970-01-01 of an ISO date.
 *
 * @example toDayNumber('1970-01-02') // 1
 */
export function toDayNumber(date: string, field = 'date'): number {
  const { year, month, day } = parseIsoDate(date, field);
  return civilToDayNumber(year, month, day);
}

/** The civil date of a day number (civil-from-days). */
export function dayNumberToCivil(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function formatCivil({ year, month, day }: CivilDate): string {
  if (year < 1 || year > 9999) throw new EngineError('invalid_date', 'date', 'date is outside years 0001–9999', { year });
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The ISO date of a day number.
 *
 * @example fromDayNumber(19723) // '2024-01-01'
 */
export function fromDayNumber(dayNumber: number): string {
  if (!Number.isInteger(dayNumber)) throw new EngineError('invalid_date', 'dayNumber', 'day number must be an integer');
  return formatCivil(dayNumberToCivil(dayNumber));
}

/** `date` plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Adds `months`, keeping `anchorDay` (default: the date's own day) and clamping to the end
 * of shorter months. Compute every due date from the start date, not from the previous
 * due date, so 31 Jan → 28 Feb → 31 Mar rather than drifting to the 28th.
 *
 * @example addMonthsClamped('2023-01-31', 1) // '2023-02-28'
 * @example addMonthsClamped('2023-01-31', 2) // '2023-03-31'
 */
export function addMonthsClamped(date: string, months: number, anchorDay?: number): string {
  const { year, month, day } = parseIsoDate(date);
  const anchor = anchorDay ?? day;
  if (!Number.isInteger(months) || !Number.isInteger(anchor) || anchor < 1 || anchor > 31) {
    throw new EngineError('invalid_date', 'months', 'months and anchor day must be integers (anchor 1–31)');
  }
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return formatCivil({ year: newYear, month: newMonth, day: Math.min(anchor, daysInMonth(newYear, newMonth)) });
}

/**
 * Days from `from` to `to` (negative when `to` is earlier).
 *
 * @example daysBetween('2024-02-28', '2024-03-01') // 2
 */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** -1, 0 or 1 as `a` is before, equal to or after `b`. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  const difference = toDayNumber(a) - toDayNumber(b);
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/** The month of a date, `'YYYY-MM'` (the key of a monthly furnishing file). */
export function monthOf(date: string): string {
  parseIsoDate(date);
  return date.slice(0, 7);
}

/** The last day of the date's month. */
export function endOfMonth(date: string): string {
  const { year, month } = parseIsoDate(date);
  return formatCivil({ year, month, day: daysInMonth(year, month) });
}

/** Day of week, 0 = Sunday … 6 = Saturday (the same numbering as JS `getUTCDay`). */
export function dayOfWeek(date: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}
