import type { Context } from 'hono';
import type { AppEnv } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { clientAddress, takeToken, waitSeconds, type RateLimitRule } from '../../http/rate-limit.ts';

/**
 * Failed sign-ins per client address. The per-account lockout (identity.service.ts) stops
 * guessing one user's password; this stops one address spraying a common password across
 * many usernames, which never trips any single account's lockout. Only failures count, so a
 * shared office address signing in all day never meets it.
 */
export const SIGN_IN_FAILURES: RateLimitRule = {
  bucket: 'sign-in-failures',
  limit: Number(process.env.SIMPUL_SIGNIN_FAILURES_PER_ADDRESS ?? 20),
  windowMs: Number(process.env.SIMPUL_SIGNIN_FAILURE_WINDOW_MINUTES ?? 15) * 60_000,
};

/** Refuses a sign-in from an address whose failures used up the allowance (429 + Retry-After). */
export function assertSignInAllowed(c: Context<AppEnv>): void {
  const wait = waitSeconds(c.get('services'), SIGN_IN_FAILURES, clientAddress(c));
  if (wait === 0) return;
  c.header('retry-after', String(wait));
  throw new AppError(429, 'too_many_failed_sign_ins', { seconds: wait });
}

/** Counts a failed sign-in (wrong password or unknown user) against the client address. */
export function countSignInFailure(c: Context<AppEnv>, err: unknown): void {
  if (err instanceof AppError && err.code === 'invalid_credentials') takeToken(c.get('services'), SIGN_IN_FAILURES, clientAddress(c));
}
