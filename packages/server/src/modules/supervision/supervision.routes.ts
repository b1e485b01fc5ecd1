import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { IdParam, errorResponses, jsonResponse } from '../../http/schemas.ts';
import { cooperativeSupervision } from './supervision.cooperative.ts';
import { cooperativesTable } from './supervision.cooperatives-table.ts';
import { dashboardAnswer, districtDashboard } from './supervision.dashboard.ts';
import { districtPdf } from './supervision.pdf.ts';
import { statusProposals } from './supervision.proposals.ts';
import { CooperativeSupervisionSchema, CooperativesTableQuery, CooperativesTableSchema, DashboardSchema, ProposalsSchema, TrendPointSchema } from './supervision.schemas.ts';
import { SUPERVISION_TABLES, supervisionTable } from './supervision.tables.ts';
import { trend } from './supervision.trend.ts';
import { businessDate } from '../../config/env.ts';
import type { Services } from '../../http/context.ts';
import { shiftPeriod } from './supervision.policy.ts';
import { EXPORT_FORMATS, tableDownload } from './tabular.ts';

/** The month the figures are checked for: the one before the business date's. */
const lastMonthOf = (services: Services): string => shiftPeriod(businessDate(services.now()).slice(0, 7), -1);

/** The Dinas's view: its two roles only, aggregates only. */
const dinas = { roles: ['platform_admin', 'dinas_analyst'] as const };
const tags = ['Supervision'];

const dashboardRoute = defineRoute({
  method: 'get', path: '/api/supervision/dashboard', tags, access: dinas,
  summary: 'District dashboard: cooperatives, NPL gross and net against 5 %, PAR30, allowance, write-offs, health bands, kecamatan, furnishing',
  responses: { 200: jsonResponse(DashboardSchema, 'Dashboard'), ...errorResponses },
});

const tableRoute = defineRoute({
  method: 'get', path: '/api/supervision/cooperatives', tags, access: dinas,
  summary: 'The cooperatives with their figures, a page at a time: filtered (code or name, kecamatan, health band, above 5 %) and ordered on the server',
  request: { query: CooperativesTableQuery },
  responses: { 200: jsonResponse(CooperativesTableSchema, 'Page of cooperatives'), ...errorResponses },
});

const trendRoute = defineRoute({
  method: 'get', path: '/api/supervision/trend', tags, access: dinas, summary: 'The district 24-month trend from the registry history',
  responses: { 200: jsonResponse(z.object({ items: z.array(TrendPointSchema) }), 'Trend'), ...errorResponses },
});

const cooperativeRoute = defineRoute({
  method: 'get', path: '/api/supervision/cooperatives/{id}', tags, access: dinas,
  summary: "One cooperative for the Dinas: ratios, class totals, trend, furnishing and inquiry counts, status history",
  request: { params: IdParam },
  responses: { 200: jsonResponse(CooperativeSupervisionSchema, 'Cooperative'), ...errorResponses },
});

const proposalsRoute = defineRoute({
  method: 'get', path: '/api/supervision/proposals', tags, access: dinas,
  summary: 'Cooperatives proposed inactive (no RAT, no furnishing) and candidates for dissolution',
  responses: { 200: jsonResponse(ProposalsSchema, 'Proposals'), ...errorResponses },
});

const exportRoute = defineRoute({
  method: 'get', path: '/api/supervision/exports/{table}/{format}', tags, access: dinas, summary: 'A dashboard table as CSV or XLSX',
  request: {
    params: z.object({
      table: z.enum(SUPERVISION_TABLES).openapi({ param: { name: 'table', in: 'path' } }),
      format: z.enum(EXPORT_FORMATS).openapi({ param: { name: 'format', in: 'path' } }),
    }),
  },
  responses: { 200: { description: 'File' }, ...errorResponses },
});

const pdfRoute = defineRoute({
  method: 'get', path: '/api/supervision/district.pdf', tags, access: dinas, summary: 'The printable district report for the Kepala Dinas (PDF, Indonesian)',
  responses: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } }, ...errorResponses },
});

export function supervisionRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(dashboardRoute, async (c) => c.json(dashboardAnswer(await districtDashboard(c.get('services'))), 200));
  app.openapi(tableRoute, async (c) => c.json(await cooperativesTable(c.get('services'), c.req.valid('query')), 200));
  app.openapi(trendRoute, async (c) => {
    const services = c.get('services');
    return c.json({ items: await trend(services.db.reader, lastMonthOf(services)) }, 200);
  });
  app.openapi(cooperativeRoute, async (c) => c.json(await cooperativeSupervision(c.get('services'), c.req.valid('param').id), 200));
  app.openapi(proposalsRoute, async (c) => c.json(await statusProposals(c.get('services')), 200));
  app.openapi(exportRoute, async (c) => {
    const services = c.get('services');
    const { table, format } = c.req.valid('param');
    const dashboard = await districtDashboard(services);
    const points = table === 'trend' ? await trend(services.db.reader, dashboard.lastMonth) : [];
    const proposals = table === 'proposals' ? await statusProposals(services) : { asOf: '', settings: { ratYears: 0, furnishingMonths: 0, dissolutionMonths: 0 }, proposedInactive: [], dissolutionCandidates: [] };
    return tableDownload(supervisionTable(table, dashboard, points, proposals), format);
  });
  app.openapi(pdfRoute, async (c) => {
    const services = c.get('services');
    const dashboard = await districtDashboard(services);
    const pdf = await districtPdf(dashboard, await trend(services.db.reader, dashboard.lastMonth));
    return new Response(new Uint8Array(pdf), { headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="laporan-kabupaten-${dashboard.asOf}.pdf"` } });
  });
}
