/**
 * Exact decimal numbers as `units / 10^scale` with bigint units. Used to read money strings
 * and rates without binary floating-point drift: `0.1` is exactly 1/10 here.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * Parses `"-1234.50"`, `"1e-7"` or `"+.5"` exactly; `undefined` when the text is not a
 * plain decimal number.
 *
 * @example parseDecimal('1500000.25') // { units: 150000025n, scale: 2 }
 */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return undefined;
  const digits = BigInt(`${whole}${fraction}` || '0');
  let scale = fraction.length - Number(exponent);
  let units = digits;
  if (scale < 0) {
    units *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { units: sign === '-' ? -units : units, scale };
}

/**
 * The exact decimal a finite number prints as (its shortest round-trip form), so `0.1`
 * becomes 1/10 rather than 0.1000000000000000055…
 */
export function decimalOfNumber(value: number): Decimal | undefined {
  if (!Number.isFinite(value)) return undefined;
  return parseDecimal(String(value));
}

/** 10^n as a bigint. */
export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}
