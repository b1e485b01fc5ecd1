import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { businessDate } from '../../config/env.ts';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { Actor, AppEnv } from '../../http/context.ts';
import { notFound } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { alertInbox, markAlertsRead } from './alerts.service.ts';
import { ALERT_KINDS } from './inquiry.table.ts';

const staff = { roles: ['pengurus', 'petugas', 'pengawas'] as const, apiKey: true };

const AlertSchema = z.object({
  id: z.number().int(), kind: z.enum(ALERT_KINDS), accountRef: z.string(), source: z.object({ code: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(), read: z.boolean(),
}).openapi('RegistryAlert');

const inboxRoute = defineRoute({
  method: 'get', path: '/api/registry/alerts', tags: ['Registry alerts'], access: staff,
  summary: "Alerts about the cooperative's own borrowers (newest first) and the unread count",
  responses: { 200: jsonResponse(z.object({ unread: z.number().int(), items: z.array(AlertSchema) }), 'Inbox'), ...errorResponses },
});

const readRoute = defineRoute({
  method: 'post', path: '/api/registry/alerts/read', tags: ['Registry alerts'], access: staff,
  summary: 'Mark alerts read (some ids, or all)',
  request: { body: jsonBody(z.object({ ids: z.array(z.number().int().positive()).max(1000).optional(), all: z.boolean().optional() })) },
  responses: { 200: jsonResponse(z.object({ marked: z.number().int(), unread: z.number().int() }), 'Marked'), ...errorResponses },
});

const digestRoute = defineRoute({
  method: 'get', path: '/api/registry/alerts/digest', tags: ['Registry alerts'], access: staff,
  summary: "The day's alerts counted by kind, with the list (business date; today by default)",
  request: { query: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }) },
  responses: { 200: jsonResponse(z.object({ date: z.string(), counts: z.record(z.string(), z.number().int()), items: z.array(AlertSchema) }), 'Digest'), ...errorResponses },
});

function cooperativeOf(actor: Actor): number {
  if (actor.cooperativeId === null) throw notFound();
  return actor.cooperativeId;
}

export function alertRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(inboxRoute, async (c) => c.json(await alertInbox(c.get('services').db.db, cooperativeOf(actorOf(c))), 200));

  app.openapi(readRoute, async (c) => {
    const services = c.get('services');
    const coop = cooperativeOf(actorOf(c));
    const body = c.req.valid('json');
    const marked = await markAlertsRead(services, coop, body.all ? 'all' : (body.ids ?? []));
    const { unread } = await alertInbox(services.db.db, coop, { limit: 1 });
    return c.json({ marked, unread }, 200);
  });

  app.openapi(digestRoute, async (c) => {
    const services = c.get('services');
    const date = c.req.valid('query').date ?? businessDate(services.now());
    // The business day lies within a UTC window one day either side; the exact day is checked per alert.
    const from = new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString();
    const to = new Date(Date.parse(`${date}T00:00:00Z`) + 2 * 86_400_000).toISOString();
    const inbox = await alertInbox(services.db.db, cooperativeOf(actorOf(c)), { from, to, limit: 5000 });
    const items = inbox.items.filter((a) => businessDate(new Date(a.createdAt)) === date);
    const counts: Record<string, number> = Object.fromEntries(ALERT_KINDS.map((k) => [k, 0]));
    for (const a of items) counts[a.kind] = (counts[a.kind] ?? 0) + 1;
    return c.json({ date, counts, items }, 200);
  });
}
