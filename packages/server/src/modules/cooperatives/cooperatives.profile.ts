import { decryptOptional, encryptOptional } from '../../config/field-crypto.ts';
import type { Keys } from '../../config/keys.ts';
import type { FieldError } from '../../http/errors.ts';
import { allDistricts } from '../reference/regions.ts';
import type { ActivityStatus, Cooperative, CooperativeType, CooperativeUpdate } from './cooperatives.table.ts';

/** A cooperative as the API shows it. */
export interface CooperativeView {
  id: number;
  code: string;
  name: string;
  nikKoperasi: string | null;
  type: CooperativeType;
  createdAt: string;
  legalEntityNo: string | null;
  address: string | null;
  kecamatanCode: string | null;
  kecamatanName: string | null;
  foundedOn: string | null;
  membersCount: number | null;
  boardContacts: string | null;
  lastRatYear: number | null;
  registryParticipation: boolean;
  activityStatus: ActivityStatus;
  statusReason: string | null;
  statusSince: string | null;
}

/** The registry facts the Dinas keeps; every field optional so one shape serves add and edit. */
export interface CooperativeProfile {
  name?: string;
  nikKoperasi?: string | null;
  type?: CooperativeType;
  legalEntityNo?: string | null;
  address?: string | null;
  kecamatanCode?: string | null;
  foundedOn?: string | null;
  membersCount?: number | null;
  boardContacts?: string | null;
  lastRatYear?: number | null;
  registryParticipation?: boolean;
}

export function kecamatanName(code: string | null): string | null {
  return code === null ? null : (allDistricts().get(code)?.name ?? null);
}

export function toCooperativeView(c: Cooperative, keys: Keys): CooperativeView {
  return {
    id: c.id, code: c.code, name: c.name, nikKoperasi: c.nik_koperasi, type: c.type, createdAt: c.created_at,
    legalEntityNo: c.legal_entity_no, address: c.address, kecamatanCode: c.kecamatan_code, kecamatanName: kecamatanName(c.kecamatan_code),
    foundedOn: c.founded_on, membersCount: c.members_count, boardContacts: decryptOptional(keys, c.board_contacts),
    lastRatYear: c.last_rat_year, registryParticipation: c.registry_participation === 1,
    activityStatus: c.activity_status, statusReason: c.status_reason, statusSince: c.status_since,
  };
}

/**
 * Checks that zod cannot: the kecamatan exists in Kemendagri's list, the founding date and
 * the last RAT are not in the future. `today` is the business date.
 */
export function profileErrors(p: CooperativeProfile, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (p.kecamatanCode && !allDistricts().has(p.kecamatanCode)) errors.push({ path: 'kecamatanCode', code: 'unknown_kecamatan' });
  if (p.foundedOn && p.foundedOn > today) errors.push({ path: 'foundedOn', code: 'date_in_future' });
  if (p.lastRatYear !== null && p.lastRatYear !== undefined && (p.lastRatYear < 1900 || p.lastRatYear > Number(today.slice(0, 4)))) {
    errors.push({ path: 'lastRatYear', code: 'invalid_rat_year' });
  }
  return errors;
}

/** The columns to write for the given fields; fields left undefined are not touched. */
export function profileColumns(p: CooperativeProfile, keys: Keys): CooperativeUpdate {
  const set: CooperativeUpdate = {};
  if (p.name !== undefined) set.name = p.name;
  if (p.nikKoperasi !== undefined) set.nik_koperasi = p.nikKoperasi || null;
  if (p.type !== undefined) set.type = p.type;
  if (p.legalEntityNo !== undefined) set.legal_entity_no = p.legalEntityNo || null;
  if (p.address !== undefined) set.address = p.address || null;
  if (p.kecamatanCode !== undefined) set.kecamatan_code = p.kecamatanCode || null;
  if (p.foundedOn !== undefined) set.founded_on = p.foundedOn || null;
  if (p.membersCount !== undefined) set.members_count = p.membersCount;
  if (p.boardContacts !== undefined) set.board_contacts = encryptOptional(keys, p.boardContacts);
  if (p.lastRatYear !== undefined) set.last_rat_year = p.lastRatYear;
  if (p.registryParticipation !== undefined) set.registry_participation = p.registryParticipation ? 1 : 0;
  return set;
}

/** Names of the fields an edit changed, for the audit chain (never their values: contacts are personal). */
export function changedFields(p: CooperativeProfile): string[] {
  return Object.entries(p).filter(([, v]) => v !== undefined).map(([k]) => k).sort();
}
