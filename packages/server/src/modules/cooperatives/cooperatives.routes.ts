import type { OpenAPIHono} from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { addCooperative, visibleCooperatives } from './cooperatives.service.ts';
import { COOPERATIVE_TYPES } from './cooperatives.table.ts';

export const CooperativeSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    nikKoperasi: z.string().nullable(),
    type: z.enum(COOPERATIVE_TYPES),
    createdAt: z.string(),
  })
  .openapi('Cooperative');

const NewCooperativeSchema = z
  .object({
    code: z.string().trim().min(2).max(20).regex(/^[A-Za-z0-9_-]+$/),
    name: z.string().trim().min(2).max(200),
    nikKoperasi: z.string().trim().max(40).nullable().optional(),
    type: z.enum(COOPERATIVE_TYPES).optional(),
  })
  .openapi('NewCooperative');

const listRoute = defineRoute({
  method: 'get',
  path: '/api/cooperatives',
  tags: ['Cooperatives'],
  summary: 'Cooperatives visible to the caller (all for Dinas roles, own for others)',
  access: { roles: 'signed_in' },
  responses: { 200: jsonResponse(z.object({ items: z.array(CooperativeSchema) }), 'Cooperatives'), ...errorResponses },
});

const addRoute = defineRoute({
  method: 'post',
  path: '/api/cooperatives',
  tags: ['Cooperatives'],
  summary: 'Register a cooperative',
  access: { roles: ['platform_admin'] },
  request: { body: jsonBody(NewCooperativeSchema) },
  responses: { 201: jsonResponse(z.object({ cooperative: CooperativeSchema }), 'Created'), ...errorResponses, 409: errorResponses[400] },
});

export function cooperativeRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => c.json({ items: await visibleCooperatives(c.get('services'), actorOf(c)) }, 200));
  app.openapi(addRoute, async (c) => {
    const cooperative = await addCooperative(c.get('services'), actorOf(c), c.req.valid('json'));
    return c.json({ cooperative }, 201);
  });
}
