import { z } from '@hono/zod-openapi';
import { DateSchema } from '../lending/loans.schemas.ts';
import { Money } from '../lending/products.schemas.ts';
import { ATTENDEE_ROLES, CAUSE_CODES, type CauseCode } from './recovery.rules.ts';
import { CASE_STATUSES } from './recovery.table.ts';

const Int = z.number().int();
const Text = (max: number) => z.string().trim().min(1).max(max);
const Person = z.object({ id: Int, name: z.string() }).nullable();

export const WorklistQuery = z.object({
  officerId: z.coerce.number().int().positive().optional(),
  classCode: z.string().trim().min(1).max(10).optional(),
  kecamatan: z.string().trim().regex(/^\d{6}$/).optional().openapi({ example: '331601' }),
});

export const WorklistRowSchema = z.object({
  loanId: Int, loanNo: z.string(), member: z.object({ id: Int, memberNo: z.string(), fullName: z.string() }), kecamatanCode: z.string().nullable(),
  officer: Person, classCode: z.string(), className: z.string(), classRank: Int, daysPastDue: Int, arrears: Int, penaltyDue: Int, outstanding: Int,
  brokenPromises: Int, priority: Int.openapi({ description: 'Class rank + broken promises (at most 2)' }), restructuredCount: Int, caseId: Int.nullable(),
}).openapi('RecoveryWorklistRow');

export const CauseTaxonomySchema = z.array(z.object({ code: z.enum(CAUSE_CODES as [CauseCode, ...CauseCode[]]), group: z.string(), id: z.string(), en: z.string() }));

export const OpenCaseSchema = z.object({ loanId: z.number().int().positive() }).strict();
export const CauseInputSchema = z.object({ code: z.enum(CAUSE_CODES as [CauseCode, ...CauseCode[]]), note: z.string().trim().max(1000).optional() }).strict().openapi('RecoveryCause');

export const NegotiationInputSchema = z.object({
  metOn: DateSchema,
  metTime: z.string().trim().max(5).openapi({ example: '10:30', description: 'Local time HH:MM' }),
  place: Text(200),
  attendees: z.array(z.object({ name: Text(120), role: z.enum(ATTENDEE_ROLES) }).strict()).min(1).max(20),
  situation: Text(4000).openapi({ description: "The member's situation in their own words" }),
  outcome: Text(2000),
}).strict().openapi('Negotiation');

export const PromiseInputSchema = z.object({ amount: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER), dueOn: DateSchema }).strict().openapi('PromiseToPay');

const Waive = z.union([Money, z.literal('all')]);
export const PlanSchema = z.object({
  tenor: z.number().int().min(1).max(360).optional(),
  ratePercent: z.number().min(0).max(100).optional(),
  method: z.enum(['flat', 'effective', 'annuity']).optional(),
  waive: z.object({ interest: Waive.optional(), penalty: Waive.optional() }).strict().optional(),
  capitalise: z.object({ interest: z.boolean().optional(), penalty: z.boolean().optional() }).strict().optional(),
  gracePrincipal: z.number().int().min(0).max(24).optional(),
  graceInterest: z.number().int().min(0).max(24).optional(),
}).strict().openapi('RestructuringPlan');

export const OptionsInputSchema = z.object({
  income: Money.optional(), expenses: Money.optional(), tenor: z.number().int().min(1).max(360).optional(), ratePercent: z.number().min(0).max(100).optional(),
}).strict();

const InstallmentRow = z.object({ n: Int, dueDate: z.string(), principal: Int, interest: Int, total: Int, balance: Int });
export const OptionsSchema = z.object({
  asOf: z.string(), outstanding: Int, interestArrears: Int, penaltyArrears: Int, remainingUnderOldTerms: Int.nullable(),
  capacity: z.object({
    income: Int, expenses: Int, otherInstallments: Int, otherAccounts: Int, disposableIncome: Int, byDebtServiceRatio: Int, byDisposableIncome: Int,
    monthlyMaxInstallment: Int, maxInstallment: Int, binding: z.enum(['debt_service_ratio', 'disposable_income']),
  }),
  options: z.array(z.object({
    key: z.enum(['reschedule', 'lower_rate', 'capitalise', 'grace', 'waive_penalties']), plan: PlanSchema, ok: z.boolean(), error: z.string().nullable(), kinds: z.array(z.string()),
    principal: Int, tenor: Int, firstInstallment: Int, largestInstallment: Int, totalCost: Int, difference: Int, waived: Int, capitalised: Int, fitsCapacity: z.boolean(),
    schedule: z.array(InstallmentRow),
  })),
}).openapi('RestructuringOptions');

