import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { actorOf, defineRoute } from '../../http/access.ts';
import type { AppEnv } from '../../http/context.ts';
import { IdParam, errorResponses, jsonBody, jsonResponse } from '../../http/schemas.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { tenantOf, userIdOf, RECOVERY_ROLES } from './recovery.access.ts';
import { accountsOf } from './recovery.accounts.ts';
import { forgive, recordRecovery } from './recovery.claims.ts';
import { minCollectionAttempts, saveMinCollectionAttempts } from './recovery.repository.ts';
import { approveRestructuring, proposeRestructuring, rejectRestructuring } from './recovery.restructuring.ts';
import {
  AccountsSchema, DecisionSchema, EligibilitySchema, ForgivenessInputSchema, NoteSchema, ProposalSchema, ReasonSchema, RecoveryInputSchema, RequiredNoteSchema,
  ReviewSchema, SettingsSchema,
} from './recovery.schemas.ts';
import { checkWriteOff, decideWriteOff, proposeWriteOff, reviewWriteOff, writeOffOrThrow } from './recovery.writeoff.ts';

const tags = ['Recovery'];
const stateErrors = { ...errorResponses, 409: errorResponses[400] };
const { read, work, manager, reviewer } = RECOVERY_ROLES;
const Done = jsonResponse(z.object({ id: z.number().int(), loanId: z.number().int() }), 'Recorded');

type Roles = (typeof RECOVERY_ROLES)[keyof typeof RECOVERY_ROLES];
/** One POST route with an id in the path and a JSON body. */
function post<S extends z.ZodType>(path: string, summary: string, roles: Roles, body: S) {
  return defineRoute({ method: 'post', path, tags, summary, access: { roles }, request: { params: IdParam, body: jsonBody(body) }, responses: { 200: Done, 201: Done, ...stateErrors } });
}

const proposeRestructuringRoute = post('/api/recovery/cases/{id}/restructurings', 'Propose a restructuring plan (checked by the engine now)', work, ProposalSchema);
// Open to petugas too, so a junior user's attempt gets the seniority rule's own reason, not a bare 403.
const approveRestructuringRoute = post('/api/recovery/restructurings/{id}/approve', 'Approve and execute: by a pengurus senior to the original approver, never the proposer', work, NoteSchema);
const rejectRestructuringRoute = post('/api/recovery/restructurings/{id}/reject', 'Turn a restructuring proposal down with a note (pengurus)', manager, RequiredNoteSchema);
const checkWriteOffRoute = defineRoute({
  method: 'get', path: '/api/recovery/cases/{id}/write-off-check', tags, summary: 'Hapus buku eligibility now: class Macet, allowance complete, documented attempts',
  access: { roles: read }, request: { params: IdParam }, responses: { 200: jsonResponse(EligibilitySchema, 'Eligibility'), ...stateErrors },
});
const proposeWriteOffRoute = post('/api/recovery/cases/{id}/write-offs', 'Propose hapus buku (refused unless eligible)', work, ReasonSchema);
const decideWriteOffRoute = post('/api/recovery/write-offs/{id}/decide', 'The pengurus decides a hapus buku proposal (not the proposer; a petugas is told why not)', work, DecisionSchema);
const reviewWriteOffRoute = post('/api/recovery/write-offs/{id}/review', 'The pengawas reviews; agreeing executes the write-off', reviewer, ReviewSchema);
const recoveryRoute = post('/api/recovery/loans/{id}/recoveries', 'Record money recovered on a written-off loan (not more than the claim)', work, RecoveryInputSchema);
const forgiveRoute = post('/api/recovery/loans/{id}/forgiveness', 'Hapus tagih on a RAT decision: extinguishes the claim, irreversible', manager, ForgivenessInputSchema);
const accountsRoute = defineRoute({
  method: 'get', path: '/api/recovery/accounts', tags, summary: 'Per loan and in total: on balance + written off − recovered − forgiven, reconciled',
  access: { roles: read }, responses: { 200: jsonResponse(AccountsSchema, 'Accounts'), ...errorResponses },
});
const getSettingsRoute = defineRoute({
  method: 'get', path: '/api/recovery/settings', tags, summary: 'Recovery policy: documented collection attempts a write-off needs',
  access: { roles: read }, responses: { 200: jsonResponse(SettingsSchema, 'Settings'), ...errorResponses },
});
const putSettingsRoute = defineRoute({
  method: 'put', path: '/api/recovery/settings', tags, summary: 'Change the recovery policy (pengurus)',
  access: { roles: manager }, request: { body: jsonBody(SettingsSchema) }, responses: { 200: jsonResponse(SettingsSchema, 'Settings'), ...errorResponses },
});

