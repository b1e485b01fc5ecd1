import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { IdParam, errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { LENDING_ROLES } from './lending.access.ts';
import { loanDetail, payoffQuote } from './loans.read.service.ts';
import { DateSchema, LoanDetailSchema, PayoffSchema, RepaymentInputSchema, ReversalSchema } from './loans.schemas.ts';
import { recordRepayment, reverseRepayment } from './repayments.service.ts';

const tags = ['Loans'];
const stateErrors = { ...errorResponses, 409: errorResponses[400] };
export const RepaymentParams = IdParam.extend({ repaymentId: z.coerce.number().int().positive().openapi({ param: { name: 'repaymentId', in: 'path' } }) });

const repayRoute = defineRoute({
  method: 'post', path: '/api/loans/{id}/repayments', tags, summary: 'Take a repayment (cash or transfer, receipt number unique); settles the loan when nothing is left',
  access: { roles: LENDING_ROLES.officer }, request: { params: IdParam, body: jsonBody(RepaymentInputSchema) },
  responses: { 201: jsonResponse(LoanDetailSchema.extend({ repaymentId: z.number().int(), settled: z.boolean() }), 'Recorded'), ...stateErrors },
});

const reverseRoute = defineRoute({
  method: 'post', path: '/api/loans/{id}/repayments/{repaymentId}/reverse', tags, summary: 'Reverse a repayment with a reason (pengurus); never deleted',
  access: { roles: LENDING_ROLES.manager }, request: { params: RepaymentParams, body: jsonBody(ReversalSchema) },
  responses: { 200: jsonResponse(LoanDetailSchema, 'Reversed'), ...stateErrors },
});

const payoffRoute = defineRoute({
  method: 'get', path: '/api/loans/{id}/payoff', tags, summary: 'Early payoff quote: paying it on that date settles the loan',
  access: { roles: LENDING_ROLES.read }, request: { params: IdParam, query: z.object({ on: DateSchema.optional() }) },
  responses: { 200: jsonResponse(PayoffSchema, 'Quote'), ...stateErrors },
});

export function repaymentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(repayRoute, async (c) => {
    const { id } = c.req.valid('param');
    const result = await recordRepayment(c.get('services'), actorOf(c), id, c.req.valid('json'));
    return c.json({ ...(await loanDetail(c.get('services'), actorOf(c), id)), repaymentId: result.id, settled: result.settled }, 201);
  });
  app.openapi(reverseRoute, async (c) => {
    const { id, repaymentId } = c.req.valid('param');
    await reverseRepayment(c.get('services'), actorOf(c), id, repaymentId, c.req.valid('json').reason);
    return c.json(await loanDetail(c.get('services'), actorOf(c), id), 200);
  });
  app.openapi(payoffRoute, async (c) => c.json(await payoffQuote(c.get('services'), actorOf(c), c.req.valid('param').id, c.req.valid('query').on), 200));
}
