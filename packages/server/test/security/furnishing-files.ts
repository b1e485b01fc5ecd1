/**
 * fast-check arbitraries for malformed furnishing files: rows that are good or carry one
 * known defect, written as CSV (encodings, BOMs, delimiters, quoting, line ends) or XLSX.
 */
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { COLUMNS } from '../../src/modules/registry/furnishing.columns.ts';

type Column = (typeof COLUMNS)[number];
export type Cells = Record<Column, string>;

const BASE: Cells = {
  account_ref: 'PJ-1', nik: '3316014501900001', full_name: 'Sri Wahyuni', birth_date: '1990-01-05', product: 'Pinjaman Umum',
  opened_on: '2026-01-15', original_amount: '5000000', tenor: '12', frequency: 'monthly', instalment_amount: '470000',
  outstanding: '2350000', arrears: '0', days_past_due: '0', status: 'active', last_payment_on: '2026-10-10', closed_on: '',
  written_off_on: '', written_off_amount: '',
};

/** Text a spreadsheet would run as a formula if it reached a cell unescaped. */
export const FORMULAS = ['=CMD()', '=cmd|\' /C calc\'!A0', '+1+1', '-2+3', '@SUM(A1:A9)', '=HYPERLINK("http://x.invalid","klik")', '\t=1+1', '\r=1+1'];

/** Each defect makes a row invalid for a known reason. */
const DEFECTS: Record<string, (n: number) => Partial<Cells>> = {
  nik17: () => ({ nik: '33160145019000011' }),
  nik15: () => ({ nik: '331601450190000' }),
  nikLetters: () => ({ nik: '3316O14501900001' }),
  date3102: () => ({ opened_on: '31/02/2026' }),
  date2013: () => ({ birth_date: '1990-13-01' }),
  negative: () => ({ original_amount: '-5000000' }),
  enormous: () => ({ outstanding: '9'.repeat(40) }),
  notANumber: () => ({ outstanding: 'lima juta' }),
  formulaAmount: (n) => ({ original_amount: FORMULAS[n % FORMULAS.length] ?? '=1' }),
  formulaDpd: (n) => ({ days_past_due: FORMULAS[(n + 3) % FORMULAS.length] ?? '=1' }),
  missingNik: () => ({ nik: '' }),
  unknownStatus: () => ({ status: '=STATUS()' }),
};

export interface RowSpec {
  defect: string | null;
  /** Neutral noise that may or may not be valid (names with formulas, huge or odd text). */
  name: string;
  product: string;
}

const nameArb = fc.oneof(
  fc.constantFrom(...FORMULAS, 'Siti "Nur" Aisyah', 'Budi, S.E.', 'Ñoño Ütama', 'Dwi\nBaris', '名前', ''),
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 300, maxLength: 3000 }),
);

export const rowSpecArb: fc.Arbitrary<RowSpec> = fc.record({
  defect: fc.option(fc.constantFrom(...Object.keys(DEFECTS)), { nil: null, freq: 2 }),
  name: nameArb,
  product: fc.oneof(fc.constant('Pinjaman Umum'), fc.constantFrom(...FORMULAS), fc.string({ minLength: 1000, maxLength: 70_000 })),
});

/** The cells of a row; its account reference starts with a formula when the row is bad, to test the report. */
export function cellsOf(spec: RowSpec, n: number, tag: string): Cells {
  const defect = spec.defect ? (DEFECTS[spec.defect]?.(n) ?? {}) : {};
  const ref = spec.defect ? `=${tag}-${n}` : `${tag}-${n}`;
  return { ...BASE, full_name: spec.name, product: spec.product, ...defect, account_ref: ref };
}

export interface CsvShape {
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'latin1';
  delimiter: ',' | ';';
  eol: '\n' | '\r\n';
  quoteAll: boolean;
}

export const csvShapeArb: fc.Arbitrary<CsvShape> = fc.record({
  encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'latin1'),
  delimiter: fc.constantFrom(',', ';'),
  eol: fc.constantFrom('\n', '\r\n'),
  quoteAll: fc.boolean(),
});

function field(value: string, shape: CsvShape): string {
  const needs = shape.quoteAll || value.includes(shape.delimiter) || /["\r\n]/.test(value);
  return needs ? `"${value.replaceAll('"', '""')}"` : value;
}

export function csvBytes(rows: Cells[], shape: CsvShape): Buffer {
  const lines = [COLUMNS.join(shape.delimiter), ...rows.map((r) => COLUMNS.map((c) => field(r[c], shape)).join(shape.delimiter))];
  const text = lines.join(shape.eol) + shape.eol;
  if (shape.encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (shape.encoding === 'latin1') return Buffer.from(text, 'latin1');
  const body = Buffer.from(text, 'utf8');
  return shape.encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** Cells as a spreadsheet holds them: numbers as numbers, some text as formula cells. */
export async function xlsxBytes(rows: Cells[], asFormula: boolean): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Data');
  sheet.addRow([...COLUMNS]);
  for (const r of rows) {
    sheet.addRow(
      COLUMNS.map((c) => {
        const v = r[c];
        if (/^\d{1,12}$/.test(v) && c !== 'nik') return Number(v);
        if (asFormula && c === 'product') return { formula: 'CONCAT("a","b")', result: v.slice(0, 100) };
        return v;
      }),
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Every cell of a CSV text (RFC 4180 quoting), for checks on exported reports. */
export function csvCells(text: string): string[] {
  const records = parse(text, { bom: true, relax_column_count: true }) as string[][];
  return records.flat();
}