export function recoveryDecisionRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(proposeRestructuringRoute, async (c) => {
    const id = await proposeRestructuring(c.get('services'), actorOf(c), c.req.valid('param').id, c.req.valid('json'));
    const row = await c.get('services').db.db.selectFrom('recovery_restructurings').select('loan_id').where('id', '=', id).executeTakeFirstOrThrow();
    return c.json({ id, loanId: row.loan_id }, 201);
  });
  app.openapi(approveRestructuringRoute, async (c) => {
    const { id } = c.req.valid('param');
    await approveRestructuring(c.get('services'), actorOf(c), id, c.req.valid('json').note);
    return c.json({ id, loanId: (await loanOfRestructuring(c, id)) }, 200);
  });
  app.openapi(rejectRestructuringRoute, async (c) => {
    const { id } = c.req.valid('param');
    await rejectRestructuring(c.get('services'), actorOf(c), id, c.req.valid('json').note);
    return c.json({ id, loanId: (await loanOfRestructuring(c, id)) }, 200);
  });
  app.openapi(checkWriteOffRoute, async (c) => c.json(await checkWriteOff(c.get('services'), actorOf(c), c.req.valid('param').id), 200));
  app.openapi(proposeWriteOffRoute, async (c) => {
    const id = await proposeWriteOff(c.get('services'), actorOf(c), c.req.valid('param').id, c.req.valid('json').reason);
    return c.json({ id, loanId: (await writeOffOrThrow(c.get('services'), actorOf(c), id)).loan_id }, 201);
  });
  app.openapi(decideWriteOffRoute, async (c) => {
    const { id } = c.req.valid('param');
    await decideWriteOff(c.get('services'), actorOf(c), id, c.req.valid('json'));
    return c.json({ id, loanId: (await writeOffOrThrow(c.get('services'), actorOf(c), id)).loan_id }, 200);
  });
  app.openapi(reviewWriteOffRoute, async (c) => {
    const { id } = c.req.valid('param');
    await reviewWriteOff(c.get('services'), actorOf(c), id, c.req.valid('json'));
    return c.json({ id, loanId: (await writeOffOrThrow(c.get('services'), actorOf(c), id)).loan_id }, 200);
  });
  app.openapi(recoveryRoute, async (c) => {
    const loanId = c.req.valid('param').id;
    return c.json({ id: await recordRecovery(c.get('services'), actorOf(c), loanId, c.req.valid('json')), loanId }, 201);
  });
  app.openapi(forgiveRoute, async (c) => {
    const loanId = c.req.valid('param').id;
    await forgive(c.get('services'), actorOf(c), loanId, c.req.valid('json'));
    return c.json({ id: loanId, loanId }, 200);
  });
  app.openapi(accountsRoute, async (c) => c.json(await accountsOf(c.get('services').db.db, tenantOf(actorOf(c))), 200));
  app.openapi(getSettingsRoute, async (c) => c.json({ minCollectionAttempts: await minCollectionAttempts(c.get('services').db.db, tenantOf(actorOf(c))) }, 200));
  app.openapi(putSettingsRoute, async (c) => {
    const services = c.get('services');
    const actor = actorOf(c);
    const cooperativeId = tenantOf(actor);
    const value = c.req.valid('json').minCollectionAttempts;
    await services.db.db.transaction().execute(async (trx) => {
      await saveMinCollectionAttempts(trx, cooperativeId, value, userIdOf(actor), services.now().toISOString());
      await recordAudit(trx, services, actor, 'recovery.settings_changed', { type: 'cooperative', id: cooperativeId, cooperativeId }, { minCollectionAttempts: value });
    });
    return c.json({ minCollectionAttempts: value }, 200);
  });
}

async function loanOfRestructuring(c: { get(key: 'services'): AppEnv['Variables']['services'] }, id: number): Promise<number> {
  const row = await c.get('services').db.db.selectFrom('recovery_restructurings').select('loan_id').where('id', '=', id).executeTakeFirstOrThrow();
  return row.loan_id;
}
