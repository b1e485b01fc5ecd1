import type { OpenAPIHono} from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { IdParam, errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { createUser, disableUser, listUsers } from './identity.service.ts';
import { NewUserSchema, UserSchema } from './identity.schemas.ts';

const managers = ['platform_admin', 'pengurus'] as const;

const listRoute = defineRoute({
  method: 'get',
  path: '/api/users',
  tags: ['Users'],
  summary: 'Users the caller manages (all for an admin, own cooperative for a pengurus)',
  access: { roles: managers },
  responses: { 200: jsonResponse(z.object({ items: z.array(UserSchema) }), 'Users'), ...errorResponses },
});

const createRoute = defineRoute({
  method: 'post',
  path: '/api/users',
  tags: ['Users'],
  summary: 'Add a user',
  access: { roles: managers },
  request: { body: jsonBody(NewUserSchema) },
  responses: { 201: jsonResponse(z.object({ user: UserSchema }), 'Created'), ...errorResponses, 409: errorResponses[400] },
});

const disableRoute = defineRoute({
  method: 'post',
  path: '/api/users/{id}/disable',
  tags: ['Users'],
  summary: 'Disable a user and end their sessions',
  access: { roles: managers },
  request: { params: IdParam },
  responses: { 204: { description: 'Disabled' }, ...errorResponses },
});

export function userRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => c.json({ items: await listUsers(c.get('services'), actorOf(c)) }, 200));

  app.openapi(createRoute, async (c) => {
    const user = await createUser(c.get('services'), actorOf(c), c.req.valid('json'));
    return c.json({ user }, 201);
  });

  app.openapi(disableRoute, async (c) => {
    await disableUser(c.get('services'), actorOf(c), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
