import { allDistricts, districtsOf } from '../reference/regions.ts';
import { cellText, isBlank, parseCode, parseCount, parseDate, type Cell } from '../registry/furnishing.values.ts';
import type { RegistryColumn } from './cooperatives.columns.ts';
import type { CooperativeProfile } from './cooperatives.profile.ts';
import { COOPERATIVE_TYPES, type ActivityStatus, type CooperativeType } from './cooperatives.table.ts';

/** One bad cell of an imported row: the same shape as a furnishing finding. */
export interface ImportIssue {
  row: number;
  column: RegistryColumn | 'row';
  value: string;
  code: string;
}

/** A valid row of the Dinas's list. */
export interface ImportedCooperative extends CooperativeProfile {
  code: string | null;
  name: string;
  type: CooperativeType;
  activityStatus: ActivityStatus | null;
  statusReason: string | null;
}

const TYPE_ALIASES: Record<string, CooperativeType> = {
  koperasi_simpan_pinjam: 'ksp', ksp_syariah: 'kspps', kspps_bmt: 'kspps', bmt: 'kspps', ksu_usp: 'ksu', 'ksu/usp': 'ksu',
  serba_usaha: 'ksu', konsumen: 'consumer', produsen: 'producer', jasa: 'service', pemasaran: 'other', lainnya: 'other', lain_lain: 'other',
};
const STATUS_ALIASES: Record<string, ActivityStatus> = { aktif: 'active', tidak_aktif: 'inactive', nonaktif: 'inactive', non_aktif: 'inactive', pasif: 'inactive' };
const YES = new Set(['ya', 'y', 'yes', '1', 'true', 'ikut']);
const NO = new Set(['tidak', 't', 'no', 'n', '0', 'false']);

/** The Dinas's own regency: kecamatan names in its list are looked up there (default Blora, 3316). */
export function regencyCode(env: NodeJS.ProcessEnv = process.env): string {
  return env.SIMPUL_REGENCY_CODE ?? '3316';
}

/** A kecamatan by code ('33.16.01' or '331601') or by its name within the Dinas's regency. */
export function parseKecamatan(cell: Cell, regency = regencyCode()): string | undefined {
  const text = cellText(cell);
  const digits = text.replaceAll('.', '');
  if (/^\d{6}$/.test(digits)) return allDistricts().has(digits) ? digits : undefined;
  const name = text.toLowerCase().replace(/^kec(amatan|\.)?\s+/, '');
  return districtsOf(regency).find((d) => d.name.toLowerCase() === name)?.code;
}

type Get = (c: RegistryColumn) => Cell;
type Report = (column: RegistryColumn, code: string) => void;

function text(get: Get, column: RegistryColumn, max: number, report: Report): string | null {
  const value = cellText(get(column));
  if (value.length > max) report(column, 'text_too_long');
  return value === '' ? null : value;
}

function optionalCount(get: Get, column: RegistryColumn, max: number, report: Report): number | null {
  const cell = get(column);
  if (isBlank(cell)) return null;
  // Indonesian spreadsheets write thousands with dots: 1.200 members.
  const text = cellText(cell);
  const parsed = parseCount(/^\d{1,3}(\.\d{3})+$/.test(text) ? text.replaceAll('.', '') : cell, max);
  if (!parsed.ok) report(column, parsed.code);
  return parsed.ok ? parsed.value : null;
}

function participation(cell: Cell, report: Report): boolean | undefined {
  if (isBlank(cell)) return undefined;
  const value = cellText(cell).toLowerCase();
  if (YES.has(value)) return true;
  if (NO.has(value)) return false;
  report('registry_participation', 'invalid_option');
  return undefined;
}

function identity(get: Get, report: Report): Pick<ImportedCooperative, 'code' | 'name' | 'type' | 'nikKoperasi' | 'legalEntityNo'> {
  const code = text(get, 'code', 20, report);
  if (code && !/^[A-Za-z0-9_-]{2,20}$/.test(code)) report('code', 'invalid_code');
  const name = text(get, 'name', 200, report);
  if (!name) report('name', 'required');
  const type = isBlank(get('type')) ? undefined : parseCode(get('type'), COOPERATIVE_TYPES, TYPE_ALIASES);
  if (!type) report('type', 'required');
  else if (!type.ok) report('type', type.code);
  return {
    code: code ? code.toUpperCase() : null, name: name ?? '', type: type?.ok ? type.value : 'other',
    nikKoperasi: text(get, 'nik_koperasi', 40, report), legalEntityNo: text(get, 'legal_entity_no', 100, report),
  };
}

function place(get: Get, report: Report, today: string): Pick<ImportedCooperative, 'address' | 'kecamatanCode' | 'foundedOn'> {
  const kecamatan = isBlank(get('kecamatan')) ? undefined : parseKecamatan(get('kecamatan'));
  if (isBlank(get('kecamatan'))) report('kecamatan', 'required');
  else if (!kecamatan) report('kecamatan', 'unknown_kecamatan');
  const founded = isBlank(get('founded_on')) ? undefined : parseDate(get('founded_on'));
  if (founded && !founded.ok) report('founded_on', founded.code);
  else if (founded?.ok && founded.value > today) report('founded_on', 'date_in_future');
  return { address: text(get, 'address', 500, report), kecamatanCode: kecamatan ?? null, foundedOn: founded?.ok ? founded.value : null };
}

/** Validates one row of the Dinas's list; a row with any issue is not imported. */
export function validateRegistryRow(row: number, get: Get, today: string): { value: ImportedCooperative | null; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const report: Report = (column, code) => issues.push({ row, column, value: column === 'board_contacts' ? '' : cellText(get(column)).slice(0, 200), code });
  const lastRatYear = optionalCount(get, 'last_rat_year', 9999, report);
  if (lastRatYear !== null && (lastRatYear < 1900 || lastRatYear > Number(today.slice(0, 4)))) report('last_rat_year', 'invalid_rat_year');
  const status = isBlank(get('activity_status')) ? undefined : parseCode(get('activity_status'), ['active', 'inactive'] as const, STATUS_ALIASES);
  if (status && !status.ok) report('activity_status', status.code);
  const value: ImportedCooperative = {
    ...identity(get, report),
    ...place(get, report, today),
    membersCount: optionalCount(get, 'members_count', 10_000_000, report),
    boardContacts: text(get, 'board_contacts', 500, report),
    lastRatYear,
    registryParticipation: participation(get('registry_participation'), report),
    activityStatus: status?.ok ? status.value : null,
    statusReason: text(get, 'status_reason', 500, report),
  };
  return { value: issues.length === 0 ? value : null, issues };
}
