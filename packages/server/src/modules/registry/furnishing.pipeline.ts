import type { Keys } from '../../config/keys.ts';
import { mapHeader, type Column } from './furnishing.columns.ts';
import type { FileRow } from './furnishing.readers.ts';
import { validateRow, type RowIssue } from './furnishing.validate.ts';
import type { Cell } from './furnishing.values.ts';
import { birthToken, nameToken, subjectKey } from './pseudonym.ts';
import type { PseudonymousAccount } from './registry.writer.ts';

/** A furnishing file that cannot be processed at all: nothing of it is stored. */
export class UnreadableFile extends Error {
  constructor(
    readonly code: 'missing_columns' | 'empty_file' | 'unknown_format',
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'UnreadableFile';
  }
}

/** Validated accounts and the findings of the rows they came from. */
export interface Chunk {
  accounts: PseudonymousAccount[];
  issues: RowIssue[];
  rows: number;
  rejectedRows: number;
}

export const CHUNK_SIZE = 5000;

/**
 * Streams a file's rows into validated, pseudonymised chunks. Plain identity (NIK, name,
 * birth date) lives only inside this loop: what leaves it carries keyed tokens instead.
 */
export async function* validatedChunks(rows: AsyncIterable<FileRow>, period: string, keys: Keys): AsyncGenerator<Chunk> {
  const referenceYear = Number(period.slice(0, 4));
  let indexes: Partial<Record<Column, number>> | undefined;
  const seenRefs = new Set<string>();
  let chunk: Chunk = { accounts: [], issues: [], rows: 0, rejectedRows: 0 };
  for await (const { row, cells } of rows) {
    if (!indexes) {
      const header = mapHeader(cells.map((c) => (c == null ? '' : String(c))));
      if (header.missing.length > 0) throw new UnreadableFile('missing_columns', header.missing.join(', '));
      indexes = header.indexes;
      continue;
    }
    const map = indexes;
    const get = (c: Column): Cell => {
      const i = map[c];
      return i === undefined ? null : cells[i];
    };
    const result = validateRow(row, get, period, referenceYear);
    chunk.rows++;
    let account = result.account;
    if (account && seenRefs.has(account.accountRef)) {
      result.issues.push({ row, column: 'account_ref', value: account.accountRef, code: 'duplicate_account_ref', severity: 'error' });
      account = null;
    }
    chunk.issues.push(...result.issues);
    if (!account) chunk.rejectedRows++;
    else {
      seenRefs.add(account.accountRef);
      const { nik, fullName, birthDate, ...rest } = account;
      chunk.accounts.push({ ...rest, subjectKey: subjectKey(keys, nik), nameToken: nameToken(keys, fullName), birthToken: birthToken(keys, birthDate) });
    }
    if (chunk.rows >= CHUNK_SIZE) {
      yield chunk;
      chunk = { accounts: [], issues: [], rows: 0, rejectedRows: 0 };
    }
  }
  if (!indexes) throw new UnreadableFile('empty_file', 'no header row');
  if (chunk.rows > 0) yield chunk;
}
