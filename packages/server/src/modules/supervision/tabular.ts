import ExcelJS from 'exceljs';
import { csvCell } from '../registry/furnishing.routes.ts';

export type TableCell = string | number | null;

/** A table to hand out as CSV or XLSX: headers and rows of plain values. */
export interface Tabular {
  /** Used for the sheet and the file name. */
  name: string;
  headers: string[];
  rows: TableCell[][];
}

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Text a spreadsheet could take for a formula (= + - @, also tab and CR) gets a leading
 * quote, so an exported cell never runs anything when opened (CSV/formula injection).
 */
export function inertText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV with a BOM (Excel then reads UTF-8) and CRLF line ends; every cell made inert. */
export function tableCsv(table: Tabular): string {
  const line = (cells: TableCell[]) => cells.map((c) => csvCell(c ?? '')).join(',');
  return `\uFEFF${[line(table.headers), ...table.rows.map(line)].join('\r\n')}\r\n`;
}

/** XLSX: numbers stay numbers, text is written as text (never a formula) and made inert. */
export async function tableXlsx(table: Tabular): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.name.slice(0, 31));
  sheet.addRow(table.headers.map(inertText)).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((c) => (typeof c === 'string' ? inertText(c) : c)));
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The HTTP answer for a table in the asked format, as a download. */
export async function tableDownload(table: Tabular, format: ExportFormat): Promise<Response> {
  const disposition = `attachment; filename="${table.name}.${format}"`;
  if (format === 'csv') return new Response(tableCsv(table), { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition } });
  const type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return new Response(await tableXlsx(table), { headers: { 'content-type': type, 'content-disposition': disposition } });
}
