/**
 * Money is an integer number of minor units (`number`, always a safe integer). Rupiah have
 * 0 decimals, so minor units are rupiah; a currency with 2 decimals counts cents. Rounding
 * happens once per amount, explicitly, with one of the modes below.
 */
import { EngineError } from './errors.ts';
import { decimalOfNumber, parseDecimal, pow10 } from './decimal.ts';
import type { Decimal } from './decimal.ts';

/**
 * How to round a value that falls between two units:
 * - `half-even`: to nearest, ties to the even neighbour (banker's rounding; the default),
 * - `half-up`: to nearest, ties away from zero (commercial rounding),
 * - `up`: away from zero (ceiling for positive amounts),
 * - `down`: towards zero (truncation).
 */
export type RoundingMode = 'half-even' | 'half-up' | 'up' | 'down';

/** Every rounding mode, for validation and UI pickers. */
export const ROUNDING_MODES: readonly RoundingMode[] = ['half-even', 'half-up', 'up', 'down'];

/** True when `value` names a rounding mode. */
export function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === 'string' && (ROUNDING_MODES as readonly string[]).includes(value);
}

/**
 * Exact integer division `numerator / denominator` rounded with `mode`.
 *
 * @example divRound(5n, 2n, 'half-even') // 2n
 */
export function divRound(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  const twiceRemainder = (magnitude % denominator) * 2n;
  if (twiceRemainder !== 0n && roundsAway(mode, twiceRemainder, denominator, quotient)) quotient += 1n;
  return negative ? -quotient : quotient;
}

function roundsAway(mode: RoundingMode, twiceRemainder: bigint, denominator: bigint, quotient: bigint): boolean {
  switch (mode) {
    case 'up':
      return true;
    case 'down':
      return false;
    case 'half-up':
      return twiceRemainder >= denominator;
    case 'half-even':
      return twiceRemainder > denominator || (twiceRemainder === denominator && (quotient & 1n) === 1n);
  }
}

/**
 * Rounds `value` (minor units, possibly fractional) to a multiple of `unit` minor units.
 * The value is taken as the decimal it prints as, so `2.5` is an exact tie.
 *
 * @example roundToUnit(888487.88, 'half-even') // 888488
 * @example roundToUnit(327.78, 'up', 100)     // 400
 */
export function roundToUnit(value: number, mode: RoundingMode, unit = 1): number {
  const exact = decimalOfNumber(value);
  if (exact === undefined) throw new EngineError('invalid_money', 'value', 'value must be a finite number', { value });
  assertMoney(unit, 'unit', { min: 1 });
  const rounded = divRound(exact.units, pow10(exact.scale) * BigInt(unit), mode) * BigInt(unit);
  return toSafeNumber(rounded, 'value');
}

/**
 * Asserts `value` is a safe-integer amount of minor units (and at least `min`, if given).
 *
 * @example assertMoney(1_500_000, 'principal', { min: 1 });
 */
export function assertMoney(value: unknown, field = 'amount', options: { min?: number } = {}): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new EngineError('invalid_money', field, `${field} must be a safe integer of minor units`, { value });
  }
  if (options.min !== undefined && value < options.min) {
    throw new EngineError('invalid_money', field, `${field} must be at least ${options.min}`, { value });
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/** Converts a bigint amount to a number, refusing anything beyond the safe-integer range. */
export function toSafeNumber(value: bigint, field: string): number {
  if (value > MAX_SAFE || value < MIN_SAFE) {
    throw new EngineError('invalid_money', field, `${field} exceeds the safe-integer range`, { value: value.toString() });
  }
  return Number(value);
}

function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 8) {
    throw new EngineError('invalid_money', 'decimals', 'decimals must be an integer from 0 to 8', { value: decimals });
  }
}

/**
 * Converts a major-unit amount (`"1500000"`, `"12.34"`, `12.34`) to minor units exactly.
 * Strings are parsed digit by digit; numbers are read as the decimal they print as. More
 * fraction digits than `decimals` is an error unless a `rounding` mode is given.
 *
 * @example toMinor('1.500.000'.replaceAll('.', ''), 0) // 1500000
 * @example toMinor('12.345', 2, 'half-even')           // 1234
 */
export function toMinor(major: string | number, decimals: number, rounding?: RoundingMode): number {
  assertDecimals(decimals);
  const exact: Decimal | undefined = typeof major === 'number' ? decimalOfNumber(major) : parseDecimal(major);
  if (exact === undefined) throw new EngineError('invalid_money', 'amount', 'amount is not a decimal number', { value: major });
  const shift = decimals - exact.scale;
  if (shift >= 0) return toSafeNumber(exact.units * pow10(shift), 'amount');
  const divisor = pow10(-shift);
  if (rounding === undefined && exact.units % divisor !== 0n) {
    throw new EngineError('invalid_money', 'amount', `amount has more than ${decimals} decimals`, { value: major });
  }
  return toSafeNumber(divRound(exact.units, divisor, rounding ?? 'half-even'), 'amount');
}

/**
 * Minor units to an exact major-unit decimal string (no grouping), for storage and CSV.
 *
 * @example fromMinor(150050, 2) // "1500.50"
 */
export function fromMinor(minor: number, decimals: number): string {
  assertMoney(minor, 'amount');
  assertDecimals(decimals);
  const digits = Math.abs(minor).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals);
  return `${minor < 0 ? '-' : ''}${whole}${decimals > 0 ? `.${fraction}` : ''}`;
}

const SEPARATORS: Readonly<Record<string, readonly [group: string, decimal: string]>> = {
  id: ['.', ','],
  en: [',', '.'],
};

function separatorsFor(locale: string): readonly [string, string] {
  const language = locale.toLowerCase().split(/[-_]/)[0] ?? '';
  const known = SEPARATORS[language];
  if (known) return known;
  // Other locales: ask Intl once for its symbols; grouping stays in threes.
  const parts = new Intl.NumberFormat(locale).formatToParts(11111.5);
  const group = parts.find((p) => p.type === 'group')?.value ?? ',';
  const decimal = parts.find((p) => p.type === 'decimal')?.value ?? '.';
  return [group, decimal];
}

/**
 * Formats minor units for people: `formatMoney(1500000, 0)` → `"Rp 1.500.000"`. The
 * output is deterministic (no ICU spacing quirks) for `id` and `en` locales.
 *
 * @example formatMoney(150050, 2, 'en-US', { symbol: '$' }) // "$ 1,500.50"
 */
export function formatMoney(minor: number, decimals: number, locale = 'id-ID', options: { symbol?: string } = {}): string {
  const [group, decimalMark] = separatorsFor(locale);
  const plain = fromMinor(Math.abs(minor), decimals);
  const [whole = '0', fraction] = plain.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const symbol = options.symbol ?? 'Rp';
  const body = fraction === undefined ? grouped : `${grouped}${decimalMark}${fraction}`;
  return `${minor < 0 ? '-' : ''}${symbol === '' ? '' : `${symbol} `}${body}`;
}
