import { z } from '@hono/zod-openapi';
import { ACTIVITY_STATUSES, COOPERATIVE_TYPES } from './cooperatives.table.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ example: '2015-03-01' });

export const CooperativeSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    nikKoperasi: z.string().nullable(),
    type: z.enum(COOPERATIVE_TYPES),
    createdAt: z.string(),
    legalEntityNo: z.string().nullable(),
    address: z.string().nullable(),
    kecamatanCode: z.string().nullable(),
    kecamatanName: z.string().nullable(),
    foundedOn: z.string().nullable(),
    membersCount: z.number().int().nullable(),
    boardContacts: z.string().nullable(),
    lastRatYear: z.number().int().nullable(),
    registryParticipation: z.boolean(),
    activityStatus: z.enum(ACTIVITY_STATUSES),
    statusReason: z.string().nullable(),
    statusSince: z.string().nullable(),
  })
  .openapi('Cooperative');

const profileFields = {
  name: z.string().trim().min(2).max(200),
  nikKoperasi: z.string().trim().max(40).nullable().optional(),
  type: z.enum(COOPERATIVE_TYPES).optional(),
  legalEntityNo: z.string().trim().max(100).nullable().optional(),
  address: z.string().trim().max(500).nullable().optional(),
  kecamatanCode: z.string().trim().regex(/^\d{6}$/).nullable().optional(),
  foundedOn: IsoDate.nullable().optional(),
  membersCount: z.number().int().min(0).max(10_000_000).nullable().optional(),
  boardContacts: z.string().trim().max(500).nullable().optional(),
  lastRatYear: z.number().int().min(1900).max(2200).nullable().optional(),
  registryParticipation: z.boolean().optional(),
};

export const NewCooperativeSchema = z
  .object({ code: z.string().trim().min(2).max(20).regex(/^[A-Za-z0-9_-]+$/), ...profileFields })
  .openapi('NewCooperative');

export const CooperativeEditSchema = z
  .object({ ...profileFields, name: profileFields.name.optional() })
  .strict()
  .openapi('CooperativeEdit');

export const StatusChangeSchema = z
  .object({ status: z.enum(ACTIVITY_STATUSES), reason: z.string().trim().min(3).max(500), effectiveOn: IsoDate.optional() })
  .openapi('CooperativeStatusChange');

export const StatusHistorySchema = z
  .array(
    z.object({
      id: z.number().int(), fromStatus: z.enum(ACTIVITY_STATUSES).nullable(), toStatus: z.enum(ACTIVITY_STATUSES), reason: z.string(),
      effectiveOn: z.string(), changedBy: z.string(), changedAt: z.string(),
    }),
  )
  .openapi('CooperativeStatusHistory');

export const RegistryImportSchema = z
  .object({
    rows: z.number().int(), created: z.number().int(), updated: z.number().int(), rejected: z.number().int(),
    errors: z.array(z.object({ row: z.number().int(), column: z.string(), value: z.string(), code: z.string(), message: z.string() })),
  })
  .openapi('CooperativeRegistryImport');
