import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { Actor, AppEnv } from '../../http/context.ts';
import { AppError, badRequest, notFound } from '../../http/errors.ts';
import { translate } from '../../http/messages.ts';
import { IdParam, errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { businessDate } from '../../config/env.ts';
import { COLUMNS } from './furnishing.columns.ts';
import { importFile, resultJson } from './furnishing.files.ts';
import { UnreadableFile } from './furnishing.pipeline.ts';
import type { FileRow } from './furnishing.readers.ts';
import { importRows } from './furnishing.service.ts';
import { furnishingStatus } from './furnishing.status.ts';
import { templateCsv, templateXlsx } from './furnishing.template.ts';

/** Who furnishes: a cooperative's staff in the browser, or its own core system with an API key. */
const furnishers = { roles: ['pengurus', 'petugas'] as const, apiKey: true };
const readers = { roles: ['pengurus', 'petugas', 'pengawas'] as const, apiKey: true };

const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).openapi({ example: '2026-10' });
const Cell = z.union([z.string().max(1000), z.number(), z.null()]);
const AccountSchema = z.record(z.string(), Cell).openapi('FurnishedAccount', { description: `Columns of the furnishing format: ${COLUMNS.join(', ')}` });
const ResultSchema = z
  .object({
    batchId: z.number().int().nullable(), period: z.string(), stored: z.boolean(), duplicateOf: z.number().int().nullable(),
    rows: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), warnings: z.number().int(),
    errors: z.array(z.object({ row: z.number().int(), column: z.string(), value: z.string(), code: z.string(), severity: z.enum(['error', 'warning']), message: z.string(), messageEn: z.string() })),
  })
  .openapi('FurnishingResult');

function cooperativeOf(actor: Actor): number {
  if (actor.cooperativeId === null) throw notFound();
  return actor.cooperativeId;
}

/** JSON accounts as file rows, so the API goes through the very same validation as files. */
function rowsOf(accounts: Record<string, string | number | null>[]): AsyncIterable<FileRow> {
  const header = [...new Set(accounts.flatMap((a) => Object.keys(a)))];
  return (async function* () {
    yield { row: 1, cells: header };
    let row = 1;
    for (const a of accounts) yield { row: ++row, cells: header.map((h) => a[h] ?? null) };
  })();
}

function unreadable(err: unknown): never {
  if (err instanceof UnreadableFile) throw new AppError(400, err.code === 'missing_columns' ? 'missing_columns' : err.code === 'empty_file' ? 'empty_file' : 'unknown_format', { columns: err.detail });
  throw err;
}

const uploadRoute = defineRoute({
  method: 'post', path: '/api/registry/furnishing/files', tags: ['Registry furnishing'], access: furnishers,
  summary: 'Furnish a monthly file (CSV or XLSX, sent as the raw request body)',
  description: 'One row per account active during the month (docs/furnishing.md). Valid rows are stored, bad rows reported; with strict=true nothing is stored if any row is bad. The same file twice changes nothing.',
  request: {
    query: z.object({ period: Period, strict: z.enum(['true', 'false']).optional(), fileName: z.string().max(200).optional() }),
    body: { required: true, content: { 'text/csv': { schema: z.string() }, 'application/octet-stream': { schema: z.string() } } },
  },
  responses: { 200: jsonResponse(ResultSchema, 'Processed'), ...errorResponses },
});

const batchRoute = defineRoute({
  method: 'post', path: '/api/registry/furnishing/batches', tags: ['Registry furnishing'], access: furnishers,
  summary: 'Furnish a batch of accounts as JSON (a full month by default)',
  request: { body: jsonBody(z.object({ period: Period, strict: z.boolean().optional(), fullFile: z.boolean().optional(), accounts: z.array(AccountSchema).min(1).max(20_000) })) },
  responses: { 200: jsonResponse(ResultSchema, 'Processed'), ...errorResponses },
});

const accountRoute = defineRoute({
  method: 'post', path: '/api/registry/furnishing/accounts', tags: ['Registry furnishing'], access: furnishers,
  summary: 'Furnish or update one account (visible to other cooperatives at once)',
  request: { body: jsonBody(z.object({ period: Period, account: AccountSchema })) },
  responses: { 200: jsonResponse(ResultSchema, 'Processed'), ...errorResponses },
});

const listRoute = defineRoute({
  method: 'get', path: '/api/registry/furnishing/batches', tags: ['Registry furnishing'], access: readers,
  summary: "The cooperative's furnishing batches, newest first",
  responses: { 200: jsonResponse(z.object({ items: z.array(z.object({ id: z.number(), period: z.string(), source: z.string(), fileName: z.string().nullable(), rows: z.number(), accepted: z.number(), rejected: z.number(), warnings: z.number(), createdAt: z.string() })) }), 'Batches'), ...errorResponses },
});

const issuesRoute = defineRoute({
  method: 'get', path: '/api/registry/furnishing/batches/{id}/issues.csv', tags: ['Registry furnishing'], access: readers,
  summary: "A batch's error report (CSV: row, column, value, code, message)",
  request: { params: IdParam },
  responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses },
});

