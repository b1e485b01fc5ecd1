import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../database.ts';

/**
 * PostgreSQL: loan_snapshots no longer checks its loan_id against loans by a foreign key.
 * Close of day writes a snapshot of every active loan each day, selected from the loans
 * themselves (or, for a past month-end, from the loan rows it has just read), and loans are
 * never deleted — so the check cannot fail; but PostgreSQL runs it per row, a lookup and a
 * FOR KEY SHARE lock that dirties every loan's page each day: more than half of the daily
 * snapshot insert (100,000 loans: 5.0 -> 1.8 s of the server's time). SQLite's check is an
 * in-process primary-key probe and stays.
 */
export function snapshotsUnchecked(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      if (dialect === 'postgres') await sql`alter table loan_snapshots drop constraint if exists loan_snapshots_loan_id_fkey`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      if (dialect === 'postgres') await sql`alter table loan_snapshots add constraint loan_snapshots_loan_id_fkey foreign key (loan_id) references loans (id)`.execute(db);
    },
  };
}
