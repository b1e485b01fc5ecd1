/**
 * Two cooperatives, a user of every role, an API key and real records of each cooperative,
 * created through the API the OpenAPI document describes — the stage of the authorisation
 * matrix. Cooperative B's free text carries a marker that must never reach anyone else.
 */
import { randomBytes } from 'node:crypto';
import { issueApiKey } from '../../src/modules/identity/api-keys.service.ts';
import { createUser } from '../../src/modules/identity/identity.service.ts';
import { startSession } from '../../src/modules/identity/sessions.service.ts';
import { csv, row } from '../furnishing-rows.ts';
import { factoryFor } from './factories.ts';
import { seedCooperative, seedUser, type TestInstance } from '../harness.ts';
import { allows, operationsOf, sample, type OpenApiDocument, type Operation, type SampleContext } from './openapi.ts';

export type CoopName = 'A' | 'B';

export interface Actor {
  label: string;
  /** The role the access note names, 'api_key', or null when signed out. */
  role: string | null;
  coop: CoopName | null;
  userId?: number;
  apiKey?: string;
}

export interface Sent {
  status: number;
  code: string | undefined;
  text: string;
}

/** Paths whose POST is not "create a record of a cooperative". */
const NOT_RECORDS = [/^\/api\/auth\//, /^\/api\/cooperatives$/, /^\/api\/registry\/furnishing\/(files|accounts)$/];

export class World {
  readonly markers = { B: `Rahasia${randomBytes(4).toString('hex')}`, A: `Milik${randomBytes(4).toString('hex')}` };
  readonly userMarkerB = `PenggunaB${randomBytes(4).toString('hex')}`;
  readonly actors: Actor[] = [];
  readonly coopIds: Record<CoopName, number> = { A: 0, B: 0 };
  readonly creators: Record<CoopName, Actor[]> = { A: [], B: [] };
  /** Collection path (params filled) → ids created per cooperative. */
  private readonly records = new Map<string, Record<CoopName, number[]>>();
  /** Collections no sampled body could create: reported, and their routes get a missing id. */
  readonly uncreatable = new Set<string>();
  /** Why each of those failed (status and body start), for the report. */
  readonly whyUncreatable = new Map<string, string>();
  private counter = 0;
  readonly ops: Operation[];

  constructor(
    readonly t: TestInstance,
    readonly doc: OpenApiDocument,
  ) {
    this.ops = operationsOf(doc);
  }

  async setUp(): Promise<void> {
    this.coopIds.A = (await seedCooperative(this.t, 'KSPA')).id;
    this.coopIds.B = (await seedCooperative(this.t, 'KSPB')).id;
    this.actors.push({ label: 'signed out', role: null, coop: null });
    for (const role of ['platform_admin', 'dinas_analyst'] as const) {
      const user = await seedUser(this.t, `m.${role}`, role);
      this.actors.push({ label: role, role, coop: null, userId: user.id });
    }
    for (const coop of ['A', 'B'] as const) {
      for (const role of ['pengurus', 'petugas', 'pengawas'] as const) {
        const user = await createUser(this.t.services, null, { username: `m.${role}.${coop}`, fullName: `${coop === 'B' ? this.userMarkerB : 'Pengguna A'} ${role}`, role, cooperativeId: this.coopIds[coop], password: 'kata-sandi-uji-123' });
        const actor = { label: `${role} (${coop})`, role, coop, userId: user.id };
        this.creators[coop].push(actor);
        if (coop === 'A') this.actors.push(actor);
      }
      const key = await issueApiKey(this.t.services, null, this.coopIds[coop], `sistem ${coop}`);
      const keyActor = { label: `API key (${coop})`, role: 'api_key', coop, apiKey: key.key };
      this.creators[coop].push(keyActor);
      if (coop === 'A') this.actors.push(keyActor);
    }
  }

  serial(): number {
    return ++this.counter;
  }

  /** Sends a request as the actor; user actors get a fresh session for every write. */
  async send(actor: Actor, method: string, path: string, body?: { type: string; data: string | Uint8Array }): Promise<Sent> {
    const headers: Record<string, string> = {};
    if (actor.apiKey) headers.authorization = `Bearer ${actor.apiKey}`;
    if (actor.userId !== undefined) headers.cookie = `simpul_session=${await this.sessionOf(actor, method !== 'GET')}`;
    if (body) headers['content-type'] = body.type;
    const res = await this.t.request(path, { method, headers, body: body?.data });
    const text = await res.text();
    let code: string | undefined;
    if (/json/.test(res.headers.get('content-type') ?? '')) code = (JSON.parse(text) as { code?: string }).code;
    return { status: res.status, code, text };
  }

  private readonly sessions = new Map<number, string>();
  private async sessionOf(actor: Actor, fresh: boolean): Promise<string> {
    const userId = actor.userId ?? 0;
    const cached = this.sessions.get(userId);
    if (cached && !fresh) return cached;
    const token = await startSession(this.t.services, userId);
    if (!fresh) this.sessions.set(userId, token);
    return token;
  }

  /** The sampling context of a cooperative: its marker and its records' ids. */
  context(coop: CoopName): SampleContext {
    return {
      doc: this.doc,
      marker: this.markers[coop],
      serial: () => this.serial(),
      idFor: (hint) => {
        const wanted = hint.toLowerCase();
        for (const [collection, ids] of this.records) {
          const last = (collection.split('/').filter((s) => s && !/^\d+$/.test(s)).at(-1) ?? '').replace(/[^a-z0-9]/gi, '').toLowerCase();
          if (last.includes(wanted) && ids[coop].length > 0) return ids[coop][0];
        }
        return undefined;
      },
    };
  }

  /** POST routes that create a cooperative's records (no path parameters, not sign-in etc.). */
  creatableCollections(): string[] {
    return this.ops.filter((o) => o.method === 'POST' && !o.path.includes('{') && !NOT_RECORDS.some((re) => re.test(o.path))).map((o) => o.path);
  }

  /** An id of a record of `coop` in the collection; `fresh` creates a new one (for writes). */
  async recordIn(collection: string, coop: CoopName, fresh = false): Promise<number | undefined> {
    const known = this.records.get(collection)?.[coop] ?? [];
    if (!fresh && known.length > 0) return known[0];
    const id = await this.create(collection, coop);
    if (id === undefined) {
      this.uncreatable.add(collection);
      return undefined;
    }
    const entry = this.records.get(collection) ?? { A: [], B: [] };
    entry[coop].push(id);
    this.records.set(collection, entry);
    return id;
  }

  private async create(collection: string, coop: CoopName): Promise<number | undefined> {
    if (collection === '/api/users') {
      const user = await createUser(this.t.services, null, { username: `rec${this.serial()}`, fullName: `${coop === 'B' ? this.userMarkerB : 'Anggota A'} rec`, role: 'petugas', cooperativeId: this.coopIds[coop], password: 'kata-sandi-uji-123' });
      return user.id;
    }
    if (collection === '/api/registry/furnishing/batches') return this.furnish(coop);
    const factory = factoryFor(collection);
    if (factory) return factory(this, coop, collection);
    // A cooperative's own record is the cooperative itself (Dinas views of it included).
    if (/\/cooperatives$/.test(collection)) return this.coopIds[coop];
    const op = this.ops.find((o) => o.method === 'POST' && templateMatches(o.path, collection));
    if (!op?.access) return undefined;
    const access = op.access;
    const creator = this.creators[coop].find((a) => allows(access, a.role));
    if (!creator) return undefined;
    // Required fields first; if the service wants more, every field the schema names.
    for (const allFields of [false, true]) {
      const body = op.bodySchema ? { type: 'application/json', data: JSON.stringify(sample(op.bodySchema, this.context(coop), 'body', 0, allFields)) } : undefined;
      const res = await this.send(creator, 'POST', collection, body);
      if (res.status < 300) return idIn(safeJson(res.text));
      this.whyUncreatable.set(collection, `${res.status} ${res.text.slice(0, 300)} ← ${body?.data.slice(0, 300) ?? ''}`);
    }
    return undefined;
  }

  /** A furnishing batch with one good and one bad row, both carrying the cooperative's marker. */
  private async furnish(coop: CoopName): Promise<number | undefined> {
    const marker = this.markers[coop];
    const n = this.serial();
    const file = csv(row({ account_ref: `${marker}-${n}` }), row({ account_ref: `${marker}-bad-${n}`, original_amount: `-${marker}` }));
    const creator = this.creators[coop].find((a) => a.role === 'petugas');
    if (!creator) return undefined;
    const res = await this.send(creator, 'POST', `/api/registry/furnishing/files?period=2026-10&fileName=${marker}.csv`, { type: 'text/csv', data: file });
    const id = (safeJson(res.text) as { batchId?: number } | undefined)?.batchId;
    return typeof id === 'number' ? id : undefined;
  }
}

/** Whether a path template such as /api/loans/{id}/repayments matches a filled path. */
export function templateMatches(template: string, filled: string): boolean {
  const re = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}|\{[^}]+\}/g, '[^/]+')}$`);
  return re.test(filled);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The id of a created record: a top-level `id`, or the `id` of the first object inside. */
export function idIn(value: unknown): number | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.id === 'number') return record.id;
  for (const [key, inner] of Object.entries(record)) if (/Id$/.test(key) && typeof inner === 'number') return inner;
  for (const inner of Object.values(record)) {
    if (inner && typeof inner === 'object' && !Array.isArray(inner) && typeof (inner as Record<string, unknown>).id === 'number') return (inner as { id: number }).id;
  }
  return undefined;
}
