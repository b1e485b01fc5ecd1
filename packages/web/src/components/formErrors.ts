import { ApiError } from '../api';

/**
 * Field messages of a failed call for the given fields: the `errors` of a 400 answer, plus
 * whole-request codes that are really about one field (`byCode`, e.g. `weak_password` →
 * `password`). The messages are the server's, already in the user's language.
 *
 * @example fieldErrors(error, ['code', 'name'], { cooperative_code_taken: 'code' })
 */
export function fieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
  byCode: Partial<Record<string, F>> = {},
): Partial<Record<F, string>> {
  const found: Partial<Record<F, string>> = {};
  if (!(error instanceof ApiError)) return found;
  for (const field of fields) {
    const message = error.fieldError(field);
    if (message) found[field] = message;
  }
  const field = byCode[error.code];
  if (field && error.detail) found[field] = error.detail;
  return found;
}

/** True when `fieldErrors` put every message of the error next to a field. */
export function explainedByFields(
  error: unknown,
  fields: readonly string[],
  byCode: Partial<Record<string, string>> = {},
): boolean {
  if (!(error instanceof ApiError)) return false;
  if (byCode[error.code]) return true;
  return error.errors.length > 0 && error.errors.every((e) => fields.includes(e.path));
}
