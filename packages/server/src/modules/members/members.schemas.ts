import { z } from '@hono/zod-openapi';
import { isIsoDate } from '@simpul/domain';
import { MEMBER_STATUSES } from './members.table.ts';

/** A real calendar date 'YYYY-MM-DD' (2023-02-29 is refused). */
export const CalendarDate = z.string().refine(isIsoDate).openapi({ example: '1990-01-01', format: 'date' });

/** A warning the officer should look at; the record was (or will be) saved anyway. */
export const WarningSchema = z.object({ code: z.string(), message: z.string() }).openapi('Warning');

export const MemberSchema = z
  .object({
    id: z.number().int(),
    memberNo: z.string(),
    fullName: z.string(),
    nik: z.string().openapi({ description: 'Decrypted for the member’s own cooperative only' }),
    birthDate: z.string(),
    sex: z.enum(['M', 'F']),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    monthlyIncome: z.number().int().nullable().openapi({ description: 'Declared monthly income, minor units' }),
    kecamatanCode: z.string().nullable(),
    kecamatanName: z.string().nullable(),
    joinedOn: z.string(),
    status: z.enum(MEMBER_STATUSES),
    leftOn: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Member');

/** A row of the member list: no decrypted fields, so a list never exposes NIKs in bulk. */
export const MemberSummarySchema = z
  .object({ id: z.number().int(), memberNo: z.string(), fullName: z.string(), birthDate: z.string(), status: z.enum(MEMBER_STATUSES), joinedOn: z.string() })
  .openapi('MemberSummary');

const Money = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const editable = {
  fullName: z.string().trim().min(2).max(200),
  nik: z.string().trim().min(1).max(40).openapi({ example: '3316014101900001', description: '16 digits; spaces, dots and dashes are ignored' }),
  birthDate: CalendarDate.optional().openapi({ description: 'Defaults to the date coded in the NIK' }),
  phone: z.string().trim().max(30).nullable().optional(),
  address: z.string().trim().max(500).nullable().optional(),
  monthlyIncome: Money.nullable().optional(),
  kecamatanCode: z.string().trim().regex(/^\d{6}$/).nullable().optional().openapi({ example: '331601' }),
};

export const NewMemberSchema = z
  .object({
    ...editable,
    memberNo: z.string().trim().min(1).max(30).regex(/^[A-Za-z0-9./_-]+$/).optional().openapi({ description: 'Generated (A-000123) when left out' }),
    joinedOn: CalendarDate.optional().openapi({ description: 'Today by default' }),
  })
  .strict()
  .openapi('NewMember');

export const MemberUpdateSchema = z.object(editable).partial().strict().openapi('MemberUpdate');

export const DeactivateSchema = z.object({ leftOn: CalendarDate.optional().openapi({ description: 'Today by default' }) }).strict();

export const SearchQuery = z.object({
  q: z.string().trim().max(100).optional().openapi({ description: 'Name substring, member number, or an exact 16-digit NIK' }),
  status: z.enum(MEMBER_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});

export const NikCheckSchema = z.object({ nik: editable.nik, birthDate: CalendarDate.optional() }).strict().openapi('NikCheck');

export const NikCheckResultSchema = z
  .object({
    birthDate: z.string().openapi({ description: 'The birth date coded in the NIK' }),
    sex: z.enum(['M', 'F']),
    warnings: z.array(WarningSchema),
    existingMemberId: z.number().int().nullable().openapi({ description: 'This NIK is already a member of your cooperative' }),
  })
  .openapi('NikCheckResult');
