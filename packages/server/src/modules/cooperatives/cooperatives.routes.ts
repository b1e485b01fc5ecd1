import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { badRequest } from '../../http/errors.ts';
import { translate } from '../../http/messages.ts';
import { IdParam, errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { EXPORT_FORMATS, tableDownload } from '../supervision/tabular.ts';
import { registryTable } from './cooperatives.export.ts';
import { importRegistry } from './cooperatives.import.ts';
import { CooperativeEditSchema, CooperativeSchema, NewCooperativeSchema, RegistryImportSchema, StatusChangeSchema, StatusHistorySchema } from './cooperatives.schemas.ts';
import { addCooperative, getCooperative, updateCooperative, visibleCooperatives } from './cooperatives.service.ts';
import { changeStatus, statusHistory } from './cooperatives.status.ts';

export { CooperativeSchema } from './cooperatives.schemas.ts';

const tags = ['Cooperatives'];
const admin = { roles: ['platform_admin'] as const };
const dinas = { roles: ['platform_admin', 'dinas_analyst'] as const };
const one = z.object({ cooperative: CooperativeSchema });

const listRoute = defineRoute({
  method: 'get', path: '/api/cooperatives', tags, access: { roles: 'signed_in' },
  summary: 'Cooperatives visible to the caller (all for Dinas roles, own for others)',
  responses: { 200: jsonResponse(z.object({ items: z.array(CooperativeSchema) }), 'Cooperatives'), ...errorResponses },
});

const addRoute = defineRoute({
  method: 'post', path: '/api/cooperatives', tags, access: admin, summary: 'Register a cooperative',
  request: { body: jsonBody(NewCooperativeSchema) },
  responses: { 201: jsonResponse(one, 'Created'), ...errorResponses, 409: errorResponses[400] },
});

const getRoute = defineRoute({
  method: 'get', path: '/api/cooperatives/{id}', tags, access: { roles: 'signed_in' }, summary: 'One cooperative (Dinas roles: any; others: their own)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(one, 'Cooperative'), ...errorResponses },
});

const editRoute = defineRoute({
  method: 'patch', path: '/api/cooperatives/{id}', tags, access: admin, summary: "Edit a cooperative's registry facts",
  request: { params: IdParam, body: jsonBody(CooperativeEditSchema) },
  responses: { 200: jsonResponse(one, 'Updated'), ...errorResponses },
});

const statusRoute = defineRoute({
  method: 'post', path: '/api/cooperatives/{id}/status', tags, access: admin, summary: 'Mark a cooperative active or inactive, with the reason',
  request: { params: IdParam, body: jsonBody(StatusChangeSchema) },
  responses: { 200: jsonResponse(z.object({ history: StatusHistorySchema }), 'Status changed'), ...errorResponses, 409: errorResponses[400] },
});

const historyRoute = defineRoute({
  method: 'get', path: '/api/cooperatives/{id}/status-history', tags, access: dinas, summary: 'Every status change: when, who and why',
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ history: StatusHistorySchema }), 'History'), ...errorResponses },
});

const importRoute = defineRoute({
  method: 'post', path: '/api/cooperatives/import', tags, access: admin,
  summary: "Import the Dinas's list of cooperatives (CSV or XLSX as the raw body)",
  description: 'Good rows are created or updated (matched by kode, else nik_koperasi); bad rows come back by row number and change nothing.',
  request: { query: z.object({ fileName: z.string().max(200).optional() }), body: { required: true, content: { 'text/csv': { schema: z.string() }, 'application/octet-stream': { schema: z.string() } } } },
  responses: { 200: jsonResponse(RegistryImportSchema, 'Imported'), ...errorResponses },
});

const exportRoute = defineRoute({
  method: 'get', path: '/api/cooperatives/export/{format}', tags, access: dinas, summary: 'The cooperative registry as CSV or XLSX',
  request: { params: z.object({ format: z.enum(EXPORT_FORMATS).openapi({ param: { name: 'format', in: 'path' } }) }) },
  responses: { 200: { description: 'File' }, ...errorResponses },
});

export function cooperativeRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => c.json({ items: await visibleCooperatives(c.get('services'), actorOf(c)) }, 200));
  app.openapi(addRoute, async (c) => c.json({ cooperative: await addCooperative(c.get('services'), actorOf(c), c.req.valid('json')) }, 201));
  app.openapi(getRoute, async (c) => c.json({ cooperative: await getCooperative(c.get('services'), actorOf(c), c.req.valid('param').id) }, 200));
  app.openapi(editRoute, async (c) => {
    const cooperative = await updateCooperative(c.get('services'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ cooperative }, 200);
  });
  app.openapi(statusRoute, async (c) => c.json({ history: await changeStatus(c.get('services'), actorOf(c), c.req.valid('param').id, c.req.valid('json')) }, 200));
  app.openapi(historyRoute, async (c) => c.json({ history: await statusHistory(c.get('services'), actorOf(c), c.req.valid('param').id) }, 200));
  app.openapi(importRoute, async (c) => {
    const bytes = Buffer.from(await c.req.arrayBuffer());
    if (bytes.length === 0) throw badRequest('empty_file');
    const result = await importRegistry(c.get('services'), actorOf(c), bytes, c.req.valid('query').fileName);
    const lang = c.get('lang');
    const errors = result.issues.map((i) => ({ ...i, message: translate(i.code, lang) }));
    return c.json({ rows: result.rows, created: result.created, updated: result.updated, rejected: result.rejected, errors }, 200);
  });
  app.openapi(exportRoute, async (c) => tableDownload(await registryTable(c.get('services'), actorOf(c)), c.req.valid('param').format));
}
