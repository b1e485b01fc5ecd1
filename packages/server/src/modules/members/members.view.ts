import { decryptField, decryptOptional, encryptOptional } from '../../config/field-crypto.ts';
import type { Keys } from '../../config/keys.ts';
import { allDistricts } from '../reference/regions.ts';
import type { Member, MemberStatus } from './members.table.ts';

/** A member as their own cooperative sees them: personal fields decrypted. */
export interface MemberView {
  id: number;
  memberNo: string;
  fullName: string;
  nik: string;
  birthDate: string;
  sex: 'M' | 'F';
  phone: string | null;
  address: string | null;
  monthlyIncome: number | null;
  kecamatanCode: string | null;
  kecamatanName: string | null;
  joinedOn: string;
  status: MemberStatus;
  leftOn: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A member list row: nothing that needs decrypting. */
export interface MemberSummary {
  id: number;
  memberNo: string;
  fullName: string;
  birthDate: string;
  status: MemberStatus;
  joinedOn: string;
}

/**
 * The lower-cased, accent-free, single-spaced form of a name that search compares with, so
 * 'Sri  Wahyuningsih' and 'sri wahyuningsih' find the same member.
 *
 * @example searchableName('  Siti  Nurhaliza ') // 'siti nurhaliza'
 */
export function searchableName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Income is an integer of minor units, stored as encrypted decimal text. */
export function encryptIncome(keys: Keys, income: number | null | undefined): string | null {
  return encryptOptional(keys, income === null || income === undefined ? null : String(income));
}

export function toMemberView(m: Member, keys: Keys): MemberView {
  const income = decryptOptional(keys, m.income_enc);
  return {
    id: m.id,
    memberNo: m.member_no,
    fullName: m.full_name,
    nik: decryptField(keys, m.nik_enc),
    birthDate: m.birth_date,
    sex: m.sex,
    phone: decryptOptional(keys, m.phone_enc),
    address: decryptOptional(keys, m.address_enc),
    monthlyIncome: income === null ? null : Number(income),
    kecamatanCode: m.kecamatan_code,
    kecamatanName: m.kecamatan_code === null ? null : (allDistricts().get(m.kecamatan_code)?.name ?? null),
    joinedOn: m.joined_on,
    status: m.status,
    leftOn: m.left_on,
    createdAt: m.created_at,
    updatedAt: m.updated_at,
  };
}

export function toMemberSummary(m: Member): MemberSummary {
  return { id: m.id, memberNo: m.member_no, fullName: m.full_name, birthDate: m.birth_date, status: m.status, joinedOn: m.joined_on };
}
