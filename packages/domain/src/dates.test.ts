import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { EngineError } from './errors.ts';
import {
  addDays,
  addMonthsClamped,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  endOfMonth,
  fromDayNumber,
  isIsoDate,
  isLeapYear,
  monthOf,
  parseIsoDate,
  toDayNumber,
} from './dates.ts';

describe('ISO dates', () => {
  it('accepts real dates only: 2024-02-29 yes, 2023-02-29 and 2024-13-01 no', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
    expect(isIsoDate(20240101)).toBe(false);
  });

  it('parseIsoDate throws a typed error naming the field', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(() => parseIsoDate('2023-02-29', 'startDate')).toThrow(EngineError);
    try {
      parseIsoDate('31/01/2024', 'startDate');
    } catch (error) {
      expect(error).toMatchObject({ code: 'invalid_date', field: 'startDate' });
    }
  });

  it('leap years: 2024 and 2000 yes, 1900 and 2023 no', () => {
    expect([2024, 2000, 1900, 2023].map(isLeapYear)).toEqual([true, true, false, false]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
  });
});

describe('day numbers', () => {
  it('1970-01-01 is day 0, 2024-01-01 is day 19,723, 0001-01-01 is day −719,162', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('2024-01-01')).toBe(19723);
    expect(toDayNumber('0001-01-01')).toBe(-719162);
    expect(fromDayNumber(19723)).toBe('2024-01-01');
  });

  it('round-trips every day from year 1 to 9999 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719162, max: 2932896 }), (day) => {
        expect(toDayNumber(fromDayNumber(day))).toBe(day);
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the proleptic Gregorian calendar of Date.UTC on random days (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60000 }), (day) => {
        const viaDate = new Date(day * 86_400_000).toISOString().slice(0, 10);
        expect(fromDayNumber(day)).toBe(viaDate);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses dates outside years 0001–9999', () => {
    expect(() => fromDayNumber(2932897)).toThrow(EngineError);
    expect(() => fromDayNumber(1.5)).toThrow(EngineError);
  });
});

describe('date arithmetic', () => {
  it('2024-02-28 + 1 day = 2024-02-29 (leap), 2023-02-28 + 1 = 2023-03-01', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
  });

  it('monthly from Jan 31 clamps and recovers: Feb 28, Mar 31, Apr 30 (computed from the start)', () => {
    expect([1, 2, 3].map((n) => addMonthsClamped('2023-01-31', n))).toEqual(['2023-02-28', '2023-03-31', '2023-04-30']);
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsClamped('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonthsClamped('2024-02-15', 1, 31)).toBe('2024-03-31');
  });

  it('rejects fractional months and anchor days outside 1–31', () => {
    expect(() => addMonthsClamped('2024-01-31', 1.5)).toThrow(EngineError);
    expect(() => addMonthsClamped('2024-01-31', 1, 32)).toThrow(EngineError);
  });

  it('daysBetween 2024-02-28 → 2024-03-01 = 2; compareDates orders dates', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
    expect(compareDates('2024-01-01', '2024-01-02')).toBe(-1);
    expect(compareDates('2024-01-02', '2024-01-02')).toBe(0);
    expect(compareDates('2025-01-01', '2024-12-31')).toBe(1);
  });

  it('monthOf, endOfMonth and dayOfWeek (2024-01-01 was a Monday)', () => {
    expect(monthOf('2024-02-10')).toBe('2024-02');
    expect(endOfMonth('2024-02-10')).toBe('2024-02-29');
    expect(endOfMonth('2023-12-01')).toBe('2023-12-31');
    expect(dayOfWeek('2024-01-01')).toBe(1);
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('1969-12-28')).toBe(0);
  });
});
