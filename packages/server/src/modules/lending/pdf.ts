import PDFDocument from 'pdfkit';
import { formatMoney } from '@simpul/domain';

/** An open pdfkit document (A4, 50 pt margins). */
export type Pdf = InstanceType<typeof PDFDocument>;

/** Rupiah for print: "Rp 1.120.000". */
export const rupiah = (minor: number) => formatMoney(minor, 0, 'id-ID');

/** Renders a document to bytes; `info` goes into the PDF's metadata (no personal data). */
export function renderPdf(title: string, draw: (doc: Pdf) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: title, Creator: 'Simpul' } });
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

export function heading(doc: Pdf, title: string, subtitle: string): void {
  doc.font('Helvetica-Bold').fontSize(15).text(title, { align: 'center' });
  doc.font('Helvetica').fontSize(10).text(subtitle, { align: 'center' }).moveDown(1.2);
}

/** Label–value lines, the label in a fixed column. */
export function fields(doc: Pdf, rows: readonly [string, string][]): void {
  doc.fontSize(10);
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font('Helvetica').text(label, 50, y, { width: 170 });
    doc.font('Helvetica-Bold').text(value, 225, y, { width: 320 });
    doc.moveDown(0.25);
  }
  doc.font('Helvetica').moveDown(0.8);
}

/** A simple table: right-aligned columns except the first `leftColumns`; new pages repeat the header. */
export function table(doc: Pdf, header: readonly string[], widths: readonly number[], rows: readonly (readonly string[])[], leftColumns = 1): void {
  const line = (cells: readonly string[], bold: boolean) => {
    if (doc.y > doc.page.height - 80) doc.addPage();
    const y = doc.y;
    let x = 50;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, i) => {
      const width = widths[i] ?? 60;
      doc.text(cell, x, y, { width, align: i < leftColumns ? 'left' : 'right' });
      x += width;
    });
    doc.moveDown(0.3);
  };
  line(header, true);
  for (const row of rows) line(row, false);
  doc.x = 50;
  doc.moveDown(0.8);
}

/** Two signature blocks side by side. */
export function signatures(doc: Pdf, left: string, right: string): void {
  if (doc.y > doc.page.height - 150) doc.addPage();
  const y = doc.y + 10;
  doc.font('Helvetica').fontSize(10);
  doc.text(left, 50, y, { width: 220, align: 'center' });
  doc.text(right, 325, y, { width: 220, align: 'center' });
  doc.text('(................................)', 50, y + 70, { width: 220, align: 'center' });
  doc.text('(................................)', 325, y + 70, { width: 220, align: 'center' });
  doc.x = 50;
}
