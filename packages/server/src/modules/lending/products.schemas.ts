import { z } from '@hono/zod-openapi';
import { CLASSIFICATION_PRESETS } from '@simpul/domain';

/** Money in minor units (rupiah have none): a safe, non-negative integer. */
export const Money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const PenaltyRuleSchema = z
  .union([
    z.object({ kind: z.literal('none') }).strict(),
    z
      .object({
        kind: z.enum(['per_day', 'per_installment']),
        basis: z.enum(['percent', 'fixed']),
        value: z.number().min(0),
        graceDays: z.number().int().min(0).max(365),
        cap: Money.optional(),
      })
      .strict(),
  ])
  .openapi('PenaltyRule', { description: 'Late penalty (denda): per day or once per instalment, a per cent of the unpaid instalment or fixed minor units, after graceDays.' });

export const AllocationOrderSchema = z.array(z.enum(['penalty', 'interest', 'principal'])).length(3);


/** The editable terms of a product; `code` is fixed once created. */
export const ProductTermsSchema = z
  .object({
    name: z.string().trim().min(2).max(120),
    method: z.enum(['flat', 'effective', 'annuity']),
    ratePercent: z.number().min(0).max(100),
    ratePeriod: z.enum(['month', 'year']),
    frequency: z.enum(['daily', 'weekly', 'fortnightly', 'monthly']),
    minTenor: z.number().int().min(1).max(3660),
    maxTenor: z.number().int().min(1).max(3660),
    minAmount: Money.min(1),
    maxAmount: Money.min(1),
    installmentMultiple: Money.min(1).nullable(),
    penaltyRule: PenaltyRuleSchema,
    allocationOrder: AllocationOrderSchema,
    classificationPreset: z.string().refine((id) => Object.hasOwn(CLASSIFICATION_PRESETS, id), { message: 'unknown preset' }),
    collateralRequired: z.boolean(),
    active: z.boolean(),
  })
  .strict();

export const NewProductSchema = ProductTermsSchema.extend({
  code: z.string().trim().min(2).max(20).regex(/^[A-Za-z0-9_-]+$/),
}).openapi('NewLoanProduct');

export const ProductSchema = ProductTermsSchema.extend({
  id: z.number().int(),
  code: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi('LoanProduct');

export type ProductTerms = z.infer<typeof ProductTermsSchema>;
export type NewProduct = z.infer<typeof NewProductSchema>;
export type ProductView = z.infer<typeof ProductSchema>;
