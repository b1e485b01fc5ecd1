import type { Member, MemberPatch, NewMember } from './membersApi';

/** The fields of the register and edit forms, as typed (numbers may still be empty). */
export const DRAFT_FIELDS = [
  'fullName',
  'nik',
  'memberNo',
  'birthDate',
  'phone',
  'address',
  'monthlyIncome',
  'kecamatanCode',
  'joinedOn',
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

export type MemberDraft = Record<Exclude<DraftField, 'monthlyIncome'>, string> & {
  monthlyIncome: number | string;
};

export const EMPTY_DRAFT: MemberDraft = {
  fullName: '',
  nik: '',
  memberNo: '',
  birthDate: '',
  phone: '',
  address: '',
  monthlyIncome: '',
  kecamatanCode: '',
  joinedOn: '',
};

const optional = (value: string) => (value.trim() ? value.trim() : undefined);
const income = (value: number | string) => (typeof value === 'number' ? value : undefined);

/** The register body: empty optional fields are left out so the server applies its defaults. */
export function toNewMember(d: MemberDraft): NewMember {
  return {
    fullName: d.fullName.trim(),
    nik: d.nik.trim(),
    memberNo: optional(d.memberNo),
    birthDate: optional(d.birthDate),
    phone: optional(d.phone),
    address: optional(d.address),
    monthlyIncome: income(d.monthlyIncome),
    kecamatanCode: optional(d.kecamatanCode),
    joinedOn: optional(d.joinedOn),
  };
}

/** The edit form starts from the member as stored. */
export function draftOf(m: Member): MemberDraft {
  return {
    ...EMPTY_DRAFT,
    fullName: m.fullName,
    nik: m.nik,
    birthDate: m.birthDate,
    phone: m.phone ?? '',
    address: m.address ?? '',
    monthlyIncome: m.monthlyIncome ?? '',
    kecamatanCode: m.kecamatanCode ?? '',
    memberNo: m.memberNo,
    joinedOn: m.joinedOn,
  };
}

/** Only what changed goes to the server (an emptied optional field becomes null), so the audit names only real edits. */
export function toPatch(d: MemberDraft, m: Member): MemberPatch {
  const patch: MemberPatch = {};
  const text = (value: string, stored: string | null) =>
    value.trim() === (stored ?? '') ? undefined : (optional(value) ?? null);
  if (d.fullName.trim() !== m.fullName) patch.fullName = d.fullName.trim();
  if (d.nik.replace(/[\s.-]/g, '') !== m.nik) patch.nik = d.nik.trim();
  if (d.birthDate && d.birthDate !== m.birthDate) patch.birthDate = d.birthDate;
  const phone = text(d.phone, m.phone);
  if (phone !== undefined) patch.phone = phone;
  const address = text(d.address, m.address);
  if (address !== undefined) patch.address = address;
  const kecamatan = text(d.kecamatanCode, m.kecamatanCode);
  if (kecamatan !== undefined) patch.kecamatanCode = kecamatan;
  const newIncome = income(d.monthlyIncome) ?? null;
  if (newIncome !== m.monthlyIncome) patch.monthlyIncome = newIncome;
  return patch;
}
