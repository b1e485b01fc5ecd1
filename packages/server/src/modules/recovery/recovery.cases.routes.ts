import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { IdParam, errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { RECOVERY_ROLES } from './recovery.access.ts';
import { closeAsCured, openCase, recordCause, recordNegotiation, recordPromise } from './recovery.cases.ts';
import { restructuringOptions } from './recovery.options.ts';
import { CAUSE_CODES, CAUSES } from './recovery.rules.ts';
import {
  CaseDetailSchema, CaseSummarySchema, CauseInputSchema, CauseTaxonomySchema, NegotiationInputSchema, OpenCaseSchema, OptionsInputSchema, OptionsSchema,
  PromiseInputSchema, WorklistQuery, WorklistRowSchema,
} from './recovery.schemas.ts';
import { CASE_STATUSES } from './recovery.table.ts';
import { caseDetail, casesOf } from './recovery.view.ts';
import { worklist } from './recovery.worklist.ts';

const tags = ['Recovery'];
const stateErrors = { ...errorResponses, 409: errorResponses[400] };
const Detail = jsonResponse(CaseDetailSchema, 'The case');
const { read, work } = RECOVERY_ROLES;

const worklistRoute = defineRoute({
  method: 'get', path: '/api/recovery/worklist', tags, summary: 'Loans in arrears ranked by risk (class, DPD, amount, broken promises); filter by officer, class, kecamatan',
  access: { roles: read }, request: { query: WorklistQuery },
  responses: { 200: jsonResponse(z.object({ items: z.array(WorklistRowSchema) }), 'Worklist'), ...errorResponses },
});
const causesRoute = defineRoute({
  method: 'get', path: '/api/recovery/causes', tags, summary: 'The taxonomy of causes with Indonesian and English labels',
  access: { roles: read }, responses: { 200: jsonResponse(z.object({ items: CauseTaxonomySchema }), 'Causes'), ...errorResponses },
});
const listRoute = defineRoute({
  method: 'get', path: '/api/recovery/cases', tags, summary: "The cooperative's recovery cases, newest first",
  access: { roles: read }, request: { query: z.object({ status: z.enum(CASE_STATUSES).optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(CaseSummarySchema) }), 'Cases'), ...errorResponses },
});
const openRoute = defineRoute({
  method: 'post', path: '/api/recovery/cases', tags, summary: 'Open the case of a loan in arrears (the open case if there is one)',
  access: { roles: work }, request: { body: jsonBody(OpenCaseSchema) },
  responses: { 201: Detail, 200: Detail, ...stateErrors },
});
const getRoute = defineRoute({
  method: 'get', path: '/api/recovery/cases/{id}', tags, summary: 'A case with causes, negotiations, promises, restructurings, write-off and claim',
  access: { roles: read }, request: { params: IdParam }, responses: { 200: Detail, ...errorResponses },
});

/** One POST /api/recovery/cases/{id}/<action> route answering the case. */
function caseAction<S extends z.ZodType>(path: string, summary: string, body: S) {
  return defineRoute({
    method: 'post', path: `/api/recovery/cases/{id}/${path}`, tags, summary, access: { roles: work },
    request: { params: IdParam, body: jsonBody(body) }, responses: { 200: Detail, 201: Detail, ...stateErrors },
  });
}
const causeRoute = caseAction('causes', 'Record a cause (from the taxonomy) with a note', CauseInputSchema);
const negotiationRoute = caseAction('negotiations', 'Log a visit or meeting; contacts outside Mon–Sat 08:00–20:00 or with others than the member are flagged', NegotiationInputSchema);
const promiseRoute = caseAction('promises', 'Record a promise to pay (amount, date); kept/broken follows from repayments', PromiseInputSchema);
const cureRoute = caseAction('cure', 'Close the case as cured: the loan is current again', z.object({}).strict());
const optionsRoute = defineRoute({
  method: 'post', path: '/api/recovery/cases/{id}/options', tags, summary: 'Capacity to pay and restructuring options side by side (reschedule, lower rate, capitalise, grace, waive penalties)',
  access: { roles: read }, request: { params: IdParam, body: jsonBody(OptionsInputSchema) },
  responses: { 200: jsonResponse(OptionsSchema, 'Options'), ...stateErrors },
});

export function recoveryCaseRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(worklistRoute, async (c) => c.json({ items: await worklist(c.get('services'), actorOf(c), c.req.valid('query')) }, 200));
  app.openapi(causesRoute, (c) => c.json({ items: CAUSE_CODES.map((code) => ({ code, ...CAUSES[code] })) }, 200));
  app.openapi(listRoute, async (c) => c.json({ items: await casesOf(c.get('services'), actorOf(c), c.req.valid('query').status) }, 200));
  app.openapi(openRoute, async (c) => {
    const { id, created } = await openCase(c.get('services'), actorOf(c), c.req.valid('json').loanId);
    const detail = await caseDetail(c.get('services'), actorOf(c), id);
    return created ? c.json(detail, 201) : c.json(detail, 200);
  });
  app.openapi(getRoute, async (c) => c.json(await caseDetail(c.get('services'), actorOf(c), c.req.valid('param').id), 200));
  app.openapi(causeRoute, async (c) => {
    const { id } = c.req.valid('param');
    await recordCause(c.get('services'), actorOf(c), id, c.req.valid('json'));
    return c.json(await caseDetail(c.get('services'), actorOf(c), id), 201);
  });
  app.openapi(negotiationRoute, async (c) => {
    const { id } = c.req.valid('param');
    await recordNegotiation(c.get('services'), actorOf(c), id, c.req.valid('json'));
    return c.json(await caseDetail(c.get('services'), actorOf(c), id), 201);
  });
  app.openapi(promiseRoute, async (c) => {
    const { id } = c.req.valid('param');
    await recordPromise(c.get('services'), actorOf(c), id, c.req.valid('json'));
    return c.json(await caseDetail(c.get('services'), actorOf(c), id), 201);
  });
  app.openapi(cureRoute, async (c) => {
    const { id } = c.req.valid('param');
    await closeAsCured(c.get('services'), actorOf(c), id);
    return c.json(await caseDetail(c.get('services'), actorOf(c), id), 200);
  });
  app.openapi(optionsRoute, async (c) => c.json(await restructuringOptions(c.get('services'), actorOf(c), c.req.valid('param').id, c.req.valid('json')), 200));
}
