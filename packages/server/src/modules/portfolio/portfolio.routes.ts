import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { errorResponses, jsonResponse } from '../../http/schemas.ts';
import { LENDING_ROLES } from '../lending/lending.access.ts';
import { portfolioOf } from './portfolio.service.ts';

const Fraction = z.number().openapi({ description: 'A fraction of total loans outstanding (0.05 = 5 %)' });
const Money = z.number().int();

const PortfolioSchema = z
  .object({
    asOf: z.string().nullable().openapi({ description: 'Business date of the latest close of day behind these figures' }),
    nplLimit: Fraction,
    ratios: z.object({
      loanCount: z.number().int(), totalOutstanding: Money, nplAmount: Money, nplGross: Fraction, nplNet: Fraction, par30: Fraction, par90: Fraction,
      weightedProblemLoanRatio: Fraction, allowanceRequired: Money, allowanceBooked: Money, allowanceCoverage: z.number().nullable(),
      healthBand: z.enum(['sehat', 'cukup_sehat', 'kurang_sehat', 'tidak_sehat']),
    }),
    byClass: z.array(z.object({ classCode: z.string(), name: z.string(), nonPerforming: z.boolean(), count: z.number().int(), outstanding: Money, allowance: Money })),
    byProduct: z.array(z.object({ productId: z.number().int(), code: z.string(), name: z.string(), count: z.number().int(), outstanding: Money, nplAmount: Money, nplGross: Fraction })),
    trend: z.array(z.object({ month: z.string(), asOf: z.string(), totalOutstanding: Money, nplGross: Fraction, nplNet: Fraction, par30: Fraction })),
    worsenedSince: z.string().nullable(),
    worsened: z.array(z.object({ loanId: z.number().int(), loanNo: z.string(), memberName: z.string(), fromClass: z.string(), toClass: z.string(), daysPastDue: z.number().int(), outstanding: Money })),
  })
  .openapi('Portfolio');

const portfolioRoute = defineRoute({
  method: 'get',
  path: '/api/portfolio',
  tags: ['Portfolio'],
  summary: "The caller's cooperative portfolio: NPL gross/net against 5 %, PAR, allowance, by class and product, 12-month trend, loans worse this week",
  access: { roles: LENDING_ROLES.read },
  responses: { 200: jsonResponse(PortfolioSchema, 'Portfolio'), ...errorResponses },
});

export function portfolioRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(portfolioRoute, async (c) => c.json(await portfolioOf(c.get('services'), actorOf(c)), 200));
}
