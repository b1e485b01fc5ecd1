import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { CsvScanner } from './furnishing.csv.ts';
import { UnreadableFile } from './furnishing.pipeline.ts';
import type { Cell } from './furnishing.values.ts';

/** A row of a furnishing file: its number as a spreadsheet shows it (header = 1) and its cells. */
export interface FileRow {
  row: number;
  cells: Cell[];
}

export type FileKind = 'csv' | 'xlsx';

/**
 * A furnishing file: a path (the CLI) or the bytes of an upload (the API), which are parsed
 * in memory so that an upload's plain identities never touch the disk.
 */
export type Source = string | Buffer;

function head(source: Source, length: number): Buffer {
  if (Buffer.isBuffer(source)) return source.subarray(0, length);
  const fd = fs.openSync(source, 'r');
  const buf = Buffer.alloc(length);
  const read = fs.readSync(fd, buf, 0, length, 0);
  fs.closeSync(fd);
  return buf.subarray(0, read);
}

function stream(source: Source): Readable {
  return Buffer.isBuffer(source) ? Readable.from([source]) : fs.createReadStream(source, { highWaterMark: 1 << 20 });
}

/** Tells CSV from XLSX by content (a ZIP signature), falling back to the file name. */
export function detectKind(source: Source, fileName = typeof source === 'string' ? source : ''): FileKind | undefined {
  const start = head(source, 4);
  if (start[0] === 0x50 && start[1] === 0x4b) return 'xlsx';
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.xlsx' || ext === '.xls' || ext === '.ods') return undefined; // named a spreadsheet but not one we read
  if (start.includes(0)) return start[0] === 0xff && start[1] === 0xfe ? 'csv' : undefined; // binary, unless UTF-16
  return 'csv';
}

/**
 * The text encoding of a CSV: UTF-16 by its BOM, UTF-8 when every byte sequence is valid,
 * otherwise Windows-1252 (what older Excel versions on Indonesian Windows write).
 */
export async function detectEncoding(source: Source): Promise<'utf-8' | 'utf-16le' | 'latin1'> {
  const bom = head(source, 2);
  if (bom[0] === 0xff && bom[1] === 0xfe) return 'utf-16le';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of stream(source)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'latin1';
  }
}

/** Spreadsheet programs in Indonesian locales write `;` (the comma is the decimal mark). */
export function detectDelimiter(headerLine: string): string {
  const counts = [',', ';', '\t', '|'].map((d) => [d, headerLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function firstLine(source: Source, encoding: BufferEncoding): string {
  const text = head(source, 64 * 1024).toString(encoding);
  return text.split(/\r?\n/)[0] ?? '';
}

/** A CSV's decoded text in chunks of about 1 MiB (multi-byte characters never split). */
async function* textChunks(source: Source, encoding: BufferEncoding): AsyncGenerator<string> {
  if (Buffer.isBuffer(source)) {
    yield source.toString(encoding);
    return;
  }
  for await (const chunk of fs.createReadStream(source, { encoding, highWaterMark: 1 << 20 })) yield chunk as string;
}

/** Streams a CSV's rows, header first. Empty lines are skipped but keep their numbers. */
export async function* readCsv(source: Source): AsyncGenerator<FileRow> {
  for await (const batch of readCsvBatches(source)) yield* batch;
}

/**
 * A CSV's rows as readCsv gives them, a decoded chunk's worth (~7,000 rows of 1 MiB) at a
 * time: a million-row file read row by row through async generators spent a promise and a
 * microtask turn per row and per layer.
 */
async function* readCsvBatches(source: Source): AsyncGenerator<FileRow[]> {
  const encoding = await detectEncoding(source);
  const scanner = new CsvScanner(detectDelimiter(firstLine(source, encoding)));
  let row = 0;
  const take = (chunk: string, final: boolean) => {
    const batch: FileRow[] = [];
    for (const cells of scanner.records(chunk, final)) {
      row++;
      if (cells.length > 1 || cells[0] !== '') batch.push({ row, cells });
    }
    return batch;
  };
  for await (const chunk of textChunks(source, encoding)) {
    const batch = take(chunk, false);
    if (batch.length > 0) yield batch;
  }
  const last = take('', true);
  if (last.length > 0) yield last;
}

type ExcelValue = ExcelJS.CellValue;

/** What a spreadsheet cell holds, as a furnishing cell: formulas give their cached result. */
function excelCell(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('result' in value) return excelCell((value.result ?? null) as ExcelValue);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return String(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

/** The non-empty rows of an ExcelJS row's values (1-based), as furnishing cells. */
function rowCells(row: ExcelJS.Row): Cell[] | undefined {
  const values = Array.isArray(row.values) ? row.values.slice(1) : [];
  const cells = Array.from(values, (v) => excelCell(v as ExcelValue));
  return cells.every((c) => c === null || c === '') ? undefined : cells;
}

/**
 * The first worksheet of an XLSX, header first. An upload (a buffer, at most the upload
 * limit) is read whole: ExcelJS's streaming reader failed now and then on small workbooks
 * under load (the fuzz tests caught it); a file on disk, which may be large, is streamed.
 */
export async function* readXlsx(source: Source): AsyncGenerator<FileRow> {
  // Loaded on first use: a CSV import (and its worker thread) never pays ExcelJS's memory.
  const { default: ExcelJS } = await import('exceljs');
  if (Buffer.isBuffer(source)) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(source).buffer); // a copy as an ArrayBuffer, the type ExcelJS declares
    const sheet = book.worksheets[0];
    for (let n = 1; sheet && n <= sheet.rowCount; n++) {
      const cells = rowCells(sheet.getRow(n));
      if (cells) yield { row: n, cells };
    }
    return;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const cells = rowCells(row);
      if (cells) yield { row: row.number, cells };
    }
    return; // the first worksheet only
  }
}

export function readRows(source: Source, kind: FileKind): AsyncGenerator<FileRow> {
  return unreadableOnFailure(kind === 'xlsx' ? readXlsx(source) : readCsv(source));
}

/** As readRows, in batches of rows (a CSV's decoded chunk; an XLSX row by row): for the furnishing worker's hot loop. */
export function readRowBatches(source: Source, kind: FileKind): AsyncGenerator<FileRow[]> {
  return unreadableOnFailure(kind === 'xlsx' ? singles(readXlsx(source)) : readCsvBatches(source));
}

async function* singles<T>(items: AsyncIterable<T>): AsyncGenerator<T[]> {
  for await (const item of items) yield [item];
}

/**
 * A file the parser chokes on (a damaged ZIP, a record past the size limit) is the
 * furnisher's error, answered as "not CSV or XLSX" rather than a server error.
 */
async function* unreadableOnFailure<T>(rows: AsyncGenerator<T>): AsyncGenerator<T> {
  try {
    yield* rows;
  } catch (err) {
    if (err instanceof UnreadableFile) throw err;
    throw new UnreadableFile('unknown_format', err instanceof Error ? err.message.slice(0, 200) : 'unreadable');
  }
}
