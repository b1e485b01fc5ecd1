import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Dialect } from '../../db/database.ts';
import type { AuditEntry } from './audit.table.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** What a caller records; the chain fields are added by `appendAudit`. */
export interface AuditRecord {
  at: string;
  actorUserId: number | null;
  actor: string;
  cooperativeId: number | null;
  action: string;
  subjectType?: string | null;
  subjectId?: string | number | null;
  details?: Record<string, unknown>;
}

type Chained = Omit<AuditEntry, 'id' | 'prev_hash' | 'hash'>;

/** Canonical JSON: keys sorted at every level, so the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** hash = SHA-256(prev_hash + canonical entry): altering any entry breaks every later link. */
export function entryHash(prevHash: string, entry: Chained): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(entry)).digest('hex');
}

/**
 * Appends one entry to the chain. Call it inside the transaction of the action it records,
 * so the action and its audit entry commit together. On PostgreSQL an advisory lock, taken
 * before the chain's head is read and held to commit, keeps concurrent appends (from any
 * process) from forking the chain. On SQLite every transaction begins IMMEDIATE
 * (db/database.ts): it holds the database's one write lock before it reads the head.
 */
export async function appendAudit(trx: Kysely<Database>, dialect: Dialect, record: AuditRecord): Promise<string> {
  const append = await auditAppender(trx, dialect);
  return append(record);
}

/**
 * For several entries in one transaction (a group of inquiries): takes the lock and reads the
 * chain's head once, then links each entry to the one before in memory. The entries are
 * inserted one at a time, so their ids follow the chain.
 */
export async function auditAppender(trx: Kysely<Database>, dialect: Dialect): Promise<(record: AuditRecord) => Promise<string>> {
  if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(7315001)`.execute(trx);
  const last = await trx.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  let prevHash = last?.hash ?? GENESIS_HASH;
  return async (record) => {
    const entry: Chained = {
      at: record.at,
      actor_user_id: record.actorUserId,
      actor: record.actor,
      cooperative_id: record.cooperativeId,
      action: record.action,
      subject_type: record.subjectType ?? null,
      subject_id: record.subjectId == null ? null : String(record.subjectId),
      details: canonicalJson(record.details ?? {}),
    };
    const hash = entryHash(prevHash, entry);
    await trx.insertInto('audit_log').values({ ...entry, prev_hash: prevHash, hash }).execute();
    prevHash = hash;
    return hash;
  };
}

/** The outcome of walking the chain: ok, or the first entry whose link or content is broken. */
export type ChainCheck = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; reason: string };

/** Walks the whole chain in id order, in pages, recomputing every hash. */
export async function verifyAuditChain(db: Kysely<Database>, pageSize = 5000): Promise<ChainCheck> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let count = 0;
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('id', '>', lastId).orderBy('id').limit(pageSize).execute();
    for (const row of page) {
      const { id, prev_hash, hash, ...entry } = row;
      if (prev_hash !== prevHash) return { ok: false, entries: count, brokenAt: id, reason: 'prev_hash does not link to the entry before' };
      if (entryHash(prev_hash, entry) !== hash) return { ok: false, entries: count, brokenAt: id, reason: 'content does not match its hash' };
      prevHash = hash;
      lastId = id;
      count++;
    }
    if (page.length < pageSize) return { ok: true, entries: count };
  }
}
