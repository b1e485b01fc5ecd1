/**
 * Record factories for the collections the OpenAPI sampler cannot fill by itself: records
 * that need another record in a given state first (a repayment needs a disbursed loan, a
 * hapus buku proposal an open case), or whose creating route is not "POST the collection".
 * Each makes a real record of the cooperative, through the API where one exists, so every
 * route with an id in its path is tried with a real record of cooperative B.
 *
 * A collection with neither a factory here nor a POST the sampler can satisfy leaves its
 * routes without a real id, and the matrix fails naming them.
 */
import { productBody } from '../lending-fixtures.ts';
import { idIn, type CoopName, type World } from './world.ts';

type Factory = (world: World, coop: CoopName, collection: string) => Promise<number | undefined>;

/** The first number in a filled path (/api/members/12/savings/transactions → 12). */
function parentId(collection: string): number {
  const id = Number(collection.split('/').find((s) => /^\d+$/.test(s)));
  if (!id) throw new Error(`no parent id in ${collection}`);
  return id;
}

/** Sends as the cooperative's user of `role`; returns the parsed answer or throws why not. */
async function as(world: World, coop: CoopName, role: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const actor = world.creators[coop].find((a) => a.role === role);
  if (!actor) throw new Error(`no ${role} in cooperative ${coop}`);
  const sent = await world.send(actor, method, path, body === undefined ? undefined : { type: 'application/json', data: JSON.stringify(body) });
  if (sent.status >= 300) throw new Error(`${method} ${path} as ${role} (${coop}): ${sent.status} ${sent.text.slice(0, 300)}`);
  return JSON.parse(sent.text) as Record<string, unknown>;
}

/** One ordinary loan product per cooperative (the sampled ones allow loans of 1 rupiah over 1 month). */
const products = new WeakMap<World, Partial<Record<CoopName, number>>>();
async function productOf(world: World, coop: CoopName): Promise<number> {
  const known = products.get(world) ?? {};
  products.set(world, known);
  known[coop] ??= ((await as(world, coop, 'pengurus', 'POST', '/api/loan-products', productBody({ code: `PF${world.serial()}`, name: `${world.markers[coop]} pinjaman` }))).product as { id: number }).id;
  return known[coop];
}

/** A disbursed loan of a new member: applied by the petugas, approved and disbursed by the pengurus. */
async function activeLoan(world: World, coop: CoopName): Promise<number> {
  const memberId = await world.recordIn('/api/members', coop, true);
  const productId = await productOf(world, coop);
  if (memberId === undefined) throw new Error(`no member for cooperative ${coop}`);
  const applied = await as(world, coop, 'petugas', 'POST', '/api/loans', { memberId, productId, amount: 6_000_000, tenor: 12, purpose: `${world.markers[coop]} modal`, consentRef: `SP-${world.serial()}` });
  const loanId = (applied.loan as { id: number }).id;
  for (const step of ['approve', 'disburse']) await as(world, coop, 'pengurus', 'POST', `/api/loans/${loanId}/${step}`, {});
  return loanId;
}

/** The negotiation recorded on each case made here: its berita acara is the case's document. */
const negotiations = new Map<number, number>();

/**
 * An open recovery case on a new disbursed loan, with one negotiation recorded through the
 * API. Opening a case through the API needs a loan in arrears, i.e. months of clock; the
 * case row is written as `openCase` writes it instead.
 */
async function openCase(world: World, coop: CoopName): Promise<{ caseId: number; loanId: number }> {
  const loanId = await activeLoan(world, coop);
  const at = world.t.services.now().toISOString();
  const row = await world.t.services.db.db.insertInto('recovery_cases')
    .values({ cooperative_id: world.coopIds[coop], loan_id: loanId, open_loan_id: loanId, status: 'open', opened_by: null, opened_on: at.slice(0, 10), closed_on: null, created_at: at, updated_at: at })
    .returning('id').executeTakeFirstOrThrow();
  const visit = { metOn: at.slice(0, 10), metTime: '10:00', place: `${world.markers[coop]} rumah`, attendees: [{ name: world.markers[coop], role: 'member' }], situation: world.markers[coop], outcome: world.markers[coop] };
  const met = await as(world, coop, 'petugas', 'POST', `/api/recovery/cases/${row.id}/negotiations`, visit);
  negotiations.set(row.id, idIn(met) ?? 0);
  return { caseId: row.id, loanId };
}

