import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Services, Actor } from '../../http/context.ts';
import { translate, type Lang } from '../../http/messages.ts';
import { detectKind, readRows, type Source } from './furnishing.readers.ts';
import { UnreadableFile } from './furnishing.pipeline.ts';
import { importChunks, importRows, type ImportRequest, type ImportResult } from './furnishing.service.ts';
import { chunksInWorker } from './furnishing.worker.ts';
import { isPeriod } from './furnishing.validate.ts';

export async function fileSha256(source: Source): Promise<string> {
  const hash = createHash('sha256');
  if (Buffer.isBuffer(source)) return hash.update(source).digest('hex');
  for await (const chunk of fs.createReadStream(source, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A furnished CSV row takes ~140 bytes; a lower figure would overestimate the rows. */
const BYTES_PER_ROW = 150;

/** Imports a furnishing file (CSV or XLSX) for a cooperative and period as one batch. */
export async function importFile(
  services: Services,
  options: { file: Source; cooperativeId: number; period: string; strict: boolean; actor: Actor | null; fileName?: string; source?: 'file' | 'api'; buffered?: boolean },
): Promise<ImportResult> {
  if (!isPeriod(options.period)) throw new UnreadableFile('unknown_format', 'period');
  const name = options.fileName ?? (typeof options.file === 'string' ? path.basename(options.file) : 'upload');
  const kind = detectKind(options.file, name);
  if (!kind) throw new UnreadableFile('unknown_format', name);
  const req: ImportRequest = {
    cooperativeId: options.cooperativeId,
    period: options.period,
    source: options.source ?? 'file',
    strict: options.strict,
    fullFile: true,
    actor: options.actor,
    fileName: name,
    sha256: await fileSha256(options.file),
    buffered: options.buffered ?? false,
    expectedRows: Math.floor((Buffer.isBuffer(options.file) ? options.file.length : fs.statSync(options.file).size) / BYTES_PER_ROW),
  };
  // A file on disk (the CLI, possibly a million rows) is read in a worker thread while this
  // one writes; an upload's bytes are parsed here, in memory, as they came.
  return typeof options.file === 'string'
    ? importChunks(services, req, chunksInWorker(options.file, kind, options.period, services.keys))
    : importRows(services, req, readRows(options.file, kind));
}

/** The result as furnishers read it: every finding with its row, column, value, code and message. */
export function resultJson(result: ImportResult, lang: Lang = 'id') {
  return {
    batchId: result.batchId,
    period: result.period,
    stored: result.stored,
    duplicateOf: result.duplicateOf,
    rows: result.rows,
    accepted: result.accepted,
    rejected: result.rejected,
    warnings: result.warnings,
    errors: result.issues.map((i) => ({
      row: i.row,
      column: i.column,
      value: i.value,
      code: i.code,
      severity: i.severity,
      message: translate(i.code, lang),
      messageEn: translate(i.code, 'en'),
    })),
  };
}
