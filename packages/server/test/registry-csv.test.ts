import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvScanner } from '../src/modules/registry/furnishing.csv.ts';
import { isoDate } from '../src/modules/registry/furnishing.scalars.ts';
import { normaliseName } from '../src/modules/registry/pseudonym.ts';
import { parseDate } from '../src/modules/registry/furnishing.values.ts';

/** The records csv-parse gives with the options the import used before CsvScanner. */
function reference(text: string, delimiter: string): string[][] | 'error' {
  try {
    return parse(text, { bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: 1 << 20 }) as string[][];
  } catch {
    return 'error';
  }
}

/** CsvScanner fed the text cut at the given places (as a file arrives in chunks). */
function scanned(text: string, delimiter: string, cuts: number[]): string[][] | 'error' {
  const scanner = new CsvScanner(delimiter);
  const records: string[][] = [];
  let from = 0;
  try {
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      records.push(...scanner.records(text.slice(from, Math.max(from, cut)), false));
      from = Math.max(from, cut);
    }
    records.push(...scanner.records(text.slice(from), false));
    records.push(...scanner.records('', true));
    return records;
  } catch {
    return 'error';
  }
}

const csvText = fc.array(fc.constantFrom('a', 'b', 'é', ' ', ',', ';', '"', '""', '\r', '\n', '\r\n', '\uFEFF', '1.500.000'), { maxLength: 60 }).map((parts) => parts.join(''));

describe('CsvScanner agrees with csv-parse', () => {
  it('20,000 random texts of quotes, delimiters and line ends (CRLF, LF, CR), cut into random chunks: the same records, or both refuse', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(',', ';'), fc.array(fc.nat({ max: 80 }), { maxLength: 4 }), (text, delimiter, cuts) => {
        expect(scanned(text, delimiter, cuts)).toEqual(reference(text, delimiter));
      }),
      { seed: 20261123, numRuns: 20_000 },
    );
  });

  it('a quoted field with "" and a line break inside, a BOM, CRLF: 2 records of 3 fields', () => {
    const text = '\uFEFFa,"say ""hi""\r\nthere",c\r\nd,e,f\r\n';
    expect(scanned(text, ',', [5, 17])).toEqual([['a', 'say "hi"\r\nthere', 'c'], ['d', 'e', 'f']]);
  });

  it('a quote left open at the end of the file is refused', () => {
    expect(scanned('a,"b\nc,d\n', ',', [])).toBe('error');
  });

  it('a record over 1 MiB (2^20 characters) is refused', () => {
    expect(scanned(`a,${'x'.repeat((1 << 20) + 1)}\n`, ',', [1000])).toBe('error');
  });
});

describe('isoDate agrees with parseDate', () => {
  it('every day 1899-12-25 … 2201-01-05 and impossible ones (2026-02-29, 2024-02-30, 2026-04-31, 2026-13-01): the same date or both refuse', () => {
    const texts = ['2026-02-29', '2024-02-29', '2024-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '1900-02-29', '2000-02-29', '20260101', '2026-1-01'];
    for (let t = Date.UTC(1899, 11, 25); t <= Date.UTC(2201, 0, 5); t += 86_400_000 * 7) texts.push(new Date(t).toISOString().slice(0, 10));
    for (const text of texts) {
      const full = parseDate(text);
      expect(isoDate(text) ?? 'refused', text).toBe(full.ok ? full.value : 'refused');
    }
  });
});

describe('normaliseName: the plain-ASCII fast path', () => {
  /** The full rule, as before the fast path: NFKD, accents dropped, A–Z and single spaces. */
  const slow = (name: string) => name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase().replace(/[^A-Z\s]/g, '').replace(/\s+/g, ' ').trim();

  it('5,000 random names (plain, accented, double spaces, punctuation) normalise as by the full rule; "Sri  Wahyuni, S.Pd." = "SRI WAHYUNI SPD"', () => {
    expect(normaliseName('Sri  Wahyuni, S.Pd.')).toBe('SRI WAHYUNI SPD');
    const name = fc.array(fc.constantFrom('Sri', 'wahyuni', 'Ñoño', 'é', ' ', '  ', ',', '.', 'A', 'z', '\t'), { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(fc.property(fc.oneof(name, fc.string({ maxLength: 30 })), (n) => {
      expect(normaliseName(n)).toBe(slow(n));
    }), { seed: 20261123, numRuns: 5000 });
  });
});
