import type { Frequency, InterestMethod, PenaltyRule, RatePeriod } from '@simpul/domain';
import type { AllocationComponent, Product, ProductTerms } from './productsApi';

export const PRESETS = ['cooperative_4', 'ojk_bank', 'bpr'] as const;
export const ORDERS = [
  'penalty,interest,principal',
  'interest,penalty,principal',
  'interest,principal,penalty',
] as const;
export type OrderKey = (typeof ORDERS)[number];

type Num = number | string;

/** What the product form holds; number inputs give '' while empty. */
export interface ProductDraft {
  code: string;
  name: string;
  method: InterestMethod;
  ratePercent: Num;
  ratePeriod: RatePeriod;
  frequency: Frequency;
  minTenor: Num;
  maxTenor: Num;
  minAmount: Num;
  maxAmount: Num;
  installmentMultiple: Num;
  penaltyKind: PenaltyRule['kind'];
  penaltyBasis: 'percent' | 'fixed';
  penaltyValue: Num;
  graceDays: Num;
  penaltyCap: Num;
  allocationOrder: OrderKey;
  classificationPreset: string;
  collateralRequired: boolean;
  active: boolean;
}

export const NEW_PRODUCT: ProductDraft = {
  code: '',
  name: '',
  method: 'flat',
  ratePercent: 1.5,
  ratePeriod: 'month',
  frequency: 'monthly',
  minTenor: 3,
  maxTenor: 24,
  minAmount: 1_000_000,
  maxAmount: 50_000_000,
  installmentMultiple: 1_000,
  penaltyKind: 'per_day',
  penaltyBasis: 'percent',
  penaltyValue: 0.1,
  graceDays: 3,
  penaltyCap: '',
  allocationOrder: 'penalty,interest,principal',
  classificationPreset: 'cooperative_4',
  collateralRequired: false,
  active: true,
};

const orderKey = (order: AllocationComponent[]): OrderKey =>
  ORDERS.find((o) => o === order.join(',')) ?? 'penalty,interest,principal';

export function draftOf(p: Product): ProductDraft {
  const rule = p.penaltyRule;
  return {
    code: p.code,
    name: p.name,
    method: p.method,
    ratePercent: p.ratePercent,
    ratePeriod: p.ratePeriod,
    frequency: p.frequency,
    minTenor: p.minTenor,
    maxTenor: p.maxTenor,
    minAmount: p.minAmount,
    maxAmount: p.maxAmount,
    installmentMultiple: p.installmentMultiple ?? '',
    penaltyKind: rule.kind,
    penaltyBasis: rule.kind === 'none' ? 'percent' : rule.basis,
    penaltyValue: rule.kind === 'none' ? '' : rule.value,
    graceDays: rule.kind === 'none' ? 0 : rule.graceDays,
    penaltyCap: rule.kind === 'none' || rule.cap === undefined ? '' : rule.cap,
    allocationOrder: orderKey(p.allocationOrder),
    classificationPreset: p.classificationPreset,
    collateralRequired: p.collateralRequired,
    active: p.active,
  };
}

const n = (v: Num) => (typeof v === 'number' ? v : Number.NaN);

function penaltyOf(d: ProductDraft): PenaltyRule {
  if (d.penaltyKind === 'none') return { kind: 'none' };
  const cap = typeof d.penaltyCap === 'number' ? { cap: d.penaltyCap } : {};
  return {
    kind: d.penaltyKind,
    basis: d.penaltyBasis,
    value: n(d.penaltyValue),
    graceDays: n(d.graceDays),
    ...cap,
  };
}

/** The terms to send; empty numbers go as NaN → null in JSON, which the server refuses by field. */
export function termsOf(d: ProductDraft): ProductTerms {
  const order = d.allocationOrder
    .split(',')
    .filter(
      (c): c is AllocationComponent => c === 'penalty' || c === 'interest' || c === 'principal',
    );
  return {
    name: d.name.trim(),
    method: d.method,
    ratePercent: n(d.ratePercent),
    ratePeriod: d.ratePeriod,
    frequency: d.frequency,
    minTenor: n(d.minTenor),
    maxTenor: n(d.maxTenor),
    minAmount: n(d.minAmount),
    maxAmount: n(d.maxAmount),
    installmentMultiple: typeof d.installmentMultiple === 'number' ? d.installmentMultiple : null,
    penaltyRule: penaltyOf(d),
    allocationOrder: order,
    classificationPreset: d.classificationPreset,
    collateralRequired: d.collateralRequired,
    active: d.active,
  };
}
