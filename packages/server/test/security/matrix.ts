/**
 * One cell of the authorisation matrix: an operation, an actor, and whose record the path
 * names. `check` sends the requests and returns what was wrong (nothing, when all is well).
 */
import { csv, row } from '../furnishing-rows.ts';
import { recordQuery } from './factories.ts';
import { allows, sample, type Operation } from './openapi.ts';
import type { Actor, CoopName, Sent, World } from './world.ts';

export type Ownership = 'own' | 'other' | 'none';

export interface Cell {
  op: Operation;
  actor: Actor;
  ownership: Ownership;
}

export interface Tally {
  cells: number;
  requests: number;
  /** 404s for a real record of cooperative B: the tenancy check proven. */
  crossTenant404: number;
  /** 404s where no record of B could be created: only "no 2xx" is proven. */
  crossTenantNoRecord: number;
  crossTenantUnproven: number;
  missingIds: Set<string>;
}

const MISSING_ID = 999_999;
const AUTH_CODES = new Set(['unauthenticated', 'session_expired']);

/** Cooperative whose records the path should name for this actor and ownership. */
function recordCoop(cell: Cell): CoopName {
  if (cell.ownership === 'other') return 'B';
  return cell.actor.coop ?? 'A';
}

async function fillPath(world: World, cell: Cell, fresh: boolean, tally: Tally): Promise<string> {
  const coop = recordCoop(cell);
  let filled = '';
  for (const segment of cell.op.path.split('/').slice(1)) {
    const name = segment.match(/^\{(.+)\}$/)?.[1];
    if (!name) {
      filled += `/${segment}`;
      continue;
    }
    const param = cell.op.parameters.find((p) => p.in === 'path' && p.name === name);
    const integer = param?.schema.type === 'integer' || param?.schema.type === 'number';
    if (integer) {
      const id = await world.recordIn(filled, coop, fresh);
      if (id === undefined) tally.missingIds.add(cell.op.path);
      filled += `/${id ?? MISSING_ID}`;
    } else {
      filled += `/${encodeURIComponent(String(sample(param?.schema ?? {}, world.context(coop), name)))}`;
    }
  }
  return filled;
}

function queryOf(world: World, op: Operation, coop: CoopName, path: string): string {
  const record = recordQuery(op.path, path);
  if (record) return record;
  const params = new URLSearchParams();
  for (const p of op.parameters.filter((x) => x.in === 'query' && x.required)) params.set(p.name, String(sample(p.schema, world.context(coop), p.name)));
  const text = params.toString();
  return text ? `?${text}` : '';
}

function bodyOf(world: World, op: Operation, coop: CoopName): { type: string; data: string } | undefined {
  if (op.bodySchema) return { type: 'application/json', data: JSON.stringify(sample(op.bodySchema, world.context(coop))) };
  const type = op.bodyTypes[0];
  if (!type) return undefined;
  return { type, data: csv(row({ account_ref: `${world.markers[coop]}-${world.serial()}` })) };
}

/**
 * Input that fails validation, to learn whether the access check (which runs first) let the
 * actor through: allowed → 400, signed out → 401, wrong role → 403.
 */
function probeOf(op: Operation, path: string): { path: string; body?: { type: string; data: string } } | undefined {
  if (op.bodySchema) return { path, body: { type: 'application/json', data: '"not an object"' } };
  if (op.parameters.some((p) => p.in === 'query' && p.required)) return { path, body: op.bodyTypes[0] ? { type: op.bodyTypes[0], data: 'x' } : undefined };
  const numeric = op.parameters.find((p) => p.in === 'path' && (p.schema.type === 'integer' || p.schema.type === 'number'));
  if (numeric) return { path: op.path.replace(/\{[^}]+\}/g, (m) => (m === `{${numeric.name}}` ? 'bukan-angka' : '1')) };
  return undefined;
}

function expectedDenial(cell: Cell): 401 | 403 | undefined {
  const access = cell.op.access;
  if (!access || access.roles === 'public') return undefined;
  if (cell.actor.role === null) return 401;
  return allows(access, cell.actor.role) ? undefined : 403;
}

/** Markers this actor must never see in any answer. */
function forbiddenMarkers(world: World, actor: Actor): string[] {
  if (actor.coop === 'B') return [];
  const dinas = actor.coop === null && actor.role !== null;
  return dinas ? [world.markers.B] : [world.markers.B, world.userMarkerB];
}

function describe(cell: Cell, path: string, sent: Sent): string {
  return `${cell.op.method} ${cell.op.path} as ${cell.actor.label} (${cell.ownership}, ${path}) → ${sent.status} ${sent.code ?? ''}`;
}

/** Runs one cell; returns the problems found. */
export async function check(world: World, cell: Cell, tally: Tally): Promise<string[]> {
  const problems: string[] = [];
  const { op, actor } = cell;
  const write = op.method !== 'GET';
  const path = await fillPath(world, cell, write, tally);
  const denial = expectedDenial(cell);
  const probe = probeOf(op, path);
  if (probe) {
    const sent = await world.send(actor, op.method, probe.path, probe.body);
    tally.requests++;
    const want = denial ?? 400;
    if (sent.status !== want) problems.push(`probe: ${describe(cell, probe.path, sent)}, expected ${want}`);
  }
  const coop = actor.coop ?? 'A';
  const sent = await world.send(actor, op.method, `${path}${queryOf(world, op, coop, path)}`, bodyOf(world, op, coop));
  tally.requests++;
  tally.cells++;
  const what = describe(cell, path, sent);
  if (sent.status >= 500) problems.push(`server error: ${what}`);
  for (const marker of forbiddenMarkers(world, actor)) if (sent.text.includes(marker)) problems.push(`leak of cooperative B's data: ${what}`);
  if (denial === 401 && !(sent.status === 401 && AUTH_CODES.has(sent.code ?? ''))) problems.push(`expected 401: ${what}`);
  if (denial === 403 && sent.status !== 403) problems.push(`expected 403: ${what}`);
  if (denial !== undefined) return problems;
  if (!probe && (sent.status === 403 || (sent.status === 401 && AUTH_CODES.has(sent.code ?? '')))) problems.push(`allowed but refused: ${what}`);
  const tenantBound = actor.coop !== null;
  if (cell.ownership === 'other' && tenantBound) {
    if (sent.status < 300) problems.push(`another cooperative's record answered 2xx: ${what}`);
    else if (sent.status === 404) tally[tally.missingIds.has(op.path) ? 'crossTenantNoRecord' : 'crossTenant404']++;
    else if (!op.bodySchema || sent.status !== 400) problems.push(`another cooperative's record: expected 404: ${what}`);
    else tally.crossTenantUnproven++;
  }
  // One's own record is found (a 409 for its state is fine): the ids behind the 404s are real.
  if (cell.ownership === 'own' && tenantBound && !write && !tally.missingIds.has(op.path) && [401, 403, 404].includes(sent.status)) problems.push(`own record not found: ${what}`);
  return problems;
}
