import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.ts';
import { refType, withId } from '../portable.ts';

/**
 * Problem-loan resolution (recovery): cases on loans in arrears, their causes, the
 * negotiation log, promises to pay, restructurings with the schedules they replaced,
 * write-offs (hapus buku) with recoveries after them, and forgiveness (hapus tagih) with the
 * RAT decision behind it. Everything is appended: a decision is a row, never an overwrite.
 */
export function recovery(dialect: Dialect): Migration {
  const ref = refType(dialect);
  const money = 'bigint';
  const coop = (c: ColumnDefinitionBuilder) => c.notNull().references('cooperatives.id');
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('recovery_settings')
        .addColumn('cooperative_id', ref, (c) => c.primaryKey().references('cooperatives.id'))
        .addColumn('min_collection_attempts', 'integer', (c) => c.notNull())
        .addColumn('updated_by', ref, (c) => c.references('users.id'))
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      // `open_loan_id` is the loan id while the case is open and null after: a unique
      // constraint on it gives "one open case per loan" on both dialects (nulls are distinct).
      await withId(db.schema.createTable('recovery_cases'), dialect)
        .addColumn('cooperative_id', ref, coop)
        .addColumn('loan_id', ref, (c) => c.notNull().references('loans.id'))
        .addColumn('open_loan_id', ref)
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('opened_by', ref, (c) => c.references('users.id'))
        .addColumn('opened_on', 'text', (c) => c.notNull())
        .addColumn('closed_on', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('recovery_cases_one_open', ['cooperative_id', 'open_loan_id'])
        .execute();
      await db.schema.createIndex('recovery_cases_coop_loan').on('recovery_cases').columns(['cooperative_id', 'loan_id']).execute();

      await withId(db.schema.createTable('recovery_causes'), dialect)
        .addColumn('cooperative_id', ref, coop)
        .addColumn('case_id', ref, (c) => c.notNull().references('recovery_cases.id'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('created_by', ref, (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('recovery_causes_case_code', ['case_id', 'code'])
        .execute();

      await withId(db.schema.createTable('recovery_negotiations'), dialect)
        .addColumn('cooperative_id', ref, coop)
        .addColumn('case_id', ref, (c) => c.notNull().references('recovery_cases.id'))
        .addColumn('met_on', 'text', (c) => c.notNull())
        .addColumn('met_time', 'text', (c) => c.notNull())
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('attendees', 'text', (c) => c.notNull())
        .addColumn('situation', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text', (c) => c.notNull())
        .addColumn('conduct_flags', 'text', (c) => c.notNull())
        .addColumn('created_by', ref, (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('recovery_negotiations_case').on('recovery_negotiations').columns(['case_id', 'met_on']).execute();

      await withId(db.schema.createTable('recovery_promises'), dialect)
        .addColumn('cooperative_id', ref, coop)
        .addColumn('case_id', ref, (c) => c.notNull().references('recovery_cases.id'))
        .addColumn('loan_id', ref, (c) => c.notNull().references('loans.id'))
        .addColumn('made_on', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text', (c) => c.notNull())
        .addColumn('amount', money, (c) => c.notNull())
        .addColumn('created_by', ref, (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('recovery_promises_case').on('recovery_promises').columns(['case_id', 'due_on']).execute();

      await withId(db.schema.createTable('recovery_restructurings'), dialect)
        .addColumn('cooperative_id', ref, coop)
        .addColumn('case_id', ref, (c) => c.notNull().references('recovery_cases.id'))
        .addColumn('loan_id', ref, (c) => c.notNull().references('loans.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('plan', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('proposed_by', ref, (c) => c.references('users.id'))
        .addColumn('proposed_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', ref, (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('decision_note', 'text')
        .addColumn('executed_on', 'text')
        .addColumn('summary', 'text')
        .execute();
      await db.schema.createIndex('recovery_restructurings_loan').on('recovery_restructurings').columns(['cooperative_id', 'loan_id']).execute();

      // The schedule and terms a restructuring replaced, so the loan's history stays whole.
      await withId(db.schema.createTable('loan_schedules'), dialect)
        .addColumn('cooperative_id', ref, coop)
        .addColumn('loan_id', ref, (c) => c.notNull().references('loans.id'))
        .addColumn('restructuring_id', ref, (c) => c.references('recovery_restructurings.id'))
        .addColumn('replaced_on', 'text', (c) => c.notNull())
        .addColumn('terms', 'text', (c) => c.notNull())
        .addColumn('schedule', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('loan_schedules_loan').on('loan_schedules').columns(['cooperative_id', 'loan_id']).execute();

      await withId(db.schema.createTable('recovery_write_offs'), dialect)
        .addColumn('cooperative_id', ref, coop)
        .addColumn('case_id', ref, (c) => c.notNull().references('recovery_cases.id'))
        .addColumn('loan_id', ref, (c) => c.notNull().references('loans.id'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('eligibility', 'text', (c) => c.notNull())
        .addColumn('proposed_by', ref, (c) => c.references('users.id'))
        .addColumn('proposed_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', ref, (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('reviewed_by', ref, (c) => c.references('users.id'))
        .addColumn('reviewed_at', 'text')
        .addColumn('review_note', 'text')
        .addColumn('written_off_on', 'text')
        .addColumn('written_off_amount', money)
        .addColumn('allowance_used', money)
        .execute();
      await db.schema.createIndex('recovery_write_offs_loan').on('recovery_write_offs').columns(['cooperative_id', 'loan_id']).execute();

      await withId(db.schema.createTable('recovery_receipts'), dialect)
        .addColumn('cooperative_id', ref, coop)
        .addColumn('loan_id', ref, (c) => c.notNull().references('loans.id'))
        .addColumn('write_off_id', ref, (c) => c.notNull().references('recovery_write_offs.id'))
        .addColumn('received_on', 'text', (c) => c.notNull())
        .addColumn('amount', money, (c) => c.notNull())
        .addColumn('receipt_no', 'text', (c) => c.notNull())
        .addColumn('created_by', ref, (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('recovery_receipts_coop_no', ['cooperative_id', 'receipt_no'])
        .execute();
      await db.schema.createIndex('recovery_receipts_loan').on('recovery_receipts').columns(['cooperative_id', 'loan_id']).execute();

      await withId(db.schema.createTable('recovery_forgiveness'), dialect)
        .addColumn('cooperative_id', ref, coop)
        .addColumn('loan_id', ref, (c) => c.notNull().references('loans.id'))
        .addColumn('write_off_id', ref, (c) => c.notNull().references('recovery_write_offs.id'))
        .addColumn('rat_meeting_on', 'text', (c) => c.notNull())
        .addColumn('rat_decision_no', 'text', (c) => c.notNull())
        .addColumn('members_present', 'integer', (c) => c.notNull())
        .addColumn('quorum', 'integer', (c) => c.notNull())
        .addColumn('amount', money, (c) => c.notNull())
        .addColumn('forgiven_on', 'text', (c) => c.notNull())
        .addColumn('created_by', ref, (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('recovery_forgiveness_loan', ['cooperative_id', 'loan_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      const tables = ['recovery_forgiveness', 'recovery_receipts', 'recovery_write_offs', 'loan_schedules', 'recovery_restructurings', 'recovery_promises', 'recovery_negotiations', 'recovery_causes', 'recovery_cases', 'recovery_settings'];
      for (const t of tables) await db.schema.dropTable(t).execute();
    },
  };
}
