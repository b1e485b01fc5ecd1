import { buildSchedule, EngineError, type Schedule } from '@simpul/domain';
import type { Product } from '../products/productsApi';
import type { Application } from './loansApi';

/** What the application form holds; number inputs give '' while empty. */
export interface ApplicationDraft {
  memberId: string | null;
  productId: string | null;
  amount: number | string;
  tenor: number | string;
  purpose: string;
  collateralType: string;
  collateralValue: number | string;
  income: number | string;
  expenses: number | string;
  consent: boolean;
  consentRef: string;
}

export const EMPTY_DRAFT: ApplicationDraft = {
  memberId: null,
  productId: null,
  amount: '',
  tenor: '',
  purpose: '',
  collateralType: '',
  collateralValue: '',
  income: '',
  expenses: '',
  consent: false,
  consentRef: '',
};

export const COLLATERAL_TYPES = [
  'land_building_mortgage',
  'vehicle_fiducia',
  'machinery_fiducia',
  'deposit',
  'savings',
  'gold',
  'land_unregistered',
  'guarantee',
  'other',
] as const;

const num = (v: number | string) => (typeof v === 'number' ? v : undefined);

/** The request body; optional fields left out when empty. */
export function toApplication(d: ApplicationDraft): Application {
  const collateralValue = num(d.collateralValue);
  const income = num(d.income);
  const expenses = num(d.expenses);
  return {
    memberId: Number(d.memberId),
    productId: Number(d.productId),
    amount: num(d.amount) ?? 0,
    tenor: num(d.tenor) ?? 0,
    purpose: d.purpose.trim(),
    collateral:
      d.collateralType && collateralValue !== undefined
        ? [{ type: d.collateralType, value: collateralValue }]
        : [],
    ...(income === undefined ? {} : { declaredIncome: income }),
    ...(expenses === undefined ? {} : { declaredExpenses: expenses }),
    ...(d.consent && d.consentRef.trim() ? { consentRef: d.consentRef.trim() } : {}),
  };
}

/**
 * The schedule the loan would get if disbursed on `startDate`, from the very engine the
 * server uses; null while the terms are incomplete or out of the engine's range.
 */
export function previewSchedule(
  product: Product | undefined,
  d: ApplicationDraft,
  startDate: string,
): Schedule | null {
  const amount = num(d.amount);
  const tenor = num(d.tenor);
  if (!product || amount === undefined || tenor === undefined) return null;
  try {
    return buildSchedule({
      principal: amount,
      tenor,
      startDate,
      ratePercent: product.ratePercent,
      ratePeriod: product.ratePeriod,
      method: product.method,
      frequency: product.frequency,
      ...(product.installmentMultiple === null ? {} : { multiple: product.installmentMultiple }),
    });
  } catch (error) {
    if (error instanceof EngineError) return null;
    throw error;
  }
}
