/**
 * Domain errors carry a stable, literal `code` and structured `details`. Messages are for
 * developers and logs only: the server translates by `code` (Indonesian or English), so
 * nothing here is localised.
 */
export class DomainError<Code extends string = string> extends Error {
  /** Stable machine-readable code, e.g. `'invalid_terms'`. */
  readonly code: Code;
  /** Structured context (field name, offending value…) for the error report. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: Code, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** Codes raised by the loan engine. */
export type EngineErrorCode =
  | 'invalid_terms'
  | 'invalid_money'
  | 'invalid_date'
  | 'invalid_payment'
  | 'invalid_penalty_rule'
  | 'invalid_policy'
  | 'invalid_input'
  | 'invalid_restructuring'
  | 'no_convergence';

/**
 * Bad input to the loan engine. `field` names the offending input (e.g. `'tenor'`,
 * `'payments[2].date'`) so a form or a file import can point at it.
 *
 * @example
 * throw new EngineError('invalid_terms', 'tenor', 'tenor must be a positive integer', { value: 0 });
 */
export class EngineError extends DomainError<EngineErrorCode> {
  /** The input field that failed validation. */
  readonly field: string;

  constructor(code: EngineErrorCode, field: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, { field, ...details });
    this.field = field;
  }
}

/** True when `error` is any domain error (useful in the server's error mapper). */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
