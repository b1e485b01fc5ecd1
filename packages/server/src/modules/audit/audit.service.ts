import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor, Services } from '../../http/context.ts';
import { appendAudit } from './audit.repository.ts';

/** A stable label of who acted, for the audit chain: `user:<name>`, `api_key:<id>`, `system`. */
export function actorLabel(actor: Actor | null): string {
  if (!actor) return 'system';
  return actor.kind === 'user' ? `user:${actor.username}` : `api_key:${actor.keyId}`;
}

/**
 * Records a sensitive action in the audit chain, inside the caller's transaction. Details
 * must never hold personal data (no NIK, name, phone or address): ids and codes only.
 */
export function recordAudit(
  trx: Kysely<Database>,
  services: Services,
  actor: Actor | null,
  action: string,
  subject: { type: string; id: string | number | null; cooperativeId?: number | null },
  details: Record<string, unknown> = {},
): Promise<string> {
  return appendAudit(trx, services.db.dialect, {
    at: services.now().toISOString(),
    actorUserId: actor?.kind === 'user' ? actor.userId : null,
    actor: actorLabel(actor),
    cooperativeId: subject.cooperativeId ?? actor?.cooperativeId ?? null,
    action,
    subjectType: subject.type,
    subjectId: subject.id,
    details,
  });
}