/**
 * Query strings a route needs to name a real record beyond its path (filled path → query):
 * a case's berita acara names the negotiation (?id=).
 */
export function recordQuery(template: string, filled: string): string {
  if (template !== '/api/recovery/cases/{id}/documents/{kind}') return '';
  const negotiation = negotiations.get(Number(filled.split('/')[4]));
  return negotiation ? `?id=${negotiation}` : '';
}

export const FACTORIES: Record<string, Factory> = {
  '/api/members/{id}/savings/transactions': async (world, coop, collection) => {
    const answer = await as(world, coop, 'petugas', 'POST', `/api/members/${parentId(collection)}/savings/deposits`, { kind: 'sukarela', amount: 50_000, reference: world.markers[coop] });
    return answer.transactionId as number;
  },
  // Loans are disbursed ones: repayments, recoveries and cases need them; decisions on them still answer (409).
  '/api/loans': (world, coop) => activeLoan(world, coop),
  '/api/loans/{id}/repayments': async (world, coop, collection) => {
    const answer = await as(world, coop, 'petugas', 'POST', `${collection}`, { amount: 100_000, channel: 'cash', receiptNo: `${world.markers[coop]}-${world.serial()}` });
    return answer.repaymentId as number;
  },
  // The inquiry about one of the cooperative's own members: the id is the member's.
  '/api/registry/inquiries/member': (world, coop) => world.recordIn('/api/members', coop, true),
  // A dispute on one of the cooperative's furnished lines, written as `openDispute` writes it
  // (through the API it first needs the member's own inquiry, made with their NIK).
  '/api/registry/disputes': async (world, coop) => {
    await world.recordIn('/api/registry/furnishing/batches', coop);
    const db = world.t.services.db.db;
    const account = await db.selectFrom('registry_accounts').select(['id', 'subject_key']).where('cooperative_id', '=', world.coopIds[coop]).orderBy('id').executeTakeFirstOrThrow();
    const today = world.t.services.now().toISOString().slice(0, 10);
    const row = await db.insertInto('registry_disputes').values({
      account_id: account.id, subject_key: account.subject_key, furnisher_cooperative_id: world.coopIds[coop], opened_by_cooperative_id: world.coopIds[coop],
      opened_by: 'user:matrix', reason_code: 'not_my_loan', opened_on: today, due_on: today, status: 'open',
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },
  '/api/recovery/cases': async (world, coop) => (await openCase(world, coop)).caseId,
  '/api/recovery/restructurings': async (world, coop) => {
    const { caseId, loanId } = await openCase(world, coop);
    const at = world.t.services.now().toISOString();
    const row = await world.t.services.db.db.insertInto('recovery_restructurings')
      .values({ cooperative_id: world.coopIds[coop], case_id: caseId, loan_id: loanId, status: 'proposed', plan: '{"kind":"reschedule","tenor":18}', reason: `${world.markers[coop]} usaha sepi`, proposed_by: null, proposed_at: at, decided_by: null, decided_at: null, decision_note: null, executed_on: null, summary: null })
      .returning('id').executeTakeFirstOrThrow();
    return row.id;
  },
  '/api/recovery/write-offs': async (world, coop) => {
    const { caseId, loanId } = await openCase(world, coop);
    const row = await world.t.services.db.db.insertInto('recovery_write_offs')
      .values({ cooperative_id: world.coopIds[coop], case_id: caseId, loan_id: loanId, status: 'proposed', reason: `${world.markers[coop]} macet`, eligibility: '{}', proposed_by: null, proposed_at: world.t.services.now().toISOString() })
      .returning('id').executeTakeFirstOrThrow();
    return row.id;
  },
  // Recoveries and hapus tagih name the loan.
  '/api/recovery/loans': (world, coop) => activeLoan(world, coop),
};

/** The factory for a filled collection path, if there is one. */
export function factoryFor(collection: string): Factory | undefined {
  const template = collection.replace(/\/\d+(?=\/|$)/g, '/{id}');
  return FACTORIES[template];
}
