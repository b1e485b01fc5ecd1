import { z } from '@hono/zod-openapi';
import { CooperativeSchema, StatusHistorySchema } from '../cooperatives/cooperatives.schemas.ts';
import { CAUSE_CODES, type CauseCode } from '../recovery/recovery.rules.ts';
import { TABLE_SORTS } from './supervision.cooperatives-table.ts';
import { TABLE_PAGE_SIZE } from './supervision.dashboard.ts';

const Band = z.enum(['sehat', 'cukup_sehat', 'kurang_sehat', 'tidak_sehat']);

/** Figures of a portfolio; ratios are fractions of loans outstanding (0.05 = 5 %), amounts in rupiah. */
const figureFields = {
  accounts: z.number().int(), outstanding: z.number().int(), nplAmount: z.number().int(), nplGross: z.number(), nplNet: z.number(),
  par30: z.number(), par90: z.number(), allowance: z.number().int(), allowanceCoverage: z.number().nullable(), writtenOff: z.number().int(),
  writeOffAccounts: z.number().int(), recovered: z.number().int(), healthBand: Band.nullable(),
};
const causeCounts = { cases: z.number().int(), openCases: z.number().int(), outstanding: z.number().int() };
/** Problem-loan cases by cause: counts and the open cases' outstanding only, never a case or a member. */
export const CauseSummarySchema = z
  .object({
    total: z.object(causeCounts), unrecorded: z.object(causeCounts),
    causes: z.array(z.object({ code: z.enum(CAUSE_CODES as [CauseCode, ...CauseCode[]]), ...causeCounts })),
  })
  .openapi('CauseSummary');

export const FiguresSchema = z.object(figureFields).openapi('SupervisionFigures');

const CooperativeFiguresSchema = z
  .object({
    ...figureFields, id: z.number().int(), code: z.string(), name: z.string(), kecamatanCode: z.string().nullable(), kecamatanName: z.string().nullable(),
    activityStatus: z.enum(['active', 'inactive']), registryParticipation: z.boolean(), membersCount: z.number().int().nullable(),
    lastPeriod: z.string().nullable(), furnishedLastMonth: z.boolean(), rowsRejectedLastMonth: z.number().int(),
  })
  .openapi('CooperativeFigures');

export const CooperativesTableSchema = z
  .object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(CooperativeFiguresSchema) })
  .openapi('SupervisionCooperativesPage');

export const DashboardSchema = z
  .object({
    asOf: z.string(), lastMonth: z.string(), policy: z.object({ id: z.string(), name: z.string() }), nplLimitPercent: z.number(),
    counts: z.object({
      cooperatives: z.number().int(), active: z.number().int(), inactive: z.number().int(), participating: z.number().int(), withLoans: z.number().int(), members: z.number().int(),
      aboveLimit: z.number().int().openapi({ description: 'Cooperatives above the NPL limit: GET /api/supervision/cooperatives?aboveLimit=true lists them' }),
    }),
    district: FiguresSchema,
    bands: z.object({ sehat: z.number().int(), cukup_sehat: z.number().int(), kurang_sehat: z.number().int(), tidak_sehat: z.number().int(), none: z.number().int() }),
    kecamatan: z.array(z.object({ ...figureFields, code: z.string().nullable(), name: z.string().nullable(), cooperatives: z.number().int(), active: z.number().int(), causes: CauseSummarySchema })),
    causes: CauseSummarySchema,
    compliance: z.object({ period: z.string(), expected: z.number().int(), furnished: z.number().int(), rowsRejected: z.number().int(), rows: z.number().int() }),
    aboveLimitPage: CooperativesTableSchema.openapi({ description: 'The first page of GET /api/supervision/cooperatives?aboveLimit=true&sort=nplGross&order=desc' }),
    inquiryFlags: z.array(
      z.object({
        cooperativeId: z.number().int(), code: z.string(), name: z.string(), judgedInquiries: z.number().int(), unfollowed: z.number().int(),
        unfollowedShare: z.number(), last30Days: z.number().int(), baseline30Days: z.number(), flags: z.array(z.enum(['fishing', 'unusual_volume'])),
      }),
    ),
  })
  .openapi('DistrictDashboard');

export const CooperativesTableQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(TABLE_PAGE_SIZE),
  sort: z.enum(TABLE_SORTS).default('code'),
  order: z.enum(['asc', 'desc']).default('asc'),
  q: z.string().trim().max(100).optional().openapi({ description: 'Part of the code or the name, any case' }),
  kecamatan: z.string().regex(/^\d{6}$/).optional().openapi({ description: 'Six-digit kecamatan code' }),
  band: z.enum(['sehat', 'cukup_sehat', 'kurang_sehat', 'tidak_sehat', 'none']).optional(),
  aboveLimit: z.enum(['true', 'false']).transform((v) => v === 'true').optional().openapi({ description: 'Only those above (true) or within (false) the 5 % NPL limit' }),
});

export const TrendPointSchema = z
  .object({ period: z.string(), accounts: z.number().int(), outstanding: z.number().int(), nplAmount: z.number().int(), nplGross: z.number(), nplNet: z.number(), par30: z.number() })
  .openapi('TrendPoint');

export const CooperativeSupervisionSchema = z
  .object({
    cooperative: CooperativeSchema, asOf: z.string(), figures: FiguresSchema,
    classes: z.array(z.object({ classCode: z.string(), accounts: z.number().int(), outstanding: z.number().int() })),
    trend: z.array(TrendPointSchema), causes: CauseSummarySchema, lastPeriod: z.string().nullable(),
    furnishing: z.array(z.object({ id: z.number().int(), period: z.string(), source: z.string(), rows: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), createdAt: z.string() })),
    inquiries: z.array(z.object({ month: z.string(), purpose: z.string(), inquiries: z.number().int() })),
    statusHistory: StatusHistorySchema,
  })
  .openapi('CooperativeSupervision');

export const ProposalsSchema = z
  .object({
    asOf: z.string(),
    settings: z.object({ ratYears: z.number().int(), furnishingMonths: z.number().int(), dissolutionMonths: z.number().int() }),
    proposedInactive: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string(), reasons: z.array(z.enum(['no_rat', 'no_furnishing'])), lastRatYear: z.number().int().nullable(), lastPeriod: z.string().nullable() })),
    dissolutionCandidates: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string(), inactiveSince: z.string().nullable(), statusReason: z.string().nullable() })),
  })
  .openapi('StatusProposals');
