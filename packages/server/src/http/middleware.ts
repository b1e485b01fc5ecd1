import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { authenticateApiKey } from '../modules/identity/api-keys.service.ts';
import type { SESSION_COOKIE} from '../modules/identity/sessions.service.ts';
import { resolveSession } from '../modules/identity/sessions.service.ts';
import type { AppEnv, Services } from './context.ts';
import { AppError, unauthenticated } from './errors.ts';
import { pickLang } from './messages.ts';
import { requestLogger } from './request-logger.ts';

/** Puts the services, a request id and the language on the context, and logs the request. */
export function requestContext(services: Services): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header('x-request-id');
    const requestId = given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    c.set('services', services);
    c.set('requestId', requestId);
    c.set('lang', pickLang(c.req.header('accept-language')));
    c.set('actor', null);
    c.set('sessionExpired', false);
    const started = performance.now();
    await next();
    c.res.headers.set('x-request-id', requestId); // see securityHeaders: not c.header() once answered
    // The path only: query strings may carry search terms such as a NIK.
    if (services.logger.isLevelEnabled('info')) {
      requestLogger(c).info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) }, 'request');
    }
  };
}

/** Security headers for every answer (CSP allows only our own scripts). */
const SECURITY_HEADERS: [string, string][] = [
  [
    'content-security-policy',
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  ],
  ['x-content-type-options', 'nosniff'],
  ['referrer-policy', 'no-referrer'],
  ['x-frame-options', 'DENY'],
  ['cross-origin-opener-policy', 'same-origin'],
  ['permissions-policy', 'camera=(), microphone=(), geolocation=()'],
];

/**
 * Set on the answer's own headers: c.header() after the handler has answered rebuilds the
 * response, and under @hono/node-server that turns a plain string body into a web stream
 * (a real Response, then a streamed write): a large share of a small request's CPU.
 */
export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const headers = c.res.headers;
  for (const [name, value] of SECURITY_HEADERS) headers.set(name, value);
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Finds the actor: an API key (Authorization: Bearer spk_… or X-Api-Key) or the session
 * cookie. Cookie-authenticated writes must carry `X-Simpul-Request: 1`, which a page on
 * another site cannot send without a CORS preflight we never grant (CSRF protection on top
 * of SameSite=Strict). An expired session answers "session expired", not just 401.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.req.path.startsWith('/api/')) return next();
  const services = c.get('services');
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const apiKey = bearer ?? c.req.header('x-api-key');
  if (apiKey) {
    const actor = await authenticateApiKey(services, apiKey);
    if (!actor) throw unauthenticated();
    c.set('actor', actor);
    return next();
  }
  if (!SAFE_METHODS.has(c.req.method) && c.req.header('x-simpul-request') !== '1') {
    throw new AppError(403, 'csrf_rejected');
  }
  const token = getCookie(c, 'simpul_session' satisfies typeof SESSION_COOKIE);
  if (token) {
    const found = await resolveSession(services, token);
    if (found && 'actor' in found) c.set('actor', found.actor);
    else if (found && 'expired' in found) c.set('sessionExpired', true);
  }
  return next();
};
