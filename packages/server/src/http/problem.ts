import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { AppError, type FieldError } from './errors.ts';
import type { AppEnv } from './context.ts';
import { requestLogger } from './request-logger.ts';
import { translate, type Lang } from './messages.ts';

/** An RFC 9457 problem document with Simpul's stable `code` and translated texts. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: { path: string; code: string; message: string }[];
}

export function problemOf(error: AppError, lang: Lang): Problem {
  const problem: Problem = {
    type: `urn:simpul:problem:${error.code}`,
    title: translate(error.code, lang, error.params),
    status: error.status,
    detail: translate(error.code, lang, error.params),
    code: error.code,
  };
  if (error.errors.length > 0) {
    problem.errors = error.errors.map((e) => ({
      path: e.path,
      code: e.code,
      message: translate(e.code, lang, e.params),
    }));
  }
  return problem;
}

/** Maps zod's issues to Simpul's field codes so messages can be translated. */
export function fieldErrorsOf(error: ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(body)';
    switch (issue.code) {
      case 'invalid_type':
        return { path, code: issue.input === undefined ? 'required' : 'invalid_type' };
      case 'too_small':
        return { path, code: 'too_short', params: { min: Number(issue.minimum) } };
      case 'too_big':
        return { path, code: 'too_long', params: { max: Number(issue.maximum) } };
      case 'invalid_value':
        return { path, code: 'invalid_option' };
      case 'unrecognized_keys':
        return { path: issue.keys.join(','), code: 'unknown_field' };
      default:
        return { path, code: 'invalid_value' };
    }
  });
}

/** Normalises anything thrown into an AppError; unknown errors become a logged 500. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 400 && /json/i.test(err.message)) return new AppError(400, 'malformed_json');
    if (err.status === 413) return new AppError(413, 'payload_too_large');
    if (err.status === 401) return new AppError(401, 'unauthenticated');
    return new AppError(err.status, 'bad_request');
  }
  return new AppError(500, 'internal_error');
}

export function problemResponse(c: Context<AppEnv>, err: unknown): Response {
  const error = toAppError(err);
  const lang = c.get('lang') ?? 'id';
  if (error.status >= 500 && c.get('services')) requestLogger(c).error({ err }, 'request failed');
  const body = { ...problemOf(error, lang), instance: c.req.path, requestId: c.get('requestId') };
  return c.body(JSON.stringify(body), error.status as 400, {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-language': lang,
  });
}
