import { buildSchedule, EngineError } from '@simpul/domain';
import type { Kysely } from 'kysely';
import { businessDate } from '../../config/env.ts';
import { encryptOptional } from '../../config/field-crypto.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, Services } from '../../http/context.ts';
import { conflict, validationFailed, type FieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { tenantOf, userIdOf } from './lending.access.ts';
import type { LoanProduct } from './lending.table.ts';
import { termsOf } from './loan-state.service.ts';
import { drawLoanNumber, findMember, insertLoan, updateLoan } from './loans.repository.ts';
import type { Application } from './loans.schemas.ts';
import { loanOrThrow } from './loans.read.service.ts';
import { findProduct } from './products.repository.ts';

/** The product's limits, as field errors naming the limit that was missed. */
function limitErrors(p: LoanProduct, input: Application): FieldError[] {
  const errors: FieldError[] = [];
  if (input.amount <= 0) errors.push({ path: 'amount', code: 'amount_not_positive' });
  else if (input.amount < p.min_amount || input.amount > p.max_amount) errors.push({ path: 'amount', code: 'amount_out_of_range', params: { min: p.min_amount, max: p.max_amount } });
  if (input.tenor < p.min_tenor || input.tenor > p.max_tenor) errors.push({ path: 'tenor', code: 'tenor_out_of_range', params: { min: p.min_tenor, max: p.max_tenor } });
  if (p.collateral_required === 1 && input.collateral.length === 0) errors.push({ path: 'collateral', code: 'collateral_required' });
  return errors;
}

/** The engine must be able to build the schedule these terms describe. */
function scheduleErrors(p: LoanProduct, input: Application, startDate: string): FieldError[] {
  try {
    buildSchedule(termsOf(p, input.amount, input.tenor, startDate));
    return [];
  } catch (err) {
    if (err instanceof EngineError) return [{ path: err.field === 'principal' || err.field === 'multiple' ? 'amount' : err.field, code: 'invalid_terms' }];
    throw err;
  }
}

async function checkApplication(services: Services, cooperativeId: number, input: Application, today: string): Promise<LoanProduct> {
  const db = services.db.db;
  const [member, product] = await Promise.all([findMember(db, cooperativeId, input.memberId), findProduct(db, cooperativeId, input.productId)]);
  // Another cooperative's member or product is answered like one that does not exist.
  const errors: FieldError[] = [];
  if (!member) errors.push({ path: 'memberId', code: 'not_found' });
  else if (member.status !== 'active') errors.push({ path: 'memberId', code: 'loan_member_inactive' });
  if (!product) errors.push({ path: 'productId', code: 'not_found' });
  else if (product.active !== 1) errors.push({ path: 'productId', code: 'product_inactive' });
  if (product) errors.push(...limitErrors(product, input));
  if (product && errors.length === 0) errors.push(...scheduleErrors(product, input, today));
  if (errors.length > 0 || !product) throw validationFailed(errors);
  return product;
}

/** Loan numbers count up per cooperative and year: PJ-2026-00001. Drawn inside the insert's transaction. */
async function nextLoanNo(trx: Kysely<Database>, cooperativeId: number, today: string): Promise<string> {
  const year = today.slice(0, 4);
  return `PJ-${year}-${String(await drawLoanNumber(trx, cooperativeId, year)).padStart(5, '0')}`;
}

/**
 * Records an application. The product's terms are copied onto the loan, so a later change
 * of the product does not move it; declared income and expenses are encrypted at rest.
 */
export async function applyForLoan(services: Services, actor: Actor, input: Application): Promise<number> {
  const cooperativeId = tenantOf(actor);
  const now = services.now();
  const at = now.toISOString();
  const product = await checkApplication(services, cooperativeId, input, businessDate(now));
  return services.db.db.transaction().execute(async (trx) => {
    const loanNo = await nextLoanNo(trx, cooperativeId, businessDate(now));
    const id = await insertLoan(trx, {
      cooperative_id: cooperativeId, member_id: input.memberId, product_id: product.id, loan_no: loanNo, status: 'applied',
      amount: input.amount, tenor: input.tenor, rate_percent: product.rate_percent, rate_period: product.rate_period, method: product.method,
      frequency: product.frequency, installment_multiple: product.installment_multiple, penalty_rule: product.penalty_rule,
      allocation_order: product.allocation_order, classification_preset: product.classification_preset, purpose: input.purpose,
      collateral: JSON.stringify(input.collateral),
      declared_income_enc: encryptOptional(services.keys, input.declaredIncome?.toString()),
      declared_expenses_enc: encryptOptional(services.keys, input.declaredExpenses?.toString()),
      consent_ref: input.consentRef ?? null, consent_at: input.consentRef ? at : null,
      officer_id: userIdOf(actor), applied_by: userIdOf(actor), applied_at: at, created_at: at, updated_at: at,
    });
    await recordAudit(trx, services, actor, 'loan.applied', { type: 'loan', id, cooperativeId }, { loanNo, productId: product.id, amount: input.amount, tenor: input.tenor, consent: input.consentRef !== undefined });
    return id;
  });
}

/** Records the applicant's signed consent to a registry check, before the decision. */
export async function recordConsent(services: Services, actor: Actor, loanId: number, consentRef: string): Promise<void> {
  const loan = await loanOrThrow(services, actor, loanId);
  if (loan.status !== 'applied') throw conflict('loan_wrong_status', { status: loan.status });
  const at = services.now().toISOString();
  await services.db.db.transaction().execute(async (trx) => {
    await updateLoan(trx, loan.cooperative_id, loan.id, { consent_ref: consentRef, consent_at: at, updated_at: at });
    await recordAudit(trx, services, actor, 'loan.consent_recorded', { type: 'loan', id: loan.id, cooperativeId: loan.cooperative_id }, { loanNo: loan.loan_no });
  });
}
