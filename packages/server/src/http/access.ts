import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { DINAS_ROLES, type Role } from '../modules/identity/identity.table.ts';
import type { Actor, AppEnv } from './context.ts';
import { forbidden, notFound, unauthenticated } from './errors.ts';
import { enforceRateLimit, type RateLimitRule } from './rate-limit.ts';

/**
 * Who may call a route. Every route declares one; it is enforced by `authorize` and
 * published in the OpenAPI document as `x-access`, so the authorisation matrix test can
 * check every route against it.
 */
export interface Access {
  /** 'public': anyone; 'signed_in': any user; otherwise the roles allowed. */
  roles: 'public' | 'signed_in' | readonly Role[];
  /** Whether a cooperative's system may call it with an API key. */
  apiKey?: boolean;
  /** Calls per user or API key (src/http/rate-limit.ts), checked after the role. */
  rateLimit?: RateLimitRule;
}

/** The one access check: signed out → 401, wrong role → 403. */
export function authorize(access: Access): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access.roles !== 'public') {
      const actor = c.get('actor');
      if (!actor) throw unauthenticated(c.get('sessionExpired') ? 'session_expired' : 'unauthenticated');
      if (actor.kind === 'api_key') {
        if (!access.apiKey) throw forbidden();
      } else if (access.roles !== 'signed_in' && !access.roles.includes(actor.role)) {
        throw forbidden();
      }
    }
    if (access.rateLimit) await enforceRateLimit(c, access.rateLimit);
    await next();
  };
}

/** A route with its access policy: `createRoute` plus the check and the `x-access` note. */
export function defineRoute<R extends Omit<RouteConfig, 'middleware'>>(route: R & { access: Access }) {
  const { access, ...rest } = route;
  return createRoute({ ...rest, middleware: authorize(access), 'x-access': access });
}

/** The authenticated actor of a route behind `authorize`. */
export function actorOf(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw unauthenticated();
  return actor;
}

export function isDinas(actor: Actor): boolean {
  return actor.kind === 'user' && DINAS_ROLES.includes(actor.role);
}

/**
 * Tenancy: a cooperative's record is visible only to that cooperative (and to Dinas roles
 * where the route allows them). Anything else is answered as not found.
 */
export function assertTenant(actor: Actor, cooperativeId: number, options: { dinas?: boolean } = {}): void {
  if (actor.cooperativeId === cooperativeId) return;
  if (options.dinas && isDinas(actor)) return;
  throw notFound();
}
