import type { OpenAPIHono} from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { changePassword, signIn, signOut } from './identity.service.ts';
import { ChangePasswordSchema, SignInSchema, UserSchema } from './identity.schemas.ts';
import { deleteSession } from './sessions.repository.ts';
import { SESSION_COOKIE, hashToken, sessionLimits } from './sessions.service.ts';
import { assertSignInAllowed, countSignInFailure } from './sign-in-throttle.ts';
import { findUserView } from './users.repository.ts';

const UserEnvelope = z.object({ user: UserSchema });

const signInRoute = defineRoute({
  method: 'post',
  path: '/api/auth/sign-in',
  tags: ['Auth'],
  summary: 'Sign in with username and password (sets the session cookie)',
  access: { roles: 'public' },
  request: { body: jsonBody(SignInSchema) },
  responses: { 200: jsonResponse(UserEnvelope, 'Signed in'), ...errorResponses, 429: errorResponses[401] },
});

const signOutRoute = defineRoute({
  method: 'post',
  path: '/api/auth/sign-out',
  tags: ['Auth'],
  summary: 'End the current session',
  access: { roles: 'signed_in' },
  responses: { 204: { description: 'Signed out' }, ...errorResponses },
});

const meRoute = defineRoute({
  method: 'get',
  path: '/api/auth/me',
  tags: ['Auth'],
  summary: 'The signed-in user',
  access: { roles: 'signed_in' },
  responses: { 200: jsonResponse(UserEnvelope, 'The user'), ...errorResponses },
});

const changePasswordRoute = defineRoute({
  method: 'post',
  path: '/api/auth/change-password',
  tags: ['Auth'],
  summary: 'Change one’s own password (ends other sessions)',
  access: { roles: 'signed_in' },
  request: { body: jsonBody(ChangePasswordSchema) },
  responses: { 204: { description: 'Changed' }, ...errorResponses },
});

export function authRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(signInRoute, async (c) => {
    const { username, password } = c.req.valid('json');
    assertSignInAllowed(c);
    const { token, user } = await signIn(c.get('services'), username, password).catch((err: unknown) => {
      countSignInFailure(c, err);
      throw err;
    });
    // Rotation: whatever session this browser held before is ended, so a planted or
    // leaked cookie cannot ride along into the new sign-in (session fixation).
    const previous = getCookie(c, SESSION_COOKIE);
    if (previous) await deleteSession(c.get('services').db.db, hashToken(previous));
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      secure: c.req.url.startsWith('https:'),
      maxAge: Math.floor(sessionLimits().absoluteMs / 1000),
    });
    return c.json({ user }, 200);
  });

  app.openapi(signOutRoute, async (c) => {
    await signOut(c.get('services'), actorOf(c));
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  });

  app.openapi(meRoute, async (c) => {
    const actor = actorOf(c);
    if (actor.kind !== 'user') throw notFound();
    const user = await findUserView(c.get('services').db.db, actor.userId);
    if (!user) throw notFound();
    return c.json({ user }, 200);
  });

  app.openapi(changePasswordRoute, async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json');
    await changePassword(c.get('services'), actorOf(c), currentPassword, newPassword);
    return c.body(null, 204);
  });
}
