/**
 * NIK (Nomor Induk Kependudukan): 16 digits `PP KK CC DDMMYY SSSS` — province, regency,
 * district of first registration, birth date (day + 40 for women), sequence. There is no
 * check digit, so a mis-keyed NIK can still parse: match people on NIK AND name AND birth
 * date. An unknown region (old codes from before a region split) is a warning, not an error.
 */
import { civilToDayNumber, daysInMonth, fromDayNumber } from './dates.ts';

/** Why a NIK was rejected. */
export type NikErrorCode = 'nik_digits' | 'nik_length' | 'nik_region' | 'nik_birth_date' | 'nik_sequence';

/** Things worth a second look that do not make the NIK invalid. */
export type NikWarning = 'region_unknown' | 'possibly_minor';

/** A NIK that parsed. Codes are plain digits: province `PP`, regency `PPKK`, district `PPKKCC`. */
export interface ParsedNik {
  readonly ok: true;
  readonly nik: string;
  readonly province: string;
  readonly regency: string;
  readonly district: string;
  readonly birthDate: string;
  readonly sex: 'female' | 'male';
  readonly sequence: string;
  readonly warnings: readonly NikWarning[];
}

/** A NIK that did not parse. `message` is for developers; translate by `code`. */
export interface NikError {
  readonly ok: false;
  readonly code: NikErrorCode;
  readonly message: string;
}

/** Options for `parseNik`. */
export interface ParseNikOptions {
  /** The current year: a two-digit year resolves to the latest year not after it. */
  readonly referenceYear: number;
  /** Region lookup by 6-digit district code (e.g. from `idn-area-data`). */
  readonly isKnownRegion?: (districtCode: string) => boolean;
}

/** Adults get a KTP at 17; a younger birth year on a borrower deserves a look. */
const ADULT_AGE = 17;

/**
 * Strips the spaces, dots and dashes people type into a NIK.
 *
 * @example canonicalNik('3578 0141 0190 0001') // '3578014101900001'
 */
export function canonicalNik(input: string): string {
  return input.replace(/[\s.-]/g, '');
}

function error(code: NikErrorCode, message: string): NikError {
  return { ok: false, code, message };
}

function birthYear(twoDigits: number, referenceYear: number): number {
  const year = Math.floor(referenceYear / 100) * 100 + twoDigits;
  return year > referenceYear ? year - 100 : year;
}

function birthFields(digits: string, referenceYear: number): { date: string; sex: 'female' | 'male'; year: number } | NikError {
  const coded = Number(digits.slice(6, 8));
  const month = Number(digits.slice(8, 10));
  const sex = coded > 40 ? 'female' : 'male';
  const day = sex === 'female' ? coded - 40 : coded;
  const year = birthYear(Number(digits.slice(10, 12)), referenceYear);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return error('nik_birth_date', `digits 7–12 are not a birth date (DDMMYY, day + 40 for women): ${digits.slice(6, 12)}`);
  }
  return { date: fromDayNumber(civilToDayNumber(year, month, day)), sex, year };
}

/**
 * Parses and validates a NIK.
 *
 * @example
 * parseNik('3578014101900001', { referenceYear: 2025 })
 * // { ok: true, province: '35', regency: '3578', district: '357801',
 * //   birthDate: '1990-01-01', sex: 'female', sequence: '0001', warnings: [] }
 */
export function parseNik(input: string, options: ParseNikOptions): ParsedNik | NikError {
  if (!Number.isInteger(options.referenceYear) || options.referenceYear < 1900 || options.referenceYear > 9999) {
    throw new RangeError('referenceYear must be an integer year from 1900');
  }
  const nik = canonicalNik(input);
  if (!/^\d*$/.test(nik)) return error('nik_digits', 'a NIK has digits only');
  if (nik.length !== 16) return error('nik_length', `a NIK has 16 digits, not ${nik.length}`);
  if (nik.startsWith('00') || nik.slice(2, 4) === '00' || nik.slice(4, 6) === '00') {
    return error('nik_region', 'province, regency and district codes cannot be 00');
  }
  const birth = birthFields(nik, options.referenceYear);
  if ('ok' in birth) return birth;
  const sequence = nik.slice(12);
  if (sequence === '0000') return error('nik_sequence', 'the sequence number starts at 0001');
  const district = nik.slice(0, 6);
  const warnings: NikWarning[] = [];
  if (options.isKnownRegion !== undefined && !options.isKnownRegion(district)) warnings.push('region_unknown');
  if (options.referenceYear - birth.year < ADULT_AGE) warnings.push('possibly_minor');
  return { ok: true, nik, province: nik.slice(0, 2), regency: nik.slice(0, 4), district, birthDate: birth.date, sex: birth.sex, sequence, warnings };
}

/**
 * True when a declared birth date (`YYYY-MM-DD`) differs from the one coded in the NIK.
 * Only day, month and two-digit year are compared, since the NIK's century is a guess.
 * A mismatch is a warning: NIK birth dates are sometimes wrong.
 */
export function nikBirthDateMismatch(parsed: ParsedNik, birthDate: string): boolean {
  return parsed.birthDate.slice(2) !== birthDate.slice(2);
}
