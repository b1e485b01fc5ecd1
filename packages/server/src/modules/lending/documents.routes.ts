import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { IdParam, errorResponses } from '../../http/schemas.ts';
import { agreementPdf, receiptPdf } from './documents.service.ts';
import { LENDING_ROLES } from './lending.access.ts';
import { RepaymentParams } from './repayments.routes.ts';

const tags = ['Loans'];
const pdf = { content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'A PDF document (Indonesian)' };

const agreementRoute = defineRoute({
  method: 'get', path: '/api/loans/{id}/agreement.pdf', tags, summary: 'Printable loan agreement summary with the schedule',
  access: { roles: LENDING_ROLES.read }, request: { params: IdParam },
  responses: { 200: pdf, ...errorResponses, 409: errorResponses[400] },
});

const receiptRoute = defineRoute({
  method: 'get', path: '/api/loans/{id}/repayments/{repaymentId}/receipt.pdf', tags, summary: 'Printable payment receipt (kuitansi)',
  access: { roles: LENDING_ROLES.read }, request: { params: RepaymentParams },
  responses: { 200: pdf, ...errorResponses },
});

const headers = (name: string) => ({ 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}"`, 'cache-control': 'no-store' });

export function documentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(agreementRoute, async (c) => {
    const { file, name } = await agreementPdf(c.get('services'), actorOf(c), c.req.valid('param').id);
    return c.body(new Uint8Array(file), 200, headers(name));
  });
  app.openapi(receiptRoute, async (c) => {
    const { id, repaymentId } = c.req.valid('param');
    const { file, name } = await receiptPdf(c.get('services'), actorOf(c), id, repaymentId);
    return c.body(new Uint8Array(file), 200, headers(name));
  });
}
