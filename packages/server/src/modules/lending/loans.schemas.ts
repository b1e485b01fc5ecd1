import { z } from '@hono/zod-openapi';
import { isIsoDate } from '@simpul/domain';
import { LOAN_STATUSES, PAYMENT_CHANNELS } from './lending.table.ts';
import { Money } from './products.schemas.ts';

/** A real calendar date 'YYYY-MM-DD'. */
export const DateSchema = z.string().refine(isIsoDate, { message: 'invalid date' }).openapi({ format: 'date', example: '2026-11-02' });

/** Amounts that are checked in the service, so zero and negatives get their own clear code. */
const SignedMoney = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

export const CollateralSchema = z.object({ type: z.string().trim().min(1).max(40), value: Money }).strict();

export const ApplicationSchema = z
  .object({
    memberId: z.number().int().positive(),
    productId: z.number().int().positive(),
    amount: SignedMoney,
    tenor: z.number().int(),
    purpose: z.string().trim().min(3).max(300),
    collateral: z.array(CollateralSchema).max(20).default([]),
    declaredIncome: Money.nullable().optional().openapi({ description: 'Monthly, minor units; stored encrypted' }),
    declaredExpenses: Money.nullable().optional().openapi({ description: 'Monthly, minor units; stored encrypted' }),
    consentRef: z.string().trim().min(1).max(60).optional().openapi({ description: "Number of the applicant's signed consent to a registry check" }),
  })
  .strict()
  .openapi('LoanApplication');

export const ConsentSchema = z.object({ consentRef: z.string().trim().min(1).max(60) }).strict();
export const DecisionSchema = z.object({ reason: z.string().trim().max(500).optional() }).strict();
export const RejectionSchema = z.object({ reason: z.string().trim().min(3).max(500) }).strict();
export const DisbursementSchema = z.object({ on: DateSchema.optional().openapi({ description: 'Business date by default' }) }).strict();

export const RepaymentInputSchema = z
  .object({
    paidOn: DateSchema.optional().openapi({ description: 'Business date by default' }),
    amount: SignedMoney,
    channel: z.enum(PAYMENT_CHANNELS),
    receiptNo: z.string().trim().min(1).max(40),
  })
  .strict()
  .openapi('NewRepayment');

export const ReversalSchema = z.object({ reason: z.string().trim().min(3).max(500) }).strict();

const Person = z.object({ id: z.number().int(), name: z.string() }).nullable();

export const LoanStateSchema = z.object({
  asOf: z.string().nullable(),
  outstandingPrincipal: z.number().int(),
  arrears: z.number().int(),
  penaltyDue: z.number().int(),
  daysPastDue: z.number().int(),
  classCode: z.string().nullable(),
  allowance: z.number().int(),
  lastPaymentOn: z.string().nullable(),
  nextDueOn: z.string().nullable(),
});

export const LoanSummarySchema = z
  .object({
    id: z.number().int(),
    loanNo: z.string(),
    status: z.enum(LOAN_STATUSES),
    member: z.object({ id: z.number().int(), memberNo: z.string(), fullName: z.string() }),
    product: z.object({ id: z.number().int(), code: z.string(), name: z.string() }),
    amount: z.number().int(),
    tenor: z.number().int(),
    appliedAt: z.string(),
    disbursedOn: z.string().nullable(),
    state: LoanStateSchema,
  })
  .openapi('LoanSummary');

export const LoanSchema = LoanSummarySchema.extend({
  ratePercent: z.number(),
  ratePeriod: z.enum(['month', 'year']),
  method: z.enum(['flat', 'effective', 'annuity']),
  frequency: z.enum(['daily', 'weekly', 'fortnightly', 'monthly']),
  installmentMultiple: z.number().int().nullable(),
  classificationPreset: z.string(),
  purpose: z.string(),
  collateral: z.array(CollateralSchema),
  declaredIncome: z.number().int().nullable(),
  declaredExpenses: z.number().int().nullable(),
  consentRef: z.string().nullable(),
  consentAt: z.string().nullable(),
  appliedBy: Person,
  decidedBy: Person,
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  disbursedBy: Person,
  installmentAmount: z.number().int().nullable(),
  maturityOn: z.string().nullable(),
  closedOn: z.string().nullable(),
}).openapi('Loan');

export const InstallmentSchema = z.object({
  n: z.number().int(),
  dueDate: z.string(),
  principal: z.number().int(),
  interest: z.number().int(),
  total: z.number().int(),
  balance: z.number().int(),
  paidPrincipal: z.number().int(),
  paidInterest: z.number().int(),
  waivedInterest: z.number().int(),
  penalty: z.number().int(),
  paidPenalty: z.number().int(),
  paidOffDate: z.string().nullable(),
  daysLate: z.number().int(),
});

export const RepaymentSchema = z
  .object({
    id: z.number().int(),
    paidOn: z.string(),
    amount: z.number().int(),
    channel: z.enum(PAYMENT_CHANNELS),
    receiptNo: z.string(),
    createdBy: Person,
    createdAt: z.string(),
    reversedAt: z.string().nullable(),
    reversedBy: Person,
    reversalReason: z.string().nullable(),
    allocation: z.object({ penalty: z.number().int(), interest: z.number().int(), principal: z.number().int(), credit: z.number().int() }).nullable(),
  })
  .openapi('Repayment');

export const HistoryEventSchema = z.object({
  at: z.string(),
  kind: z.enum(['applied', 'consent', 'approved', 'rejected', 'disbursed', 'repayment', 'reversal', 'settled']),
  by: Person,
  amount: z.number().int().nullable(),
  note: z.string().nullable(),
});

export const LoanDetailSchema = z
  .object({
    loan: LoanSchema,
    businessDate: z.string(),
    payoffAmount: z.number().int().nullable(),
    installments: z.array(InstallmentSchema),
    repayments: z.array(RepaymentSchema),
    history: z.array(HistoryEventSchema),
  })
  .openapi('LoanDetail');

export const PayoffSchema = z
  .object({ on: z.string(), payoffAmount: z.number().int(), outstandingPrincipal: z.number().int(), interestDue: z.number().int(), penaltyDue: z.number().int() })
  .openapi('PayoffQuote');

export type Application = z.infer<typeof ApplicationSchema>;
export type RepaymentInput = z.infer<typeof RepaymentInputSchema>;
export type LoanSummaryView = z.infer<typeof LoanSummarySchema>;
export type LoanView = z.infer<typeof LoanSchema>;
export type LoanDetail = z.infer<typeof LoanDetailSchema>;
export type RepaymentView = z.infer<typeof RepaymentSchema>;
export type HistoryEvent = z.infer<typeof HistoryEventSchema>;
