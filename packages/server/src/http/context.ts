import type { Logger } from 'pino';
import type { Db } from '../db/database.ts';
import type { Keys } from '../config/keys.ts';
import type { Role } from '../modules/identity/identity.table.ts';
import type { Lang } from './messages.ts';

/** Everything a request handler or a CLI command needs, built once per process. */
export interface Services {
  db: Db;
  keys: Keys;
  logger: Logger;
  /** The clock, injectable so tests can move time (session expiry, lockouts). */
  now: () => Date;
  version: string;
  /** Where the built web app lives, if it should be served. */
  webDist?: string;
}

/** Who is making the request: a signed-in user, or a cooperative's system with an API key. */
export type Actor =
  | {
      kind: 'user';
      userId: number;
      username: string;
      role: Role;
      cooperativeId: number | null;
      sessionHash: string;
    }
  | { kind: 'api_key'; keyId: number; role: 'system'; cooperativeId: number };

export interface AppEnv {
  Variables: {
    services: Services;
    actor: Actor | null;
    /** A session cookie was presented but had expired: 401 says so. */
    sessionExpired: boolean;
    requestId: string;
    lang: Lang;
  };
}
