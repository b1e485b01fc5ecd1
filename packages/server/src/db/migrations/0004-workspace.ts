import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../database.ts';
import { refType, withId } from '../portable.ts';

/**
 * A cooperative's own book: members (identity fields encrypted), savings movements, loan
 * products, loans from application to their end, repayments, month-end loan snapshots and
 * the close-of-day log. Every tenant table carries `cooperative_id`, and every index starts
 * with it: each query filters by it first.
 */
export function workspace(dialect: Dialect): Migration {
  const ref = refType(dialect);
  const money = 'bigint';
  return {
    async up(db: Kysely<unknown>) {
      await withId(db.schema.createTable('members'), dialect)
        .addColumn('cooperative_id', ref, (c) => c.notNull().references('cooperatives.id'))
        .addColumn('member_no', 'text', (c) => c.notNull())
        .addColumn('full_name', 'text', (c) => c.notNull())
        .addColumn('name_search', 'text', (c) => c.notNull())
        .addColumn('birth_date', 'text', (c) => c.notNull())
        .addColumn('sex', 'text', (c) => c.notNull())
        .addColumn('nik_enc', 'text', (c) => c.notNull())
        .addColumn('nik_index', 'text', (c) => c.notNull())
        .addColumn('phone_enc', 'text')
        .addColumn('address_enc', 'text')
        .addColumn('income_enc', 'text')
        .addColumn('kecamatan_code', 'text')
        .addColumn('joined_on', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
        .addColumn('left_on', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('members_coop_no', ['cooperative_id', 'member_no'])
        .addUniqueConstraint('members_coop_nik', ['cooperative_id', 'nik_index'])
        .execute();
      await db.schema.createIndex('members_coop_name').on('members').columns(['cooperative_id', 'name_search']).execute();

      await withId(db.schema.createTable('savings_transactions'), dialect)
        .addColumn('cooperative_id', ref, (c) => c.notNull().references('cooperatives.id'))
        .addColumn('member_id', ref, (c) => c.notNull().references('members.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('amount', money, (c) => c.notNull())
        .addColumn('on_date', 'text', (c) => c.notNull())
        .addColumn('reference', 'text')
        .addColumn('reverses_id', ref, (c) => c.references('savings_transactions.id'))
        .addColumn('created_by', ref, (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('savings_coop_member').on('savings_transactions').columns(['cooperative_id', 'member_id', 'kind', 'id']).execute();

      await withId(db.schema.createTable('loan_products'), dialect)
        .addColumn('cooperative_id', ref, (c) => c.notNull().references('cooperatives.id'))
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('rate_percent', 'real', (c) => c.notNull())
        .addColumn('rate_period', 'text', (c) => c.notNull())
        .addColumn('frequency', 'text', (c) => c.notNull())
        .addColumn('min_tenor', 'integer', (c) => c.notNull())
        .addColumn('max_tenor', 'integer', (c) => c.notNull())
        .addColumn('min_amount', money, (c) => c.notNull())
        .addColumn('max_amount', money, (c) => c.notNull())
        .addColumn('installment_multiple', money)
        .addColumn('penalty_rule', 'text', (c) => c.notNull())
        .addColumn('allocation_order', 'text', (c) => c.notNull())
        .addColumn('classification_preset', 'text', (c) => c.notNull())
        .addColumn('collateral_required', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('loan_products_coop_code', ['cooperative_id', 'code'])
        .execute();

      await withId(db.schema.createTable('loans'), dialect)
        .addColumn('cooperative_id', ref, (c) => c.notNull().references('cooperatives.id'))
        .addColumn('member_id', ref, (c) => c.notNull().references('members.id'))
        .addColumn('product_id', ref, (c) => c.notNull().references('loan_products.id'))
        .addColumn('loan_no', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('amount', money, (c) => c.notNull())
        .addColumn('tenor', 'integer', (c) => c.notNull())
        .addColumn('rate_percent', 'real', (c) => c.notNull())
        .addColumn('rate_period', 'text', (c) => c.notNull())
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('frequency', 'text', (c) => c.notNull())
        .addColumn('installment_multiple', money)
        .addColumn('penalty_rule', 'text', (c) => c.notNull())
        .addColumn('allocation_order', 'text', (c) => c.notNull())
        .addColumn('classification_preset', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('collateral', 'text', (c) => c.notNull())
        .addColumn('declared_income_enc', 'text')
        .addColumn('declared_expenses_enc', 'text')
        .addColumn('consent_ref', 'text')
        .addColumn('consent_at', 'text')
        .addColumn('officer_id', ref, (c) => c.references('users.id'))
        .addColumn('applied_by', ref, (c) => c.references('users.id'))
        .addColumn('applied_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', ref, (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('decision_reason', 'text')
        .addColumn('disbursed_on', 'text')
        .addColumn('disbursed_by', ref, (c) => c.references('users.id'))
        .addColumn('schedule', 'text')
        .addColumn('installment_amount', money)
        .addColumn('maturity_on', 'text')
        .addColumn('closed_on', 'text')
        .addColumn('in_court', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('restructured_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('restructured_on', 'text')
        .addColumn('state_as_of', 'text')
        .addColumn('outstanding_principal', money, (c) => c.notNull().defaultTo(0))
        .addColumn('arrears', money, (c) => c.notNull().defaultTo(0))
        .addColumn('penalty_due', money, (c) => c.notNull().defaultTo(0))
        .addColumn('days_past_due', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('class_code', 'text')
        .addColumn('allowance', money, (c) => c.notNull().defaultTo(0))
        .addColumn('last_payment_on', 'text')
        .addColumn('next_due_on', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('loans_coop_no', ['cooperative_id', 'loan_no'])
        .execute();
      await db.schema.createIndex('loans_coop_status').on('loans').columns(['cooperative_id', 'status', 'id']).execute();
      await db.schema.createIndex('loans_coop_member').on('loans').columns(['cooperative_id', 'member_id']).execute();
      // Close of day walks every active loan of the instance in id order.
      await db.schema.createIndex('loans_status').on('loans').columns(['status', 'id']).execute();

      await withId(db.schema.createTable('repayments'), dialect)
        .addColumn('cooperative_id', ref, (c) => c.notNull().references('cooperatives.id'))
        .addColumn('loan_id', ref, (c) => c.notNull().references('loans.id'))
        .addColumn('paid_on', 'text', (c) => c.notNull())
        .addColumn('amount', money, (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('receipt_no', 'text', (c) => c.notNull())
        .addColumn('created_by', ref, (c) => c.references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('reversed_at', 'text')
        .addColumn('reversed_by', ref, (c) => c.references('users.id'))
        .addColumn('reversal_reason', 'text')
        .addUniqueConstraint('repayments_coop_receipt', ['cooperative_id', 'receipt_no'])
        .execute();
      await db.schema.createIndex('repayments_loan').on('repayments').columns(['loan_id', 'paid_on']).execute();

      await db.schema
        .createTable('loan_snapshots')
        .addColumn('loan_id', ref, (c) => c.notNull().references('loans.id'))
        .addColumn('cooperative_id', ref, (c) => c.notNull())
        .addColumn('as_of', 'text', (c) => c.notNull())
        .addColumn('outstanding_principal', money, (c) => c.notNull())
        .addColumn('arrears', money, (c) => c.notNull())
        .addColumn('days_past_due', 'integer', (c) => c.notNull())
        .addColumn('class_code', 'text', (c) => c.notNull())
        .addColumn('allowance', money, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('loan_snapshots_pk', ['loan_id', 'as_of'])
        .execute();
      await db.schema.createIndex('loan_snapshots_coop_date').on('loan_snapshots').columns(['cooperative_id', 'as_of']).execute();

      await db.schema
        .createTable('close_of_day_runs')
        .addColumn('business_date', 'text', (c) => c.primaryKey())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .addColumn('loans', 'integer', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      for (const t of ['close_of_day_runs', 'loan_snapshots', 'repayments', 'loans', 'loan_products', 'savings_transactions', 'members']) {
        await db.schema.dropTable(t).execute();
      }
    },
  };
}