export const ProposalSchema = z.object({ plan: PlanSchema, reason: Text(1000) }).strict();
export const NoteSchema = z.object({ note: z.string().trim().max(1000).optional() }).strict();
export const RequiredNoteSchema = z.object({ note: Text(1000) }).strict();
export const ReasonSchema = z.object({ reason: Text(1000) }).strict();
export const DecisionSchema = z.object({ approve: z.boolean(), note: z.string().trim().max(1000).optional() }).strict();
export const ReviewSchema = z.object({ agree: z.boolean(), note: z.string().trim().max(1000).optional() }).strict();
export const RecoveryInputSchema = z.object({
  amount: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER), receivedOn: DateSchema.optional(), receiptNo: Text(40),
}).strict().openapi('WriteOffRecovery');
export const ForgivenessInputSchema = z.object({
  ratMeetingOn: DateSchema.optional(), ratDecisionNo: z.string().trim().max(60).optional(), membersPresent: z.number().int().min(0).max(1_000_000).optional(),
  quorum: z.number().int().min(0).max(1_000_000).optional(), confirm: z.boolean().optional(),
}).strict().openapi('Forgiveness');
export const SettingsSchema = z.object({ minCollectionAttempts: z.number().int().min(0).max(50) }).strict().openapi('RecoverySettings');

export const EligibilitySchema = z.object({
  classCode: z.string(), worstClassCode: z.string(), outstanding: Int, allowance: Int, attempts: Int, requiredAttempts: Int, eligible: z.boolean(),
  refusal: z.object({ code: z.string(), params: z.record(z.string(), z.unknown()) }).nullable(),
}).openapi('WriteOffEligibility');

export const AccountSchema = z.object({
  loanId: Int, loanNo: z.string(), status: z.string(), onBalance: Int, writtenOff: Int, recovered: Int, forgiven: Int, offBalance: Int, exposure: Int, reconciles: z.boolean(),
});
export const AccountsSchema = z.object({
  loans: z.array(AccountSchema),
  totals: z.object({ onBalance: Int, writtenOff: Int, recovered: Int, forgiven: Int, offBalance: Int, exposure: Int, reconciles: z.boolean() }),
}).openapi('RecoveryAccounts');

export const CaseSummarySchema = z.object({
  id: Int, status: z.enum(CASE_STATUSES), openedOn: z.string(), closedOn: z.string().nullable(), loanId: Int, loanNo: z.string(), memberName: z.string(), memberNo: z.string(),
}).openapi('RecoveryCaseSummary');

export const CaseDetailSchema = z.object({
  case: z.object({ id: Int, status: z.enum(CASE_STATUSES), openedOn: z.string(), closedOn: z.string().nullable(), openedBy: Person }),
  loan: z.object({
    id: Int, loanNo: z.string(), status: z.string(), amount: Int, tenor: Int, ratePercent: z.number(), method: z.string(), frequency: z.string(),
    disbursedOn: z.string().nullable(), restructuredCount: Int, restructuredOn: z.string().nullable(), officer: Person,
  }),
  member: z.object({ id: Int, memberNo: z.string(), fullName: z.string() }),
  state: z.object({
    asOf: z.string(), daysPastDue: Int, arrears: Int, penaltyDue: Int, outstanding: Int, classCode: z.string(), className: z.string(), allowance: Int, payoff: Int,
  }).nullable(),
  elsewhere: z.object({ accounts: Int, cooperatives: Int, monthlyInstallments: Int }),
  causes: z.array(z.object({ code: z.string(), note: z.string().nullable(), createdAt: z.string() })),
  suggestedCauses: z.array(z.string()),
  negotiations: z.array(z.object({
    id: Int, metOn: z.string(), metTime: z.string(), place: z.string(), attendees: z.array(z.object({ name: z.string(), role: z.string() })), situation: z.string(),
    outcome: z.string(), conductFlags: z.array(z.string()), createdBy: Person,
  })),
  promises: z.array(z.object({ id: Int, madeOn: z.string(), dueOn: z.string(), amount: Int, paid: Int, status: z.enum(['pending', 'kept', 'broken']) })),
  restructurings: z.array(z.object({
    id: Int, status: z.string(), plan: PlanSchema, reason: z.string(), proposedBy: Person, proposedAt: z.string(), decidedBy: Person, decidedAt: z.string().nullable(),
    note: z.string().nullable(), executedOn: z.string().nullable(), kinds: z.array(z.string()), newPrincipal: Int.nullable(), newTenor: Int.nullable(),
  })),
  writeOffs: z.array(z.object({
    id: Int, status: z.string(), reason: z.string(), eligibility: EligibilitySchema, proposedBy: Person, decidedBy: Person, reviewedBy: Person,
    writtenOffOn: z.string().nullable(), amount: Int.nullable(),
  })),
  claim: z.object({ writeOffId: Int, writtenOffOn: z.string(), writtenOff: Int, recovered: Int, forgiven: Int, remaining: Int }).nullable(),
  receipts: z.array(z.object({ id: Int, receivedOn: z.string(), amount: Int, receiptNo: z.string() })),
  forgiveness: z.object({ ratMeetingOn: z.string(), ratDecisionNo: z.string(), membersPresent: Int, quorum: Int, amount: Int, forgivenOn: z.string() }).nullable(),
  attempts: Int,
  requiredAttempts: Int,
  brokenPromises: Int,
}).openapi('RecoveryCase');

export type CaseDetail = z.infer<typeof CaseDetailSchema>;
