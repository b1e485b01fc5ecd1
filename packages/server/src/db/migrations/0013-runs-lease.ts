import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * A close-of-day claim names its claimant (host and process) and carries a heartbeat the
 * run renews as it goes: a claim whose process died (same host, pid gone) or whose heartbeat
 * is older than the lease is free again, so a killed CLI run no longer keeps its date until
 * someone passes --force. Existing rows take their start as their last heartbeat.
 */
export function closeOfDayLease(_dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('close_of_day_runs').addColumn('claimed_by', 'text').execute();
      await db.schema.alterTable('close_of_day_runs').addColumn('heartbeat_at', 'text').execute();
      await sql`update close_of_day_runs set heartbeat_at = started_at`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('close_of_day_runs').dropColumn('heartbeat_at').execute();
      await db.schema.alterTable('close_of_day_runs').dropColumn('claimed_by').execute();
    },
  };
}
