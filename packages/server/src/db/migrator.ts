import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './database.ts';
import { migrations } from './migrations/index.ts';

/** Migration state as shown by /api/health and `simpul migrate`. */
export interface MigrationState {
  applied: number;
  pending: number;
  latest: string | null;
}

type MigrationList = Record<string, (dialect: Db['dialect']) => Migration>;

function migrator(handle: Db, list: MigrationList): Migrator {
  const all: Record<string, Migration> = {};
  for (const [name, build] of Object.entries(list)) all[name] = build(handle.dialect);
  return new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => all },
    // Kysely refuses to run when an already-applied migration is followed by an unapplied
    // one that sorts before it: a migration applied out of order is refused.
    allowUnorderedMigrations: false,
  });
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(handle: Db, list: MigrationList = migrations): Promise<string[]> {
  const result: MigrationResultSet = await forgettingState(handle, () => migrator(handle, list).migrateToLatest());
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName;
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(failed ? `Migration ${failed} failed: ${reason}` : `Migrations refused: ${reason}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Applies migrations up to and including `name` (a restore stops at its backup's version). */
export async function migrateTo(handle: Db, name: string, list: MigrationList = migrations): Promise<void> {
  const result = await forgettingState(handle, () => migrator(handle, list).migrateTo(name));
  if (result.error) throw new Error(`Migrating to ${name} failed: ${result.error instanceof Error ? result.error.message : String(result.error)}`);
}

export async function migrationState(handle: Db, list: MigrationList = migrations): Promise<MigrationState> {
  const all = await migrator(handle, list).getMigrations();
  const applied = all.filter((m) => m.executedAt !== undefined);
  return {
    applied: applied.length,
    pending: all.length - applied.length,
    latest: applied.at(-1)?.name ?? null,
  };
}

/**
 * The migration state as this process last knew it, for /api/health: read once per open
 * database and again only after this process runs a migration. Reading it costs a lock-table
 * check and a full read of the migration table, too much for a liveness probe polled by load
 * balancers and the benchmark floor. A migration run by another process is seen after a restart.
 */
const known = new WeakMap<Db, Promise<MigrationState>>();

export function knownMigrationState(handle: Db): Promise<MigrationState> {
  const cached = known.get(handle);
  if (cached) return cached;
  const state = migrationState(handle);
  known.set(handle, state);
  // A failed read is retried on the next call.
  state.catch(() => known.get(handle) === state && known.delete(handle));
  return state;
}

/** Runs a migration and forgets the known state, whether it succeeded or not. */
async function forgettingState<T>(handle: Db, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } finally {
    known.delete(handle);
  }
}
