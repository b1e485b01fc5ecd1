import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../database.ts';

/** 0014's candidate index columns, then the two more the daily snapshot reads. */
const CANDIDATE_COLUMNS = [
  'status', 'id', 'state_as_of', 'next_due_on', 'days_past_due', 'updated_at', 'outstanding_principal', 'arrears', 'last_payment_on',
  'restructured_count', 'member_id', 'product_id', 'cooperative_id', 'loan_no',
];
const SNAPSHOT_COLUMNS = ['class_code', 'allowance'];

const SNAPSHOT_TABLE = (name: string, key: string, withoutRowid: boolean) => sql.raw(`create table ${name} (
  loan_id integer not null references loans (id), cooperative_id integer not null, as_of text not null,
  outstanding_principal bigint not null, arrears bigint not null, days_past_due integer not null, class_code text not null,
  allowance bigint not null, status text not null, constraint loan_snapshots_pk primary key (${key}))${withoutRowid ? ' without rowid' : ''}`);

/**
 * Close of day writes a snapshot of every active loan each day. Keyed by (loan, date), the
 * day's rows landed one per page all over the key (a descent into a page the cache soon
 * cannot hold, per loan); keyed by (date, loan) they are appended in order. On SQLite the
 * table becomes that key itself (WITHOUT ROWID: no rowid table beside it), and the index on
 * `as_of` alone goes, the key's prefix now. The snapshot reads the stored state of every
 * active loan: its class and allowance join the candidate index (0014), so it walks that
 * narrow index instead of the wide loan rows.
 */
export function snapshotsByDate(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await setKey(db, dialect, 'as_of, loan_id');
      await db.schema.dropIndex('loan_snapshots_as_of').ifExists().execute();
      await candidateIndex(db, [...CANDIDATE_COLUMNS, ...SNAPSHOT_COLUMNS]);
    },
    async down(db: Kysely<unknown>) {
      await candidateIndex(db, CANDIDATE_COLUMNS);
      await setKey(db, dialect, 'loan_id, as_of');
      await db.schema.createIndex('loan_snapshots_as_of').on('loan_snapshots').column('as_of').execute();
    },
  };
}

async function setKey(db: Kysely<unknown>, dialect: Dialect, key: string): Promise<void> {
  if (dialect === 'postgres') {
    await sql`alter table loan_snapshots drop constraint loan_snapshots_pk, add constraint loan_snapshots_pk primary key (${sql.raw(key)})`.execute(db);
    return;
  }
  // SQLite cannot change a key in place: the table is rebuilt, rows copied in the new key's order.
  const byDate = key.startsWith('as_of');
  await sql`${SNAPSHOT_TABLE('loan_snapshots_new', key, byDate)}`.execute(db);
  await sql`insert into loan_snapshots_new select loan_id, cooperative_id, as_of, outstanding_principal, arrears, days_past_due, class_code, allowance, status
    from loan_snapshots order by ${sql.raw(key)}`.execute(db);
  await sql`drop table loan_snapshots`.execute(db);
  await sql`alter table loan_snapshots_new rename to loan_snapshots`.execute(db);
  await db.schema.createIndex('loan_snapshots_coop_date').on('loan_snapshots').columns(['cooperative_id', 'as_of']).execute();
}

async function candidateIndex(db: Kysely<unknown>, columns: readonly string[]): Promise<void> {
  await db.schema.dropIndex('loans_close_of_day_candidates').execute();
  await db.schema.createIndex('loans_close_of_day_candidates').on('loans').columns([...columns]).where(sql<boolean>`status = 'active'`).execute();
}
