import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Services } from '../../http/context.ts';
import type { PseudonymousAccount } from '../registry/registry.writer.ts';
import type { AlertKind, RegistryAlertsTable } from './inquiry.table.ts';

/** An event in a furnished batch that other lenders of the same borrower should hear about. */
interface AccountEvent {
  subjectKey: string;
  accountRef: string;
  kind: AlertKind;
}

/** Subjects looked up per query when raising alerts after a batch. */
const LOOKUP_CHUNK = 500;

function eventOf(a: PseudonymousAccount, period: string): AlertKind | null {
  if (a.status === 'written_off') return 'write_off_elsewhere';
  if (a.daysPastDue >= 30 && (a.status === 'active' || a.status === 'restructured')) return 'dpd30_elsewhere';
  if (a.openedOn >= `${period}-01` && a.status === 'active') return 'new_account_elsewhere';
  return null;
}

/**
 * Watches a furnishing batch for alert-worthy lines (a new account, DPD reaching 30, a
 * write-off) as they stream past, and after the batch commits tells every other cooperative
 * with an open account of the same borrower. Index-driven: only the batch's own events are
 * looked at, each by `subject_key` — no scan of the registry.
 */
export class AlertWatch<C extends { accounts: PseudonymousAccount[] }> {
  private readonly events: AccountEvent[] = [];
  constructor(private readonly period: string) {}

  /** Passes the chunks through unchanged, noting the events. */
  async *tap(chunks: AsyncIterable<C> | C[]): AsyncIterable<C> {
    for await (const chunk of chunks) {
      for (const a of chunk.accounts) {
        const kind = eventOf(a, this.period);
        if (kind) this.events.push({ subjectKey: a.subjectKey, accountRef: a.accountRef, kind });
      }
      yield chunk;
    }
  }

  /** Inserts the alerts (once per event and recipient: re-furnishing raises nothing new). */
  async raise(services: Services, furnisherId: number): Promise<number> {
    let raised = 0;
    const at = services.now().toISOString();
    for (let i = 0; i < this.events.length; i += LOOKUP_CHUNK) {
      const events = this.events.slice(i, i + LOOKUP_CHUNK);
      const others = await openAccountsElsewhere(services.db.db, events.map((e) => e.subjectKey), furnisherId);
      const alerts: Insertable<RegistryAlertsTable>[] = [];
      for (const e of events) {
        for (const o of others.get(e.subjectKey) ?? []) {
          alerts.push({ cooperative_id: o.cooperativeId, account_id: o.id, subject_key: e.subjectKey, kind: e.kind, source_cooperative_id: furnisherId, dedup_key: `${e.kind}:${furnisherId}:${e.accountRef}`, created_at: at });
        }
      }
      if (alerts.length === 0) continue;
      const res = await services.db.db.insertInto('registry_alerts').values(alerts).onConflict((oc) => oc.columns(['cooperative_id', 'dedup_key']).doNothing()).executeTakeFirst();
      raised += Number(res.numInsertedOrUpdatedRows ?? 0);
    }
    return raised;
  }
}

async function openAccountsElsewhere(db: Kysely<Database>, subjectKeys: string[], furnisherId: number): Promise<Map<string, { id: number; cooperativeId: number }[]>> {
  const rows = await db
    .selectFrom('registry_accounts')
    .select(['id', 'subject_key', 'cooperative_id'])
    .where('subject_key', 'in', [...new Set(subjectKeys)])
    .where('cooperative_id', '!=', furnisherId)
    .where('status', 'in', ['active', 'restructured'])
    .where('removed_on', 'is', null)
    .execute();
  const bySubject = new Map<string, { id: number; cooperativeId: number }[]>();
  for (const r of rows) bySubject.set(r.subject_key, [...(bySubject.get(r.subject_key) ?? []), { id: r.id, cooperativeId: r.cooperative_id }]);
  return bySubject;
}

export interface AlertItem {
  id: number;
  kind: AlertKind;
  /** The recipient's own account the alert is about (its own reference, in full). */
  accountRef: string;
  source: { code: string; name: string } | null;
  createdAt: string;
  read: boolean;
}

/** A cooperative's inbox, newest first, with its unread count. */
export async function alertInbox(db: Kysely<Database>, cooperativeId: number, options: { limit?: number; from?: string; to?: string } = {}): Promise<{ unread: number; items: AlertItem[] }> {
  let q = db
    .selectFrom('registry_alerts as al')
    .innerJoin('registry_accounts as a', 'a.id', 'al.account_id')
    .leftJoin('cooperatives as c', 'c.id', 'al.source_cooperative_id')
    .select(['al.id', 'al.kind', 'a.account_ref', 'c.code', 'c.name', 'al.created_at', 'al.read_at'])
    .where('al.cooperative_id', '=', cooperativeId);
  if (options.from) q = q.where('al.created_at', '>=', options.from);
  if (options.to) q = q.where('al.created_at', '<', options.to);
  const rows = await q.orderBy('al.id', 'desc').limit(options.limit ?? 200).execute();
  const unread = await db.selectFrom('registry_alerts').select((eb) => eb.fn.countAll<number>().as('n')).where('cooperative_id', '=', cooperativeId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return {
    unread: Number(unread.n),
    items: rows.map((r) => ({ id: r.id, kind: r.kind, accountRef: r.account_ref, source: r.code && r.name ? { code: r.code, name: r.name } : null, createdAt: r.created_at, read: r.read_at !== null })),
  };
}

/** Marks some (or all) of a cooperative's alerts read; others' alerts are never touched. */
export async function markAlertsRead(services: Services, cooperativeId: number, ids: number[] | 'all'): Promise<number> {
  let q = services.db.db.updateTable('registry_alerts').set({ read_at: services.now().toISOString() }).where('cooperative_id', '=', cooperativeId).where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return 0;
    q = q.where('id', 'in', ids);
  }
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}
