import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { MEMBER_READERS, MEMBER_WRITERS } from '../members/members.routes.ts';
import { CalendarDate } from '../members/members.schemas.ts';
import { recordMovement, reverseMovement, savingsBalances } from './savings.service.ts';
import { savingsStatement } from './savings.statement.ts';
import { SAVINGS_DIRECTIONS, SAVINGS_KINDS } from './savings.table.ts';

const tags = ['Savings'];
const MemberParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });
const MovementParams = MemberParam.extend({ txId: z.coerce.number().int().positive().openapi({ param: { name: 'txId', in: 'path' } }) });

const BalancesSchema = z.object({ pokok: z.number().int(), wajib: z.number().int(), sukarela: z.number().int() }).openapi('SavingsBalances');
const MovementSchema = z
  .object({
    kind: z.enum(SAVINGS_KINDS),
    // Any integer passes here so a zero or negative amount gets its own translated error.
    amount: z.number().int().openapi({ description: 'Whole rupiah (minor units), above zero', example: 50000 }),
    onDate: CalendarDate.optional().openapi({ description: 'Today by default; never in the future' }),
    reference: z.string().trim().max(100).nullable().optional(),
  })
  .strict()
  .openapi('SavingsMovement');
const ResultSchema = z.object({ transactionId: z.number().int(), balances: BalancesSchema }).openapi('SavingsMovementResult');

const LineSchema = z.object({
  id: z.number().int(), onDate: z.string(), kind: z.enum(SAVINGS_KINDS), direction: z.enum(SAVINGS_DIRECTIONS), amount: z.number().int(), balance: z.number().int(),
  reference: z.string().nullable(), reversesId: z.number().int().nullable(), reversedById: z.number().int().nullable(), reason: z.string().nullable(),
});
const StatementSchema = z
  .object({
    kind: z.enum(SAVINGS_KINDS).nullable(), from: z.string().nullable(), to: z.string().nullable(), opening: z.number().int(), closing: z.number().int(),
    totalDeposits: z.number().int(), totalWithdrawals: z.number().int(), lines: z.array(LineSchema),
  })
  .openapi('SavingsStatement');

const movementRoute = (direction: 'deposit' | 'withdrawal') =>
  defineRoute({
    method: 'post', path: `/api/members/{id}/savings/${direction}s`, tags, access: MEMBER_WRITERS,
    summary: direction === 'deposit' ? 'Deposit simpanan pokok, wajib or sukarela' : 'Withdraw savings (pokok and wajib only after the member has left)',
    request: { params: MemberParam, body: jsonBody(MovementSchema) },
    responses: { 201: jsonResponse(ResultSchema, 'Recorded'), ...errorResponses },
  });
const depositRoute = movementRoute('deposit');
const withdrawalRoute = movementRoute('withdrawal');

const reverseRoute = defineRoute({
  method: 'post', path: '/api/members/{id}/savings/transactions/{txId}/reverse', tags, access: MEMBER_WRITERS,
  summary: 'Reverse a mistaken entry with an opposite entry (reason required)',
  request: { params: MovementParams, body: jsonBody(z.object({ reason: z.string().trim().min(3).max(500) }).strict()) },
  responses: { 201: jsonResponse(ResultSchema, 'Reversed'), ...errorResponses, 409: errorResponses[400] },
});

const balancesRoute = defineRoute({
  method: 'get', path: '/api/members/{id}/savings', tags, access: MEMBER_READERS,
  summary: 'A member’s savings balance per kind',
  request: { params: MemberParam },
  responses: { 200: jsonResponse(z.object({ balances: BalancesSchema, total: z.number().int() }), 'Balances'), ...errorResponses },
});

const statementRoute = defineRoute({
  method: 'get', path: '/api/members/{id}/savings/statement', tags, access: MEMBER_READERS,
  summary: 'A member’s savings statement with a running balance',
  request: { params: MemberParam, query: z.object({ kind: z.enum(SAVINGS_KINDS).optional(), from: CalendarDate.optional(), to: CalendarDate.optional() }) },
  responses: { 200: jsonResponse(StatementSchema, 'Statement'), ...errorResponses },
});

export function savingsRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(depositRoute, async (c) => c.json(await recordMovement(c.get('services'), actorOf(c), c.req.valid('param').id, 'deposit', c.req.valid('json')), 201));
  app.openapi(withdrawalRoute, async (c) => c.json(await recordMovement(c.get('services'), actorOf(c), c.req.valid('param').id, 'withdrawal', c.req.valid('json')), 201));
  app.openapi(reverseRoute, async (c) => {
    const { id, txId } = c.req.valid('param');
    return c.json(await reverseMovement(c.get('services'), actorOf(c), id, txId, c.req.valid('json').reason), 201);
  });
  app.openapi(balancesRoute, async (c) => {
    const balances = await savingsBalances(c.get('services'), actorOf(c), c.req.valid('param').id);
    return c.json({ balances, total: balances.pokok + balances.wajib + balances.sukarela }, 200);
  });
  app.openapi(statementRoute, async (c) => c.json(await savingsStatement(c.get('services'), actorOf(c), c.req.valid('param').id, c.req.valid('query')), 200));
}
