import type { Actor, Services } from '../../http/context.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { AlertWatch } from '../inquiry/alerts.service.ts';
import { actorLabel } from '../audit/audit.service.ts';
import type { FileRow } from './furnishing.readers.ts';
import { validatedChunks, type Chunk } from './furnishing.pipeline.ts';
import type { RowIssue } from './furnishing.validate.ts';
import { maskIdentity } from './furnishing.values.ts';
import { withRegistryTransaction } from './registry.tx.ts';
import type { FurnishingSource } from './registry.table.ts';
import type { RegistryTransaction, WriteContext } from './registry.writer.ts';
import { refreshMonthlySummary } from '../supervision/supervision.summary.ts';

export interface ImportRequest {
  cooperativeId: number;
  period: string;
  source: FurnishingSource;
  /** Store nothing if any row is bad. */
  strict: boolean;
  /** A full monthly file: replaces the period's snapshot and flags accounts left out. */
  fullFile: boolean;
  actor: Actor | null;
  fileName?: string;
  sha256?: string;
  /** Validate everything before opening the write transaction (the server does; see below). */
  buffered?: boolean;
  /** About how many rows the file holds (from its size), for the bulk-load decision. */
  expectedRows?: number;
}

export interface ImportResult {
  batchId: number | null;
  period: string;
  stored: boolean;
  duplicateOf: number | null;
  rows: number;
  accepted: number;
  rejected: number;
  warnings: number;
  /** Errors and warnings, row by row (capped at MAX_REPORTED; all are stored with the batch). */
  issues: RowIssue[];
}

/** How many findings a result carries in memory; every one is stored with the batch. */
export const MAX_REPORTED = 100_000;

class StrictRollback extends Error {}

/** The latest batch of a cooperative's period, if the same file was already imported. */
async function duplicateBatch(services: Services, req: ImportRequest): Promise<number | null> {
  if (!req.sha256) return null;
  const latest = await services.db.db
    .selectFrom('registry_batches')
    .select(['id', 'sha256'])
    .where('cooperative_id', '=', req.cooperativeId)
    .where('period', '=', req.period)
    .where('status', '=', 'committed')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return latest && latest.sha256 === req.sha256 ? latest.id : null;
}

/**
 * Imports furnished rows as one batch: valid rows are stored, bad rows reported, all in one
 * transaction. Re-importing the latest file of a period changes nothing. On SQLite the
 * server validates the whole upload first (`buffered`) so that the write transaction never
 * waits on I/O while other requests are served; the CLI streams.
 */
export function importRows(services: Services, req: ImportRequest, rows: AsyncIterable<FileRow>): Promise<ImportResult> {
  return importChunks(services, req, validatedChunks(rows, req.period, services.keys));
}

/** As importRows, from chunks validated elsewhere (a worker thread): not started for a duplicate file. */
export async function importChunks(services: Services, req: ImportRequest, validated: AsyncIterable<Chunk>): Promise<ImportResult> {
  const result: ImportResult = { batchId: null, period: req.period, stored: false, duplicateOf: null, rows: 0, accepted: 0, rejected: 0, warnings: 0, issues: [] };
  const duplicateOf = await duplicateBatch(services, req);
  if (duplicateOf !== null) {
    const batch = await services.db.db.selectFrom('registry_batches').selectAll().where('id', '=', duplicateOf).executeTakeFirstOrThrow();
    return { ...result, duplicateOf, batchId: duplicateOf, stored: true, rows: batch.rows_total, accepted: batch.accepted, rejected: batch.rejected, warnings: batch.warnings };
  }
  let chunks: AsyncIterable<Chunk> | Chunk[] = validated;
  if (req.buffered) {
    const all: Chunk[] = [];
    for await (const c of chunks) all.push(c);
    chunks = all;
  }
  // Alerts to other lenders of the same borrowers (new account, DPD 30, write-off), raised once the batch is in.
  const watch = new AlertWatch<Chunk>(req.period);
  try {
    await withRegistryTransaction(services, (tx) => writeBatch(services, tx, req, watch.tap(chunks), result));
    result.stored = true;
    await watch.raise(services, req.cooperativeId);
  } catch (err) {
    if (!(err instanceof StrictRollback)) throw err;
    result.batchId = null;
  }
  return result;
}

