import { sql, type Kysely, type Migration } from 'kysely';
import type { Database } from '../schema.ts';
import type { Dialect } from '../database.ts';
import { refType } from '../portable.ts';
import { rebuildMonthlySummary } from '../../modules/supervision/supervision.summary.ts';

/**
 * The monthly summary behind the district trend (supervision.table.ts), back-filled from the
 * registry history already stored. The back-fill uses the module's own band arithmetic, so
 * the rows it writes are exactly the ones the furnishing path's refresh would write.
 */
export function supervisionSummary(dialect: Dialect): Migration {
  const money = 'bigint';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('supervision_monthly_summary')
        .addColumn('cooperative_id', refType(dialect), (c) => c.notNull().references('cooperatives.id'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('band', 'integer', (c) => c.notNull())
        .addColumn('accounts', money, (c) => c.notNull())
        .addColumn('outstanding', money, (c) => c.notNull())
        .addColumn('min_dpd', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('supervision_monthly_summary_pk', ['cooperative_id', 'period', 'band'])
        .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
        .execute();
      // The district trend reads months in order across cooperatives: covered by this index alone.
      await db.schema.createIndex('supervision_monthly_summary_period').on('supervision_monthly_summary').columns(['period', 'band', 'accounts', 'outstanding', 'min_dpd']).execute();
      await rebuildMonthlySummary(db as Kysely<Database>);
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('supervision_monthly_summary').execute();
    },
  };
}
