import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../database.ts';
import { refType } from '../portable.ts';

/**
 * Loan numbers (PJ-YYYY-nnnnn) are drawn from one counter row per cooperative and year,
 * incremented inside the application's transaction: the row's lock makes two applications
 * arriving together take turns instead of both counting the same loans and colliding on
 * the unique key. Back-filled with the highest number each cooperative already gave out
 * in each year, so the next number follows on.
 */
export function loanNumbers(dialect: Dialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('loan_number_counters')
        .addColumn('cooperative_id', refType(dialect), (c) => c.notNull().references('cooperatives.id'))
        .addColumn('year', 'text', (c) => c.notNull())
        .addColumn('last_no', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('loan_number_counters_pk', ['cooperative_id', 'year'])
        .execute();
      await sql`insert into loan_number_counters (cooperative_id, year, last_no)
        select cooperative_id, substr(loan_no, 4, 4), max(cast(substr(loan_no, 9) as integer)) from loans
        where loan_no like 'PJ-____-%' group by cooperative_id, substr(loan_no, 4, 4)`.execute(db);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('loan_number_counters').execute();
    },
  };
}