async function writeBatch(services: Services, tx: RegistryTransaction, req: ImportRequest, chunks: AsyncIterable<Chunk> | Chunk[], result: ImportResult): Promise<void> {
  const now = services.now().toISOString();
  const batch = await tx.db
    .insertInto('registry_batches')
    .values({ cooperative_id: req.cooperativeId, period: req.period, source: req.source, file_name: req.fileName ?? null, sha256: req.sha256 ?? null, status: 'committed', full_file: req.fullFile ? 1 : 0, rows_total: 0, accepted: 0, rejected: 0, warnings: 0, created_by: actorLabel(req.actor), created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  result.batchId = batch.id;
  const ctx: WriteContext = { cooperativeId: req.cooperativeId, period: req.period, batchId: batch.id, source: req.source, now, fullFile: req.fullFile };
  if (req.fullFile) await supersedePeriod(tx, ctx);
  await tx.bulkLoad(req.expectedRows ?? 0, async () => {
    for await (const chunk of chunks) {
      if (!(req.strict && (result.rejected > 0 || chunk.rejectedRows > 0))) await tx.writeAccounts(chunk.accounts, ctx);
      await storeIssues(tx, batch.id, chunk.issues);
      result.rows += chunk.rows;
      result.accepted += chunk.accounts.length;
      result.rejected += chunk.rejectedRows;
      result.warnings += chunk.issues.filter((i) => i.severity === 'warning').length;
      if (result.issues.length < MAX_REPORTED) result.issues.push(...chunk.issues.slice(0, MAX_REPORTED - result.issues.length));
    }
  });
  if (req.strict && result.rejected > 0) {
    result.accepted = 0;
    throw new StrictRollback();
  }
  if (req.fullFile) await flagNotReported(tx, ctx);
  // The district trend's monthly summary follows the history, in the same transaction.
  await refreshMonthlySummary(tx.db, req.cooperativeId, [req.period]);
  await tx.db.updateTable('registry_batches').set({ rows_total: result.rows, accepted: result.accepted, rejected: result.rejected, warnings: result.warnings }).where('id', '=', batch.id).execute();
  await recordAudit(tx.db, services, req.actor, 'registry.batch', { type: 'registry_batch', id: batch.id, cooperativeId: req.cooperativeId }, {
    period: req.period, source: req.source, sha256: req.sha256 ?? null, rows: result.rows, accepted: result.accepted, rejected: result.rejected,
  });
}

/** A new full file for a period replaces that period's snapshot; the old rows are kept as versions. */
async function supersedePeriod(tx: RegistryTransaction, ctx: WriteContext): Promise<void> {
  const accounts = tx.db.selectFrom('registry_accounts').select('id').where('cooperative_id', '=', ctx.cooperativeId);
  await tx.db
    .insertInto('registry_history_versions')
    .columns(['account_id', 'subject_key', 'period', 'outstanding', 'arrears', 'days_past_due', 'status', 'batch_id', 'superseded_by'])
    .expression(
      tx.db.selectFrom('registry_history')
        .select(['account_id', 'subject_key', 'period', 'outstanding', 'arrears', 'days_past_due', 'status', 'batch_id'])
        .select((eb) => eb.val(ctx.batchId).as('superseded_by'))
        .where('period', '=', ctx.period)
        .where('account_id', 'in', accounts),
    )
    .execute();
  await tx.db.deleteFrom('registry_history').where('period', '=', ctx.period).where('account_id', 'in', accounts).execute();
}

/** Open accounts a full file left out are flagged "not reported" — never silently closed. */
async function flagNotReported(tx: RegistryTransaction, ctx: WriteContext): Promise<void> {
  await tx.db
    .updateTable('registry_accounts')
    .set({ not_reported_since: ctx.period })
    .where('cooperative_id', '=', ctx.cooperativeId)
    .where('last_period', '<', ctx.period)
    .where('status', 'in', ['active', 'restructured'])
    .where('not_reported_since', 'is', null)
    .execute();
}

async function storeIssues(tx: RegistryTransaction, batchId: number, issues: RowIssue[]): Promise<void> {
  for (let i = 0; i < issues.length; i += 500) {
    const values = issues.slice(i, i + 500).map((issue) => ({
      batch_id: batchId,
      row_number: issue.row,
      severity: issue.severity,
      column_name: issue.column,
      value: maskIdentity(issue.column, issue.value),
      code: issue.code,
    }));
    await tx.db.insertInto('registry_batch_issues').values(values).execute();
  }
}
