import type { MessageCode } from './messages.ts';

/** One invalid field of a request, or one bad cell of a file. */
export interface FieldError {
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

/**
 * The one error type the API answers with: a stable `code`, an HTTP status, and params for
 * the translated text. Services throw these; one handler turns them into problem+json.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    readonly params: Record<string, unknown> = {},
    readonly errors: FieldError[] = [],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const badRequest = (code: MessageCode = 'bad_request', params?: Record<string, unknown>) =>
  new AppError(400, code, params);
export const validationFailed = (errors: FieldError[]) => new AppError(400, 'validation_failed', {}, errors);
export const unauthenticated = (code: MessageCode = 'unauthenticated') => new AppError(401, code);
export const forbidden = (code: MessageCode = 'forbidden') => new AppError(403, code);
/** "Not found" and "not yours" are the same answer, so nothing leaks that a record exists. */
export const notFound = () => new AppError(404, 'not_found');
export const conflict = (code: MessageCode, params?: Record<string, unknown>) => new AppError(409, code, params);
