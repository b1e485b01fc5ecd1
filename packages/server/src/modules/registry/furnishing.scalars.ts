/**
 * Allocation-free fast paths for the cells nearly every furnishing row holds: plain digits,
 * ISO dates, codes spelt as stored. Each returns undefined when its fast path does not
 * apply; the caller then falls back to the full parsers of furnishing.values.ts, which
 * decide (and name the error). On a million rows the difference is seconds of CPU.
 */

/** True when `text` is 1–16 ASCII digits (up to MAX_AMOUNT's width; Number() is then exact). */
export function isShortDigits(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > 16) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The last day of a month, by arithmetic (no Date object). */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/**
 * A well-formed 'YYYY-MM-DD' (years 1900–2200, a real day) is returned as it is; anything
 * else — other spellings, impossible days — gives undefined for the full parser to judge.
 */
export function isoDate(text: string): string | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return undefined;
  return day <= daysInMonth(year, month) ? text : undefined;
}
