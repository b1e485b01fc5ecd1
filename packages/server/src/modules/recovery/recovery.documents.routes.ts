import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { IdParam, errorResponses, jsonResponse } from '../../http/schemas.ts';
import { EXPORT_FORMATS, tableDownload } from '../supervision/tabular.ts';
import { RECOVERY_ROLES } from './recovery.access.ts';
import { DOCUMENT_KINDS, recoveryDocument } from './recovery.documents.ts';
import { recoveryReports, REPORT_NAMES, reportTable } from './recovery.reports.ts';

const tags = ['Recovery'];
const { read } = RECOVERY_ROLES;
const pdf = { content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'A PDF document (Indonesian)' };

const documentRoute = defineRoute({
  method: 'get', path: '/api/recovery/cases/{id}/documents/{kind}', tags,
  summary: 'Berita acara of a negotiation, restructuring agreement, write-off or forgiveness decision (Indonesian PDF with the figures)',
  access: { roles: read },
  request: {
    params: IdParam.extend({ kind: z.enum(DOCUMENT_KINDS).openapi({ param: { name: 'kind', in: 'path' } }) }),
    query: z.object({ id: z.coerce.number().int().positive().optional().openapi({ description: 'The negotiation, restructuring or write-off' }) }),
  },
  responses: { 200: pdf, ...errorResponses, 409: errorResponses[400] },
});

const Rate = z.number().nullable();
const reportsRoute = defineRoute({
  method: 'get', path: '/api/recovery/reports', tags, summary: 'Causes breakdown, resolution funnel, promise keep rate, recovery rate on written-off loans',
  access: { roles: read },
  responses: {
    200: jsonResponse(z.object({
      causes: z.array(z.object({ code: z.string(), label: z.string(), cases: z.number().int() })),
      funnel: z.array(z.object({ stage: z.enum(['opened', 'negotiated', 'promised', 'cured', 'restructured', 'written_off', 'forgiven']), cases: z.number().int() })),
      promises: z.object({ made: z.number().int(), kept: z.number().int(), broken: z.number().int(), pending: z.number().int(), keepRate: Rate }),
      recoveries: z.object({ writtenOff: z.number().int(), recovered: z.number().int(), forgiven: z.number().int(), recoveryRate: Rate }),
    }).openapi('RecoveryReports'), 'Reports'),
    ...errorResponses,
  },
});

const exportRoute = defineRoute({
  method: 'get', path: '/api/recovery/reports/{name}/export', tags, summary: 'One recovery report as CSV or XLSX (?format=csv|xlsx)',
  access: { roles: read },
  request: { params: z.object({ name: z.enum(REPORT_NAMES).openapi({ param: { name: 'name', in: 'path' } }) }), query: z.object({ format: z.enum(EXPORT_FORMATS).default('csv') }) },
  responses: { 200: { description: 'The file', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses },
});

export function recoveryDocumentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(documentRoute, async (c) => {
    const { id, kind } = c.req.valid('param');
    const { file, name } = await recoveryDocument(c.get('services'), actorOf(c), id, kind, c.req.valid('query').id);
    return c.body(new Uint8Array(file), 200, { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="${name}"`, 'cache-control': 'no-store' });
  });
  app.openapi(reportsRoute, async (c) => c.json(await recoveryReports(c.get('services'), actorOf(c)), 200));
  app.openapi(exportRoute, async (c) => {
    const { name } = c.req.valid('param');
    return tableDownload(reportTable(await recoveryReports(c.get('services'), actorOf(c)), name), c.req.valid('query').format);
  });
}
