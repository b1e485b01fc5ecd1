/**
 * An RFC 4180 CSV scanner for furnishing files, working on large decoded string chunks.
 * csv-parse did this before at ~75k rows/s — slower than everything else of an import put
 * together would need to be. This one keeps csv-parse's behaviour with the options the
 * import used (bom, relax_quotes, relax_column_count, skip_empty_lines false, a 1 MiB
 * record limit), checked against it in test/registry-csv.test.ts:
 * - a field starting with `"` is quoted: `""` inside is one quote, and it may span lines;
 * - a quote closing a field must be followed by the delimiter, the line end or the end of
 *   the file; otherwise (relaxed) the field keeps both quotes and goes on unquoted;
 * - a quote inside an unquoted field is an ordinary character;
 * - the line end is whichever of CRLF, LF or CR comes first outside quotes; the others are
 *   then ordinary characters;
 * - a quote still open at the end of the file makes the file unreadable.
 */

/** The longest record accepted (characters): a guard against a file that is one open quote. */
export const MAX_RECORD = 1 << 20;

export class CsvFormatError extends Error {}

const QUOTE = 34;
const CR = 13;
const LF = 10;
/** Returned by the record scanner when the chunk ends inside the record. */
const MORE = -1;

export class CsvScanner {
  private readonly delimiter: number;
  private lineEnd = '';
  private carry = '';
  private started = false;
  private fields: string[] = [];

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** The complete records of the text so far; a record cut by the chunk's end waits for the next. */
  *records(chunk: string, final: boolean): Generator<string[]> {
    let text = this.carry + chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // the byte-order mark
    }
    let pos = 0;
    while (pos < text.length) {
      const end = this.record(text, pos, final);
      if (end === MORE) break;
      if (end - pos > MAX_RECORD) throw new CsvFormatError(`record over ${MAX_RECORD} characters`);
      const record = this.fields;
      this.fields = [];
      pos = end;
      yield record;
    }
    this.fields = [];
    this.carry = pos < text.length ? text.slice(pos) : '';
    if (this.carry.length > MAX_RECORD) throw new CsvFormatError(`record over ${MAX_RECORD} characters`);
    if (final && this.carry) throw new CsvFormatError('quote not closed');
  }

  /**
   * Length of the line end at `i` (0 when the character there is data), or MORE when the
   * chunk ends before it can tell. The first line end seen decides the file's line end.
   */
  private lineEndAt(text: string, i: number, final: boolean): number {
    if (this.lineEnd === '') {
      if (text.charCodeAt(i) === LF) this.lineEnd = '\n';
      else if (i + 1 < text.length) this.lineEnd = text.charCodeAt(i + 1) === LF ? '\r\n' : '\r';
      else if (final) this.lineEnd = '\r';
      else return MORE;
    }
    if (this.lineEnd.length === 2 && i + 1 >= text.length && !final && text.charCodeAt(i) === CR) return MORE;
    return text.startsWith(this.lineEnd, i) ? this.lineEnd.length : 0;
  }

  /** Scans one record from `pos` into this.fields; the position after it, or MORE. */
  private record(text: string, pos: number, final: boolean): number {
    this.fields = [];
    let i = pos;
    for (;;) {
      const end = text.charCodeAt(i) === QUOTE ? this.quoted(text, i, final) : this.unquoted(text, i, i, '', final);
      if (end === MORE) return MORE;
      if (end >= text.length) return text.length; // the file's last record
      const c = text.charCodeAt(end);
      if (c === this.delimiter) {
        i = end + 1;
        if (i >= text.length && !final) return MORE;
        if (i >= text.length) {
          this.fields.push(''); // a trailing delimiter ends with an empty field
          return i;
        }
        continue;
      }
      return end + this.lineEndAt(text, end, final); // a line end (unquoted() checked it)
    }
  }

  /**
   * An unquoted field (or the rest of one) from `from`, after `prefix`: up to the delimiter,
   * the line end, or the end of the file. Pushes the field; returns where it stopped.
   */
  private unquoted(text: string, start: number, from: number, prefix: string, final: boolean): number {
    for (let i = from; ; i++) {
      if (i >= text.length) {
        if (!final) return MORE;
        this.fields.push(prefix + text.slice(start, i));
        return i;
      }
      const c = text.charCodeAt(i);
      if (c === this.delimiter) {
        this.fields.push(prefix + text.slice(start, i));
        return i;
      }
      if (c === CR || c === LF) {
        const n = this.lineEndAt(text, i, final);
        if (n === MORE) return MORE;
        if (n > 0) {
          this.fields.push(prefix + text.slice(start, i));
          return i;
        }
      }
    }
  }

  /** A quoted field opening at `open`. Pushes the field; returns where it stopped. */
  private quoted(text: string, open: number, final: boolean): number {
    let value = '';
    let from = open + 1;
    for (;;) {
      const q = text.indexOf('"', from);
      if (q === -1 || (q + 1 >= text.length && !final)) return MORE;
      value += text.slice(from, q);
      const next = q + 1;
      if (next < text.length && text.charCodeAt(next) === QUOTE) {
        value += '"'; // a doubled quote
        from = next + 1;
        continue;
      }
      if (next >= text.length || text.charCodeAt(next) === this.delimiter) {
        this.fields.push(value);
        return next;
      }
      const c = text.charCodeAt(next);
      if (c === CR || c === LF) {
        const n = this.lineEndAt(text, next, final);
        if (n === MORE) return MORE;
        if (n > 0) {
          this.fields.push(value);
          return next;
        }
      }
      // Relaxed: a stray closing quote; the field keeps both quotes and goes on unquoted.
      return this.unquoted(text, next, next, `"${value}"`, final);
    }
  }
}