const statusRoute = defineRoute({
  method: 'get', path: '/api/registry/furnishing/status', tags: ['Registry furnishing'], access: readers,
  summary: 'Last period furnished, its rows accepted and rejected, and missing months',
  responses: { 200: jsonResponse(z.object({ lastPeriod: z.string().nullable(), lastBatch: z.object({ id: z.number(), period: z.string(), rows: z.number(), accepted: z.number(), rejected: z.number(), warnings: z.number(), createdAt: z.string() }).nullable(), missingPeriods: z.array(z.string()), reminder: z.boolean() }), 'Status'), ...errorResponses },
});

const templateRoute = defineRoute({
  method: 'get', path: '/api/registry/furnishing/templates/{format}', tags: ['Registry furnishing'], access: { roles: 'signed_in', apiKey: true },
  summary: 'The furnishing template (CSV or XLSX)',
  request: { params: z.object({ format: z.enum(['csv', 'xlsx']).openapi({ param: { name: 'format', in: 'path' } }) }) },
  responses: { 200: { description: 'Template file' }, ...errorResponses },
});

export function furnishingRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(uploadRoute, async (c) => {
    const { period, strict, fileName } = c.req.valid('query');
    const bytes = Buffer.from(await c.req.arrayBuffer());
    if (bytes.length === 0) throw badRequest('empty_file');
    const actor = actorOf(c);
    const source = actor.kind === 'api_key' ? 'api' : 'file';
    const result = await importFile(c.get('services'), { file: bytes, fileName: fileName ?? 'upload', cooperativeId: cooperativeOf(actor), period, strict: strict === 'true', actor, source, buffered: true }).catch(unreadable);
    return c.json(resultJson(result, c.get('lang')), 200);
  });

  app.openapi(batchRoute, async (c) => {
    const body = c.req.valid('json');
    const actor = actorOf(c);
    const req = { cooperativeId: cooperativeOf(actor), period: body.period, source: 'api' as const, strict: Boolean(body.strict), fullFile: body.fullFile ?? true, actor, buffered: true };
    const result = await importRows(c.get('services'), req, rowsOf(body.accounts)).catch(unreadable);
    return c.json(resultJson(result, c.get('lang')), 200);
  });

  app.openapi(accountRoute, async (c) => {
    const body = c.req.valid('json');
    const actor = actorOf(c);
    const req = { cooperativeId: cooperativeOf(actor), period: body.period, source: 'api' as const, strict: true, fullFile: false, actor, buffered: true };
    const result = await importRows(c.get('services'), req, rowsOf([body.account])).catch(unreadable);
    return c.json(resultJson(result, c.get('lang')), 200);
  });

  app.openapi(listRoute, async (c) => {
    const rows = await c.get('services').db.db.selectFrom('registry_batches').selectAll().where('cooperative_id', '=', cooperativeOf(actorOf(c))).orderBy('id', 'desc').limit(100).execute();
    const items = rows.map((b) => ({ id: b.id, period: b.period, source: b.source, fileName: b.file_name, rows: b.rows_total, accepted: b.accepted, rejected: b.rejected, warnings: b.warnings, createdAt: b.created_at }));
    return c.json({ items }, 200);
  });

  app.openapi(issuesRoute, async (c) => {
    const { db } = c.get('services').db;
    const batch = await db.selectFrom('registry_batches').select(['id', 'cooperative_id']).where('id', '=', c.req.valid('param').id).executeTakeFirst();
    if (!batch || batch.cooperative_id !== cooperativeOf(actorOf(c))) throw notFound();
    const issues = await db.selectFrom('registry_batch_issues').selectAll().where('batch_id', '=', batch.id).orderBy('row_number').execute();
    const lang = c.get('lang');
    const lines = ['row,column,value,severity,code,message', ...issues.map((i) => [i.row_number, i.column_name, i.value ?? '', i.severity, i.code, translate(i.code, lang)].map(csvCell).join(','))];
    return c.body(`\uFEFF${lines.join('\r\n')}\r\n`, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="batch-${batch.id}-issues.csv"` });
  });

  app.openapi(statusRoute, async (c) => {
    const services = c.get('services');
    return c.json(await furnishingStatus(services.db.db, cooperativeOf(actorOf(c)), businessDate(services.now())), 200);
  });

  app.openapi(templateRoute, async (c) => {
    if (c.req.valid('param').format === 'csv') {
      return c.body(`\uFEFF${templateCsv()}`, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="simpul-furnishing-template.csv"' });
    }
    return c.body(new Uint8Array(await templateXlsx()), 200, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': 'attachment; filename="simpul-furnishing-template.xlsx"' });
  });
}

/**
 * A CSV cell that is safe to open in a spreadsheet: quoted, and a leading = + - @ made
 * inert so a value from a furnished file can never become a live formula.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== String(value) ? `"${text.replaceAll('"', '""')}"` : text;
}

