import { mapHeader } from './furnishing.columns.ts';
import type { FileRow } from './furnishing.readers.ts';
import { RowValidator } from './furnishing.row.ts';
import type { FurnishedAccount, RowIssue } from './furnishing.validate.ts';
import { birthToken, nameToken, subjectKey, type PseudonymKeys } from './pseudonym.ts';
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
 * Rows come one by one or in batches (readRowBatches: no promise per row).
 */
export async function* validatedChunks(rows: AsyncIterable<FileRow | readonly FileRow[]>, period: string, keys: PseudonymKeys): AsyncGenerator<Chunk> {
  let validator: RowValidator | undefined;
  const seenRefs = new Set<string>();
  let chunk: Chunk = { accounts: [], issues: [], rows: 0, rejectedRows: 0 };
  const full: Chunk[] = [];
  const take = ({ row, cells }: FileRow) => {
    if (!validator) {
      const header = mapHeader(cells.map((c) => (c == null ? '' : String(c))));
      if (header.missing.length > 0) throw new UnreadableFile('missing_columns', header.missing.join(', '));
      validator = new RowValidator(header.indexes, period);
      return;
    }
    const account = validator.validate(row, cells, chunk.issues);
    chunk.rows++;
    if (!account) chunk.rejectedRows++;
    else if (seenRefs.has(account.accountRef)) {
      validator.add('account_ref', 'duplicate_account_ref'); // the row just validated
      chunk.rejectedRows++;
    } else {
      seenRefs.add(account.accountRef);
      chunk.accounts.push(pseudonymise(account, keys));
    }
    if (chunk.rows >= CHUNK_SIZE) {
      full.push(chunk);
      chunk = { accounts: [], issues: [], rows: 0, rejectedRows: 0 };
    }
  };
  for await (const item of rows) {
    if (isBatch(item)) for (let i = 0; i < item.length; i++) take(item[i]!);
    else take(item);
    while (full.length > 0) yield full.shift()!;
  }
  if (!validator) throw new UnreadableFile('empty_file', 'no header row');
  if (chunk.rows > 0) yield chunk;
}

function isBatch(item: FileRow | readonly FileRow[]): item is readonly FileRow[] {
  return Array.isArray(item);
}

/** The account with its identity replaced by keyed tokens (spelt out: a rest spread is slow). */
function pseudonymise(a: FurnishedAccount, keys: PseudonymKeys): PseudonymousAccount {
  return {
    accountRef: a.accountRef, subjectKey: subjectKey(keys, a.nik), nameToken: nameToken(keys, a.fullName), birthToken: birthToken(keys, a.birthDate),
    product: a.product, openedOn: a.openedOn, originalAmount: a.originalAmount, tenor: a.tenor, frequency: a.frequency,
    instalmentAmount: a.instalmentAmount, outstanding: a.outstanding, arrears: a.arrears, daysPastDue: a.daysPastDue, status: a.status,
    lastPaymentOn: a.lastPaymentOn, closedOn: a.closedOn, writtenOffOn: a.writtenOffOn, writtenOffAmount: a.writtenOffAmount,
  };
}
