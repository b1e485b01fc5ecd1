import { buildSchedule, canonicalNik, DEFAULT_ALLOCATION_ORDER, type PenaltyRule, type Schedule } from '@simpul/domain';
import type { Insertable, Kysely } from 'kysely';
import { encryptField } from '../../config/field-crypto.ts';
import { keyedHash } from '../../config/keys.ts';
import type { Database } from '../../db/schema.ts';
import type { Services } from '../../http/context.ts';
import type { LoanProduct, LoansTable, RepaymentsTable } from '../lending/lending.table.ts';
import { searchableName } from '../members/members.view.ts';
import type { MembersTable } from '../members/members.table.ts';

/**
 * Writes a cooperative's book straight into the workspace tables, many rows per statement:
 * the demo district and test fixtures need thousands of members, loans and repayments in
 * seconds, which the one-at-a-time officer services are not for. Identity is encrypted
 * exactly as the members module stores it (AES-GCM NIK, keyed blind index).
 */

const ROWS_PER_INSERT = 400;

/** Inserts rows in slices (within the parameter limits of both dialects); returns their ids in order. */
async function insertMany<R>(rows: readonly R[], insert: (slice: R[]) => Promise<{ id: number }[]>): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    for (const r of await insert(rows.slice(i, i + ROWS_PER_INSERT))) ids.push(r.id);
  }
  return ids;
}

export interface PersonRecord {
  nik: string;
  fullName: string;
  birthDate: string;
  sex: 'M' | 'F';
  kecamatanCode: string;
}

/** Inserts members of a cooperative; returns their ids in the order given. */
export function insertMembers(db: Kysely<Database>, services: Services, cooperativeId: number, people: readonly (PersonRecord & { memberNo: string; joinedOn: string })[]): Promise<number[]> {
  const now = services.now().toISOString();
  const rows: Insertable<MembersTable>[] = people.map((p) => ({
    cooperative_id: cooperativeId, member_no: p.memberNo, full_name: p.fullName, name_search: searchableName(p.fullName), birth_date: p.birthDate, sex: p.sex,
    nik_enc: encryptField(services.keys, p.nik), nik_index: keyedHash(services.keys.blindIndex, canonicalNik(p.nik)), phone_enc: null, address_enc: null,
    income_enc: null, kecamatan_code: p.kecamatanCode, joined_on: p.joinedOn, status: 'active', left_on: null, created_at: now, updated_at: now,
  }));
  return insertMany(rows, (slice) => db.insertInto('members').values(slice).returning('id').execute());
}

export interface ProductSpec {
  code: string;
  name: string;
  method: LoanProduct['method'];
  ratePercent: number;
  frequency: LoanProduct['frequency'];
  maxTenor: number;
  maxAmount: number;
  multiple: number | null;
  penaltyRule: PenaltyRule;
  classificationPreset: string;
}

/** Inserts a loan product and returns the stored row. */
export async function insertProductRow(db: Kysely<Database>, services: Services, cooperativeId: number, spec: ProductSpec): Promise<LoanProduct> {
  const now = services.now().toISOString();
  return db
    .insertInto('loan_products')
    .values({
      cooperative_id: cooperativeId, code: spec.code, name: spec.name, method: spec.method, rate_percent: spec.ratePercent, rate_period: 'month',
      frequency: spec.frequency, min_tenor: 1, max_tenor: spec.maxTenor, min_amount: 100_000, max_amount: spec.maxAmount, installment_multiple: spec.multiple,
      penalty_rule: JSON.stringify(spec.penaltyRule), allocation_order: JSON.stringify(DEFAULT_ALLOCATION_ORDER), classification_preset: spec.classificationPreset,
      collateral_required: 0, active: 1, created_at: now, updated_at: now,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow()
    .then(({ id }) => db.selectFrom('loan_products').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

export interface LoanSpec {
  memberId: number;
  loanNo: string;
  amount: number;
  tenor: number;
  disbursedOn: string;
  purpose: string;
  /** 'active' until close of day or the demo finds it paid off. */
  status?: 'active' | 'settled';
  closedOn?: string | null;
}

/** The engine's schedule of a loan on a product's terms. */
export function scheduleFor(product: LoanProduct, spec: Pick<LoanSpec, 'amount' | 'tenor' | 'disbursedOn'>): Schedule {
  return buildSchedule({
    principal: spec.amount, ratePercent: product.rate_percent, ratePeriod: product.rate_period, tenor: spec.tenor, method: product.method,
    frequency: product.frequency, startDate: spec.disbursedOn, ...(product.installment_multiple === null ? {} : { multiple: product.installment_multiple }),
  });
}

/** A disbursed loan row on a product's terms, its schedule fixed by the engine. */
export function loanRow(services: Services, cooperativeId: number, product: LoanProduct, spec: LoanSpec, schedule: Schedule): Insertable<LoansTable> {
  const now = services.now().toISOString();
  return {
    cooperative_id: cooperativeId, member_id: spec.memberId, product_id: product.id, loan_no: spec.loanNo, status: spec.status ?? 'active', amount: spec.amount,
    tenor: spec.tenor, rate_percent: product.rate_percent, rate_period: product.rate_period, method: product.method, frequency: product.frequency,
    installment_multiple: product.installment_multiple, penalty_rule: product.penalty_rule, allocation_order: product.allocation_order,
    classification_preset: product.classification_preset, purpose: spec.purpose, collateral: '[]', declared_income_enc: null, declared_expenses_enc: null,
    consent_ref: null, consent_at: null, officer_id: null, applied_by: null, applied_at: `${spec.disbursedOn}T01:00:00.000Z`, decided_by: null,
    decided_at: `${spec.disbursedOn}T02:00:00.000Z`, decision_reason: null, disbursed_on: spec.disbursedOn, disbursed_by: null,
    schedule: JSON.stringify(schedule.installments), installment_amount: schedule.installments[0]?.total ?? null,
    maturity_on: schedule.installments.at(-1)?.dueDate ?? null, closed_on: spec.closedOn ?? null, outstanding_principal: spec.status === 'settled' ? 0 : spec.amount,
    created_at: now, updated_at: now,
  };
}

/** Inserts loan rows; returns their ids in order. */
export function insertLoans(db: Kysely<Database>, rows: readonly Insertable<LoansTable>[]): Promise<number[]> {
  return insertMany(rows, (slice) => db.insertInto('loans').values(slice).returning('id').execute());
}

export interface RepaymentSpec {
  cooperativeId: number;
  loanId: number;
  paidOn: string;
  amount: number;
  receiptNo: string;
}

/** Inserts repayments (cash, no officer: the demo's history). */
export async function insertRepayments(db: Kysely<Database>, services: Services, payments: readonly RepaymentSpec[]): Promise<void> {
  const now = services.now().toISOString();
  const rows: Insertable<RepaymentsTable>[] = payments.map((p) => ({
    cooperative_id: p.cooperativeId, loan_id: p.loanId, paid_on: p.paidOn, amount: p.amount, channel: 'cash', receipt_no: p.receiptNo,
    created_by: null, created_at: now, reversed_at: null, reversed_by: null, reversal_reason: null,
  }));
  await insertMany(rows, (slice) => db.insertInto('repayments').values(slice).returning('id').execute());
}
