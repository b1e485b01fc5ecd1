import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv, Services } from './context.ts';
import { AppError } from './errors.ts';

/**
 * A rate-limit rule: at most `limit` requests per `windowMs` for one caller, refilled
 * continuously (a token bucket), so a steady user never meets it and a burst is cut off.
 *
 * Use it on a route through its access note — `access: { roles: [...], apiKey: true,
 * rateLimit: INQUIRY_RATE_LIMIT }` — or as a middleware: `app.use(path, rateLimit(rule))`.
 */
export interface RateLimitRule {
  /** Buckets are separate per name: an inquiry limit does not eat into a sign-in limit. */
  bucket: string;
  limit: number;
  windowMs: number;
}

/** Inquiries per user or API key: 30 a minute (operators may change it, see below). */
export const INQUIRY_RATE_LIMIT: RateLimitRule = {
  bucket: 'inquiry',
  limit: Number(process.env.SIMPUL_INQUIRIES_PER_MINUTE ?? 30),
  windowMs: 60_000,
};

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Buckets live in the process, one set per running instance (tests run many side by side).
 * Several Simpul processes behind a load balancer each enforce the limit on their own: the
 * effective limit is then up to N times the rule — stated in docs/security.md.
 */
const state = new WeakMap<Services, Map<string, Bucket>>();
const MAX_KEYS = 100_000;

function bucketsOf(services: Services): Map<string, Bucket> {
  let buckets = state.get(services);
  if (!buckets) state.set(services, (buckets = new Map()));
  return buckets;
}

/** The caller as a bucket key: the user, the API key, or else the client address. */
export function callerKey(c: Context<AppEnv>): string {
  const actor = c.get('actor');
  if (actor?.kind === 'user') return `u:${actor.userId}`;
  if (actor?.kind === 'api_key') return `k:${actor.keyId}`;
  return `ip:${clientAddress(c)}`;
}

/** The peer address of the connection (never a forwarded header, which anyone can forge). */
export function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

function tokensNow(services: Services, rule: RateLimitRule, id: string): number {
  const old = bucketsOf(services).get(id);
  if (!old) return rule.limit;
  return Math.min(rule.limit, old.tokens + ((services.now().getTime() - old.at) * rule.limit) / rule.windowMs);
}

function secondsUntilOne(rule: RateLimitRule, tokens: number): number {
  return Math.max(1, Math.ceil(((1 - tokens) * rule.windowMs) / rule.limit / 1000));
}

/** Seconds until `key` may call again under `rule` (0: now), without taking anything. */
export function waitSeconds(services: Services, rule: RateLimitRule, key: string): number {
  const tokens = tokensNow(services, rule, `${rule.bucket}|${key}`);
  return tokens >= 1 ? 0 : secondsUntilOne(rule, tokens);
}

/** Takes one token for `key`: 0 when allowed, else the seconds until one is free. */
export function takeToken(services: Services, rule: RateLimitRule, key: string): number {
  const buckets = bucketsOf(services);
  const id = `${rule.bucket}|${key}`;
  const tokens = tokensNow(services, rule, id);
  if (tokens < 1) return secondsUntilOne(rule, tokens);
  if (buckets.size >= MAX_KEYS && !buckets.has(id)) buckets.clear(); // a flood of new keys must not grow memory without bound
  buckets.set(id, { tokens: tokens - 1, at: services.now().getTime() });
  return 0;
}

export function rateLimited(seconds: number): AppError {
  return new AppError(429, 'rate_limited', { seconds });
}

/** Refuses the request with 429 rate_limited (and Retry-After) when the caller's bucket is empty. */
export async function enforceRateLimit(c: Context<AppEnv>, rule: RateLimitRule): Promise<void> {
  const wait = takeToken(c.get('services'), rule, callerKey(c));
  if (wait > 0) {
    c.header('retry-after', String(wait));
    throw rateLimited(wait);
  }
}

/** The rule as a middleware, for routes outside `defineRoute` or a whole path prefix. */
export function rateLimit(rule: RateLimitRule): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await enforceRateLimit(c, rule);
    await next();
  };
}
