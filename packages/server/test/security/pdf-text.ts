import { inflateSync } from 'node:zlib';

/**
 * The text a PDF draws, from its content streams: pdfkit writes standard-font text as hex
 * strings inside TJ arrays (WinAnsi, one byte per glyph), deflated. Enough to check what a
 * reader would see, without a PDF library.
 */
export function pdfText(pdf: Buffer): string {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      content = raw.slice(start, end); // an uncompressed stream
    }
    for (const array of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[^\]])*)\]\s*TJ/g)) {
      for (const hex of (array[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) out.push(Buffer.from(hex[1] ?? '', 'hex').toString('latin1'));
    }
    out.push('\n');
    re.lastIndex = end;
  }
  return out.join('');
}

/** PDF features that run code or open things: user text must never create one. */
export const ACTIVE_PDF = /\/(JavaScript|JS|Launch|OpenAction|AA|SubmitForm|ImportData|RichMedia)\b/;
