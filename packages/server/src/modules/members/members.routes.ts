import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { translate, type Lang, type MessageCode } from '../../http/messages.ts';
import { IdParam, errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { registerMember, updateMember } from './members.register.ts';
import {
  DeactivateSchema, MemberSchema, MemberSummarySchema, MemberUpdateSchema, NewMemberSchema, NikCheckResultSchema, NikCheckSchema, SearchQuery, WarningSchema,
} from './members.schemas.ts';
import { checkNikForActor, deactivateMember, getMember, searchMembers } from './members.service.ts';

/**
 * Member data stays inside the cooperative: its officers (petugas) and board (pengurus)
 * write, its supervisors (pengawas) read, Dinas roles get 403 and API keys are refused.
 */
export const MEMBER_WRITERS = { roles: ['pengurus', 'petugas'] as const };
export const MEMBER_READERS = { roles: ['pengurus', 'petugas', 'pengawas'] as const };

const tags = ['Members'];
const conflictResponse = { 409: errorResponses[400] };
const MemberWithWarnings = z.object({ member: MemberSchema, warnings: z.array(WarningSchema) });

/** Warning codes as the officer reads them, in the request's language. */
export function warningsOf(codes: readonly MessageCode[], lang: Lang) {
  return codes.map((code) => ({ code, message: translate(code, lang) }));
}

const listRoute = defineRoute({
  method: 'get', path: '/api/members', tags, access: MEMBER_READERS,
  summary: 'Search the cooperative’s members by name, member number or exact NIK',
  request: { query: SearchQuery },
  responses: { 200: jsonResponse(z.object({ items: z.array(MemberSummarySchema), total: z.number().int() }), 'Members'), ...errorResponses },
});

const registerRoute = defineRoute({
  method: 'post', path: '/api/members', tags, access: MEMBER_WRITERS,
  summary: 'Register a member (warnings: unknown NIK region, birth date differing from the NIK)',
  request: { body: jsonBody(NewMemberSchema) },
  responses: { 201: jsonResponse(MemberWithWarnings, 'Registered'), ...errorResponses, ...conflictResponse },
});

const nikCheckRoute = defineRoute({
  method: 'post', path: '/api/members/nik-check', tags, access: MEMBER_WRITERS,
  summary: 'Check a NIK before registering: coded birth date and sex, warnings, existing member',
  request: { body: jsonBody(NikCheckSchema) },
  responses: { 200: jsonResponse(NikCheckResultSchema, 'Checked'), ...errorResponses },
});

const getRoute = defineRoute({
  method: 'get', path: '/api/members/{id}', tags, access: MEMBER_READERS,
  summary: 'One member, personal fields decrypted',
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ member: MemberSchema }), 'Member'), ...errorResponses },
});

const updateRoute = defineRoute({
  method: 'patch', path: '/api/members/{id}', tags, access: MEMBER_WRITERS,
  summary: 'Edit a member (a corrected NIK is validated again)',
  request: { params: IdParam, body: jsonBody(MemberUpdateSchema) },
  responses: { 200: jsonResponse(MemberWithWarnings, 'Updated'), ...errorResponses, ...conflictResponse },
});

const deactivateRoute = defineRoute({
  method: 'post', path: '/api/members/{id}/deactivate', tags, access: MEMBER_WRITERS,
  summary: 'Record that a member has left (status inactive, left_on)',
  request: { params: IdParam, body: jsonBody(DeactivateSchema) },
  responses: { 200: jsonResponse(z.object({ member: MemberSchema }), 'Deactivated'), ...errorResponses, ...conflictResponse },
});

export function memberRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => c.json(await searchMembers(c.get('services'), actorOf(c), c.req.valid('query')), 200));

  app.openapi(registerRoute, async (c) => {
    const { member, warnings } = await registerMember(c.get('services'), actorOf(c), c.req.valid('json'));
    return c.json({ member, warnings: warningsOf(warnings, c.get('lang')) }, 201);
  });

  app.openapi(nikCheckRoute, async (c) => {
    const result = await checkNikForActor(c.get('services'), actorOf(c), c.req.valid('json'));
    return c.json({ ...result, warnings: warningsOf(result.warnings, c.get('lang')) }, 200);
  });

  app.openapi(getRoute, async (c) => c.json({ member: await getMember(c.get('services'), actorOf(c), c.req.valid('param').id) }, 200));

  app.openapi(updateRoute, async (c) => {
    const { member, warnings } = await updateMember(c.get('services'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ member, warnings: warningsOf(warnings, c.get('lang')) }, 200);
  });

  app.openapi(deactivateRoute, async (c) => {
    const member = await deactivateMember(c.get('services'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ member }, 200);
  });
}
