import { createHash, randomBytes } from 'node:crypto';
import type { Actor, Services } from '../../http/context.ts';
import { deleteSession, findSessionWithUser, insertSession, touchSession } from './sessions.repository.ts';

/** Idle and absolute lifetimes of a session; overridable for operators and tests. */
export function sessionLimits(env: NodeJS.ProcessEnv = process.env) {
  return {
    idleMs: Number(env.SIMPUL_SESSION_IDLE_MINUTES ?? 120) * 60_000,
    absoluteMs: Number(env.SIMPUL_SESSION_MAX_HOURS ?? 12) * 3_600_000,
  };
}

export const SESSION_COOKIE = 'simpul_session';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function expiry(createdAt: Date, seenAt: Date): string {
  const { idleMs, absoluteMs } = sessionLimits();
  return new Date(Math.min(createdAt.getTime() + absoluteMs, seenAt.getTime() + idleMs)).toISOString();
}

/** Starts a session for a user and returns the cookie token (only its hash is stored). */
export async function startSession(services: Services, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const now = services.now();
  await insertSession(services.db.db, {
    tokenHash: hashToken(token),
    userId,
    createdAt: now.toISOString(),
    expiresAt: expiry(now, now),
  });
  return token;
}

export type SessionLookup = { actor: Actor } | { expired: true } | null;

/**
 * Resolves a cookie token to its user. An expired session is removed and reported as
 * expired (so the user is told why); an unknown token is simply no session.
 */
export async function resolveSession(services: Services, token: string): Promise<SessionLookup> {
  const tokenHash = hashToken(token);
  const row = await findSessionWithUser(services.db.db, tokenHash);
  if (!row) return null;
  const now = services.now();
  if (row.expires_at <= now.toISOString() || row.disabled === 1) {
    await deleteSession(services.db.db, tokenHash);
    return { expired: true };
  }
  // Slide the idle expiry, but write at most once a minute to keep reads cheap.
  if (now.getTime() - Date.parse(row.last_seen_at) > 60_000) {
    await touchSession(services.db.db, tokenHash, now.toISOString(), expiry(new Date(row.created_at), now));
  }
  return {
    actor: {
      kind: 'user',
      userId: row.user_id,
      username: row.username,
      role: row.role,
      cooperativeId: row.cooperative_id,
      sessionHash: tokenHash,
    },
  };
}
