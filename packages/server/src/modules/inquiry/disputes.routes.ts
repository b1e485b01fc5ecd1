import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { IdParam, errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { inquiryAbuseFlags } from './abuse.service.ts';
import { DISPUTE_REASONS, listDisputes, openDispute, resolveDispute } from './disputes.service.ts';

const DisputeSchema = z.object({
  id: z.number().int(), accountId: z.number().int(), accountRef: z.string(), furnisher: z.object({ code: z.string(), name: z.string() }),
  reasonCode: z.string(), openedOn: z.string(), dueOn: z.string(), status: z.enum(['open', 'confirmed', 'corrected', 'removed']),
  escalated: z.boolean(), resolvedOn: z.string().nullable(), canAnswer: z.boolean(),
}).openapi('RegistryDispute');

const openRoute = defineRoute({
  method: 'post', path: '/api/registry/disputes', tags: ['Registry disputes'], access: { roles: ['pengurus', 'petugas', 'platform_admin'] as const },
  summary: "Open a member's dispute of one line of their report (after their own report was printed here)",
  request: { body: jsonBody(z.object({ accountId: z.number().int().positive(), reasonCode: z.enum(DISPUTE_REASONS) })) },
  responses: { 201: jsonResponse(z.object({ id: z.number().int(), dueOn: z.string(), status: z.string() }), 'Opened'), ...errorResponses },
});

const resolveRoute = defineRoute({
  method: 'post', path: '/api/registry/disputes/{id}/resolve', tags: ['Registry disputes'], access: { roles: ['pengurus', 'petugas', 'platform_admin'] as const, apiKey: true },
  summary: 'The furnisher confirms or corrects the line, or it is removed as unsubstantiated (the Dinas may decide once overdue)',
  request: { params: IdParam, body: jsonBody(z.object({ outcome: z.enum(['confirmed', 'corrected', 'removed']) })) },
  responses: { 200: jsonResponse(z.object({ id: z.number().int(), status: z.string(), resolvedOn: z.string().nullable() }), 'Resolved'), ...errorResponses },
});

const listRoute = defineRoute({
  method: 'get', path: '/api/registry/disputes', tags: ['Registry disputes'], access: { roles: ['pengurus', 'petugas', 'pengawas', 'platform_admin', 'dinas_analyst'] as const, apiKey: true },
  summary: "Disputes of the cooperative's lines and those it lodged (the Dinas: all, overdue ones escalated)",
  responses: { 200: jsonResponse(z.object({ items: z.array(DisputeSchema) }), 'Disputes'), ...errorResponses },
});

const abuseRoute = defineRoute({
  method: 'get', path: '/api/registry/inquiry-abuse', tags: ['Registry inquiries'], access: { roles: ['platform_admin', 'dinas_analyst'] as const },
  summary: 'Abuse watch: per cooperative, new-loan inquiries with no account within 60 days, and unusual volume (counts only)',
  responses: { 200: jsonResponse(z.object({ items: z.array(z.object({
    cooperativeId: z.number().int(), code: z.string(), name: z.string(), judgedInquiries: z.number().int(), unfollowed: z.number().int(),
    unfollowedShare: z.number(), last30Days: z.number().int(), baseline30Days: z.number(), flags: z.array(z.enum(['fishing', 'unusual_volume'])),
  })) }), 'Flags'), ...errorResponses },
});

export function disputeRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(openRoute, async (c) => {
    const body = c.req.valid('json');
    const d = await openDispute(c.get('services'), actorOf(c), body.accountId, body.reasonCode);
    return c.json({ id: d.id, dueOn: d.due_on, status: d.status }, 201);
  });

  app.openapi(resolveRoute, async (c) => {
    const d = await resolveDispute(c.get('services'), actorOf(c), c.req.valid('param').id, c.req.valid('json').outcome);
    return c.json({ id: d.id, status: d.status, resolvedOn: d.resolved_on }, 200);
  });

  app.openapi(listRoute, async (c) => c.json({ items: await listDisputes(c.get('services'), actorOf(c)) }, 200));

  app.openapi(abuseRoute, async (c) => c.json({ items: await inquiryAbuseFlags(c.get('services')) }, 200));
}
