import ExcelJS from 'exceljs';
import { COLUMNS } from './furnishing.columns.ts';

/** Two example rows a furnisher can overwrite: one current account, one settled. */
const EXAMPLE_ROWS = [
  ['PJ-2024-0001', '3316014501900001', 'Sri Wahyuni', '1990-01-05', 'Pinjaman Umum', '2024-03-15', '5000000', '12', 'monthly', '470000', '2350000', '0', '0', 'active', '2026-10-10', '', '', ''],
  ['PJ-2023-0107', '3316110707850002', 'Budi Santoso', '1985-07-07', 'Pinjaman Usaha', '2023-01-20', '10.000.000', '24', 'monthly', '520.000', '0', '0', '0', 'settled', '2026-10-02', '2026-10-02', '', ''],
];

/** The furnishing template as CSV: the header and two example rows. */
export function templateCsv(): string {
  return `${[COLUMNS.join(','), ...EXAMPLE_ROWS.map((r) => r.join(','))].join('\r\n')}\r\n`;
}

/** The same template as an XLSX workbook, NIK and account columns formatted as text. */
export async function templateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('furnishing');
  sheet.addRow([...COLUMNS]);
  for (const row of EXAMPLE_ROWS) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  for (const c of [1, 2]) sheet.getColumn(c).numFmt = '@';
  sheet.columns.forEach((col) => (col.width = 18));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
