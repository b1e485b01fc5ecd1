import type { Kysely } from 'kysely';
import { businessDate } from '../../config/env.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor, Services } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { detectKind, readRows, type Source } from '../registry/furnishing.readers.ts';
import { cellText } from '../registry/furnishing.values.ts';
import { mapRegistryHeader, REGISTRY_HEADERS, type RegistryColumn } from './cooperatives.columns.ts';
import { profileColumns } from './cooperatives.profile.ts';
import { findCooperativeByCode, findCooperativeById, findCooperativeByNik, updateCooperativeRow } from './cooperatives.repository.ts';
import { validateRegistryRow, type ImportedCooperative, type ImportIssue } from './cooperatives.rows.ts';
import { insertRegisteredCooperative } from './cooperatives.service.ts';
import { applyStatusChange } from './cooperatives.status.ts';

export interface RegistryImportResult {
  rows: number;
  created: number;
  updated: number;
  rejected: number;
  issues: ImportIssue[];
}

/** Reads and validates every row first: a bad row is reported with its number, the good ones kept. */
async function validRows(source: Source, fileName: string, today: string): Promise<{ rows: { row: number; value: ImportedCooperative }[]; issues: ImportIssue[]; total: number }> {
  const kind = detectKind(source, fileName);
  if (!kind) throw new AppError(400, 'unknown_format');
  let indexes: Partial<Record<RegistryColumn, number>> | undefined;
  const rows: { row: number; value: ImportedCooperative }[] = [];
  const issues: ImportIssue[] = [];
  const seen = new Map<string, number>();
  let total = 0;
  for await (const { row, cells } of readRows(source, kind)) {
    if (!indexes) {
      const header = mapRegistryHeader(cells.map((c) => cellText(c)));
      if (header.missing.length > 0) throw new AppError(400, 'missing_columns', { columns: header.missing.map((c) => REGISTRY_HEADERS[c]).join(', ') });
      indexes = header.indexes;
      continue;
    }
    total++;
    const at = indexes;
    const result = validateRegistryRow(row, (c) => (at[c] === undefined ? null : cells[at[c]]), today);
    issues.push(...result.issues);
    if (!result.value) continue;
    const key = result.value.code ?? (result.value.nikKoperasi ? `nik:${result.value.nikKoperasi}` : null);
    if (key && seen.has(key)) issues.push({ row, column: result.value.code ? 'code' : 'nik_koperasi', value: key.replace(/^nik:/, ''), code: 'duplicate_in_file' });
    else {
      if (key) seen.set(key, row);
      rows.push({ row, value: result.value });
    }
  }
  if (!indexes) throw new AppError(400, 'empty_file');
  return { rows, issues, total };
}

/** Inserts or updates one imported cooperative; returns whether it was new. */
async function upsertRow(trx: Kysely<Database>, services: Services, actor: Actor | null, value: ImportedCooperative): Promise<boolean> {
  const existing = value.code ? await findCooperativeByCode(trx, value.code) : value.nikKoperasi ? await findCooperativeByNik(trx, value.nikKoperasi) : undefined;
  let id = existing?.id;
  if (id === undefined) {
    // A list without our codes: the cooperative gets KOP + its id, unique by construction.
    const code = value.code ?? `NEW-${services.now().getTime()}-${Math.random().toString(36).slice(2, 8)}`;
    id = await insertRegisteredCooperative(trx, services, actor, { ...value, code });
    if (!value.code) await updateCooperativeRow(trx, id, { code: `KOP${String(id).padStart(4, '0')}` });
  } else {
    await updateCooperativeRow(trx, id, { ...profileColumns(value, services.keys), updated_at: services.now().toISOString() });
  }
  const current = await findCooperativeById(trx, id);
  if (current && value.activityStatus && value.activityStatus !== current.activity_status) {
    await applyStatusChange(trx, services, actor, id, current.activity_status, { status: value.activityStatus, reason: value.statusReason ?? 'import' });
  }
  return existing === undefined;
}

/**
 * Imports the Dinas's list of cooperatives (CSV or XLSX, the furnishing readers): good rows
 * are created or updated (matched by code, else by NIK koperasi) in one transaction, bad
 * rows come back by row number and change nothing.
 */
export async function importRegistry(services: Services, actor: Actor | null, source: Source, fileName = 'upload'): Promise<RegistryImportResult> {
  const { rows, issues, total } = await validRows(source, fileName, businessDate(services.now()));
  const rejectedRows = new Set(issues.map((i) => i.row)).size;
  const result: RegistryImportResult = { rows: total, created: 0, updated: 0, rejected: rejectedRows, issues };
  await services.db.db.transaction().execute(async (trx) => {
    for (const { value } of rows) {
      if (await upsertRow(trx, services, actor, value)) result.created++;
      else result.updated++;
    }
    await recordAudit(trx, services, actor, 'cooperative.registry_imported', { type: 'cooperative_registry', id: null }, { rows: total, created: result.created, updated: result.updated, rejected: rejectedRows });
  });
  return result;
}
