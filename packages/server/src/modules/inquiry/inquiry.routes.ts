import { z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { INQUIRY_RATE_LIMIT } from '../../http/rate-limit.ts';
import { IdParam, errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { decryptOptional } from '../../config/field-crypto.ts';
import { findMemberOrThrow, memberIdentity } from '../members/members.service.ts';
import { alertRoutes } from './alerts.routes.ts';
import { disputeRoutes } from './disputes.routes.ts';
import { reportPdf } from './inquiry.pdf.ts';
import { answerInquiry, type InquiryAnswer } from './inquiry.service.ts';
import { PURPOSES } from './inquiry.table.ts';

/** Cooperative staff and systems inquire; Dinas admins only print a member's own report. Dinas analysts never query people. */
/** Every inquiry is rate-limited per user or API key: fishing at volume is refused with 429. */
const inquirers = { roles: ['pengurus', 'petugas', 'platform_admin'] as const, apiKey: true, rateLimit: INQUIRY_RATE_LIMIT };

const Money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const InquiryBody = z
  .object({
    nik: z.string().max(40).openapi({ example: '3316014101900001' }),
    fullName: z.string().max(200).openapi({ example: 'Sri Wahyuni' }),
    birthDate: z.string().max(10).openapi({ example: '1990-01-01' }),
    purpose: z.string().max(40).optional().openapi({ description: `Required: ${PURPOSES.join(', ')}`, example: 'new_loan' }),
    consentRef: z.string().max(200).optional().openapi({ description: "Required: the signed consent form's number or the in-app consent record", example: 'PRS-2026-0012' }),
    income: Money.optional().openapi({ description: 'Monthly net income (minor units), for the debt-service ratio' }),
    requestedInstalment: Money.optional().openapi({ description: "The requested loan's monthly instalment (minor units)" }),
  })
  .openapi('InquiryRequest');

const ReportSchema = z
  .object({
    inquiryId: z.number().int(),
    purpose: z.enum(PURPOSES),
    generatedAt: z.string(),
    identityMatch: z.enum(['full', 'partial', 'none', 'unknown']),
    classificationPolicy: z.string(),
    summary: z.object({
      activeAccounts: z.number().int(), totalOutstanding: z.number().int(), monthlyInstalments: z.number().int(),
      worstClassNow: z.string().nullable(), worstClass24Months: z.string().nullable(), restructuredAccounts: z.number().int(),
      writtenOffAccounts: z.number().int(), forgivenAccounts: z.number().int(), disputedEntries: z.number().int(),
      inquiriesLast30Days: z.number().int(), inquiriesLast90Days: z.number().int(),
    }),
    accounts: z.array(z.object({
      accountId: z.number().int(), cooperative: z.object({ code: z.string(), name: z.string() }), accountRef: z.string(), product: z.string().nullable(),
      openedOn: z.string(), originalAmount: z.number().int(), outstanding: z.number().int(), arrears: z.number().int(), daysPastDue: z.number().int(),
      class: z.string().nullable(), status: z.string(), lastPeriod: z.string(), notReportedSince: z.string().nullable(), disputed: z.boolean(),
      history: z.string().openapi({ description: "24 characters, newest first: 0 current, 1 1–30 DPD, 2 31–60, 3 61–90, 4 91–120, 5 121–180, 6 > 180, R restructured, W written off, F forgiven, C closed, - not reported" }),
    })),
    score: z.object({ value: z.number().int(), grade: z.enum(['A', 'B', 'C', 'D', 'E']), reasons: z.array(z.object({ code: z.string(), points: z.number(), message: z.string() })) }),
    debtService: z.object({ income: z.number().int(), existingMonthly: z.number().int(), requestedInstalment: z.number().int(), ratio: z.number() }).nullable(),
    inquiries: z.array(z.object({ at: z.string(), purpose: z.enum(PURPOSES), cooperative: z.object({ code: z.string(), name: z.string() }).nullable() })).optional(),
    rights: z.array(z.string()).optional(),
  })
  .openapi('CreditReport');

const inquiryRoute = defineRoute({
  method: 'post', path: '/api/registry/inquiries', tags: ['Registry inquiries'], access: inquirers,
  summary: 'Inquire about a person (NIK, full name, birth date) with a purpose and consent: the credit report',
  description: 'Without a permissible purpose and a consent reference the inquiry is refused (400) and nothing is returned. Every inquiry is recorded in the audit chain before the answer. purpose own_request gives the member\'s own report with the list of who inquired. ?format=pdf answers a printable PDF.',
  request: { query: z.object({ format: z.enum(['json', 'pdf']).optional() }), body: jsonBody(InquiryBody) },
  responses: { 200: { ...jsonResponse(ReportSchema, 'The credit report'), content: { 'application/json': { schema: ReportSchema }, 'application/pdf': { schema: z.string() } } }, ...errorResponses },
});

const memberInquiryRoute = defineRoute({
  method: 'post', path: '/api/registry/inquiries/member/{id}', tags: ['Registry inquiries'], access: { roles: ['pengurus', 'petugas'] as const, rateLimit: INQUIRY_RATE_LIMIT },
  summary: "Inquire about one of the cooperative's own members (identity and income from the member record), e.g. beside a loan application",
  request: {
    params: IdParam,
    body: jsonBody(z.object({ purpose: InquiryBody.shape.purpose, consentRef: InquiryBody.shape.consentRef, requestedInstalment: InquiryBody.shape.requestedInstalment })),
  },
  responses: { 200: jsonResponse(ReportSchema, 'The credit report'), ...errorResponses },
});

/**
 * The report's JSON as the inquiry answered it — the text whose SHA-256 is on record — sent
 * as it is rather than serialised again; typed as the route's JSON answer, which it is.
 */
function reportJson(c: Context<AppEnv>, answer: InquiryAnswer) {
  return c.body(answer.json, 200, { 'content-type': 'application/json' }) as unknown as ReturnType<typeof c.json<z.output<typeof ReportSchema>, 200>>;
}

export function inquiryRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(memberInquiryRoute, async (c) => {
    const services = c.get('services');
    const actor = actorOf(c);
    const member = await findMemberOrThrow(services, actor, c.req.valid('param').id);
    const { nik, fullName, birthDate } = memberIdentity(services, member);
    const income = decryptOptional(services.keys, member.income_enc);
    const body = c.req.valid('json');
    const answer = await answerInquiry(services, { actor, cooperativeId: actor.cooperativeId }, {
      nik, fullName, birthDate, purpose: body.purpose, consentRef: body.consentRef, requestedInstalment: body.requestedInstalment,
      income: income !== null && /^\d+$/.test(income) ? Number(income) : undefined,
    }, c.get('lang'));
    return reportJson(c, answer);
  });

  app.openapi(inquiryRoute, async (c) => {
    const actor = actorOf(c);
    const lang = c.get('lang');
    const answer = await answerInquiry(c.get('services'), { actor, cooperativeId: actor.cooperativeId }, c.req.valid('json'), lang);
    const report = answer.report;
    if (c.req.valid('query').format === 'pdf') {
      const pdf = await reportPdf(report, lang);
      return c.body(new Uint8Array(pdf), 200, { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="laporan-kredit-${report.inquiryId}.pdf"` });
    }
    return reportJson(c, answer);
  });
  alertRoutes(app);
  disputeRoutes(app);
}
