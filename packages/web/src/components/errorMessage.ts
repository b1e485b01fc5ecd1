import type { TFunction } from 'i18next';
import { ApiError } from '../api';

/** Codes the UI words itself, so the message is clear even when the server is unreachable. */
const KNOWN = [
  'invalid_credentials',
  'too_many_attempts',
  'account_locked',
  'account_disabled',
  'network_error',
  'server_error',
  'forbidden',
  'validation_failed',
] as const;
type KnownCode = (typeof KNOWN)[number];

function isKnown(code: string): code is KnownCode {
  return (KNOWN as readonly string[]).includes(code);
}

/**
 * The sentence to show for a failed call, in the UI language. Known codes use our own words;
 * anything else uses the server's `detail`, which the server already translated.
 */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'too_many_attempts' && error.detail) return error.detail; // has the wait time
    if (isKnown(error.code)) return t(`errors.${error.code}`);
    if (error.detail) return error.detail;
    if (error.status >= 500) return t('errors.server_error');
  }
  return t('errors.unknown');
}
