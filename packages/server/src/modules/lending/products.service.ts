import { EngineError, validatePenaltyRule, type PenaltyRule } from '@simpul/domain';
import type { Actor, Services } from '../../http/context.ts';
import { conflict, notFound, validationFailed, type FieldError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { tenantOf } from './lending.access.ts';
import type { LoanProduct } from './lending.table.ts';
import { findProduct, findProductByCode, insertProduct, listProducts, updateProduct } from './products.repository.ts';
import type { NewProduct, ProductTerms, ProductView } from './products.schemas.ts';

export function toProductView(p: LoanProduct): ProductView {
  return {
    id: p.id, code: p.code, name: p.name, method: p.method, ratePercent: p.rate_percent, ratePeriod: p.rate_period,
    frequency: p.frequency, minTenor: p.min_tenor, maxTenor: p.max_tenor, minAmount: p.min_amount, maxAmount: p.max_amount,
    installmentMultiple: p.installment_multiple, penaltyRule: JSON.parse(p.penalty_rule) as PenaltyRule,
    allocationOrder: JSON.parse(p.allocation_order) as ProductView['allocationOrder'],
    classificationPreset: p.classification_preset, collateralRequired: p.collateral_required === 1, active: p.active === 1,
    createdAt: p.created_at, updatedAt: p.updated_at,
  };
}

/** Cross-field rules zod cannot state: ranges in order, a penalty rule the engine accepts, each component once. */
function checkTerms(terms: ProductTerms): void {
  const errors: FieldError[] = [];
  if (terms.minTenor > terms.maxTenor) errors.push({ path: 'maxTenor', code: 'range_inverted', params: { min: terms.minTenor } });
  if (terms.minAmount > terms.maxAmount) errors.push({ path: 'maxAmount', code: 'range_inverted', params: { min: terms.minAmount } });
  if (new Set(terms.allocationOrder).size !== 3) errors.push({ path: 'allocationOrder', code: 'invalid_allocation_order' });
  try {
    validatePenaltyRule(terms.penaltyRule);
  } catch (err) {
    if (!(err instanceof EngineError)) throw err;
    errors.push({ path: `penaltyRule.${err.field}`, code: 'invalid_penalty_rule' });
  }
  if (errors.length > 0) throw validationFailed(errors);
}

function columnsOf(terms: ProductTerms, at: string) {
  return {
    name: terms.name, method: terms.method, rate_percent: terms.ratePercent, rate_period: terms.ratePeriod, frequency: terms.frequency,
    min_tenor: terms.minTenor, max_tenor: terms.maxTenor, min_amount: terms.minAmount, max_amount: terms.maxAmount,
    installment_multiple: terms.installmentMultiple, penalty_rule: JSON.stringify(terms.penaltyRule),
    allocation_order: JSON.stringify(terms.allocationOrder), classification_preset: terms.classificationPreset,
    collateral_required: terms.collateralRequired ? 1 : 0, active: terms.active ? 1 : 0, updated_at: at,
  };
}

export async function productsOf(services: Services, actor: Actor): Promise<ProductView[]> {
  return (await listProducts(services.db.db, tenantOf(actor))).map(toProductView);
}

export async function productOrThrow(services: Services, actor: Actor, id: number): Promise<LoanProduct> {
  const product = await findProduct(services.db.db, tenantOf(actor), id);
  if (!product) throw notFound();
  return product;
}

export async function createProduct(services: Services, actor: Actor, input: NewProduct): Promise<ProductView> {
  const cooperativeId = tenantOf(actor);
  checkTerms(input);
  const code = input.code.toUpperCase();
  if (await findProductByCode(services.db.db, cooperativeId, code)) throw conflict('product_code_taken', { code });
  const at = services.now().toISOString();
  const id = await services.db.db.transaction().execute(async (trx) => {
    const newId = await insertProduct(trx, { cooperative_id: cooperativeId, code, created_at: at, ...columnsOf(input, at) });
    await recordAudit(trx, services, actor, 'loan_product.created', { type: 'loan_product', id: newId, cooperativeId }, { code });
    return newId;
  });
  return toProductView(await productOrThrow(services, actor, id));
}

/** Changes a product's terms; loans already applied keep the terms they copied. */
export async function editProduct(services: Services, actor: Actor, id: number, terms: ProductTerms): Promise<ProductView> {
  const product = await productOrThrow(services, actor, id);
  checkTerms(terms);
  await services.db.db.transaction().execute(async (trx) => {
    await updateProduct(trx, product.cooperative_id, id, columnsOf(terms, services.now().toISOString()));
    await recordAudit(trx, services, actor, 'loan_product.updated', { type: 'loan_product', id, cooperativeId: product.cooperative_id }, { code: product.code });
  });
  return toProductView(await productOrThrow(services, actor, id));
}
