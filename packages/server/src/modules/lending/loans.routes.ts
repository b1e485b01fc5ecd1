import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { IdParam, errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { LENDING_ROLES } from './lending.access.ts';
import { LOAN_STATUSES } from './lending.table.ts';
import { applyForLoan, recordConsent } from './loans.application.service.ts';
import { approveLoan, disburseLoan, rejectLoan } from './loans.decision.service.ts';
import { loanDetail, loansOf } from './loans.read.service.ts';
import { ApplicationSchema, ConsentSchema, DecisionSchema, DisbursementSchema, LoanDetailSchema, LoanSummarySchema, RejectionSchema } from './loans.schemas.ts';

const tags = ['Loans'];
const Detail = jsonResponse(LoanDetailSchema, 'The loan with schedule, repayments and history');
const stateErrors = { ...errorResponses, 409: errorResponses[400] };

const listRoute = defineRoute({
  method: 'get', path: '/api/loans', tags, summary: "The cooperative's loans, newest first (filter by status or member)",
  access: { roles: LENDING_ROLES.read },
  request: { query: z.object({ status: z.enum(LOAN_STATUSES).optional(), memberId: z.coerce.number().int().positive().optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(LoanSummarySchema) }), 'Loans'), ...errorResponses },
});

const getRoute = defineRoute({
  method: 'get', path: '/api/loans/{id}', tags, summary: 'A loan with its schedule, repayments and history',
  access: { roles: LENDING_ROLES.read }, request: { params: IdParam },
  responses: { 200: Detail, ...errorResponses },
});

const applyRoute = defineRoute({
  method: 'post', path: '/api/loans', tags, summary: "Record a member's application, checked against the product's limits",
  access: { roles: LENDING_ROLES.officer }, request: { body: jsonBody(ApplicationSchema) },
  responses: { 201: Detail, ...errorResponses },
});

/** One POST /api/loans/{id}/<action> route. */
function action<S extends z.ZodType>(path: string, summary: string, roles: typeof LENDING_ROLES.officer | typeof LENDING_ROLES.manager, body: S) {
  return defineRoute({
    method: 'post', path: `/api/loans/{id}/${path}`, tags, summary, access: { roles },
    request: { params: IdParam, body: jsonBody(body) },
    responses: { 200: Detail, ...stateErrors },
  });
}

const consentRoute = action('consent', "Record the applicant's signed consent to a registry check", LENDING_ROLES.officer, ConsentSchema);
const approveRoute = action('approve', 'Approve an application (pengurus; not the one who applied)', LENDING_ROLES.manager, DecisionSchema);
const rejectRoute = action('reject', 'Reject an application with a reason (pengurus; not the one who applied)', LENDING_ROLES.manager, RejectionSchema);
const disburseRoute = action('disburse', 'Pay out an approved loan: fixes the schedule (pengurus)', LENDING_ROLES.manager, DisbursementSchema);

export function loanRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => c.json({ items: await loansOf(c.get('services'), actorOf(c), c.req.valid('query')) }, 200));
  app.openapi(getRoute, async (c) => c.json(await loanDetail(c.get('services'), actorOf(c), c.req.valid('param').id), 200));
  app.openapi(applyRoute, async (c) => {
    const id = await applyForLoan(c.get('services'), actorOf(c), c.req.valid('json'));
    return c.json(await loanDetail(c.get('services'), actorOf(c), id), 201);
  });
  app.openapi(consentRoute, async (c) => {
    const { id } = c.req.valid('param');
    await recordConsent(c.get('services'), actorOf(c), id, c.req.valid('json').consentRef);
    return c.json(await loanDetail(c.get('services'), actorOf(c), id), 200);
  });
  app.openapi(approveRoute, async (c) => {
    const { id } = c.req.valid('param');
    await approveLoan(c.get('services'), actorOf(c), id, c.req.valid('json').reason);
    return c.json(await loanDetail(c.get('services'), actorOf(c), id), 200);
  });
  app.openapi(rejectRoute, async (c) => {
    const { id } = c.req.valid('param');
    await rejectLoan(c.get('services'), actorOf(c), id, c.req.valid('json').reason);
    return c.json(await loanDetail(c.get('services'), actorOf(c), id), 200);
  });
  app.openapi(disburseRoute, async (c) => {
    const { id } = c.req.valid('param');
    await disburseLoan(c.get('services'), actorOf(c), id, c.req.valid('json').on);
    return c.json(await loanDetail(c.get('services'), actorOf(c), id), 200);
  });
}
