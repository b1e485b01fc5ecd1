import { parentPort, workerData } from 'node:worker_threads';
import { UnreadableFile, validatedChunks, type Chunk } from './furnishing.pipeline.ts';
import { readRowBatches, type FileKind } from './furnishing.readers.ts';

/**
 * Runs inside the furnishing worker thread (see furnishing.worker.ts): reads, validates and
 * pseudonymises a file and posts its chunks. Plain identity never leaves this thread; only
 * keyed tokens do. Stays at most AHEAD chunks ahead of the writer, so memory stays flat.
 */
export interface ThreadInput {
  file: string;
  kind: FileKind;
  period: string;
  pseudonym: Uint8Array;
  nameToken: Uint8Array;
}

export type ThreadMessage =
  | { chunk: Chunk }
  | { done: true }
  | { unreadable: { code: UnreadableFile['code']; detail: string } }
  | { failed: string };

const AHEAD = 2;

async function run(port: NonNullable<typeof parentPort>, input: ThreadInput): Promise<void> {
  let credit = AHEAD;
  let wake: (() => void) | undefined;
  // Each message from the writer means it took a chunk: one more may be prepared.
  port.on('message', () => {
    credit++;
    wake?.();
  });
  const keys = { pseudonym: Buffer.from(input.pseudonym), nameToken: Buffer.from(input.nameToken) };
  const post = (m: ThreadMessage) => port.postMessage(m);
  try {
    for await (const chunk of validatedChunks(readRowBatches(input.file, input.kind), input.period, keys)) {
      while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
      credit--;
      post({ chunk });
    }
    post({ done: true });
  } catch (err) {
    if (err instanceof UnreadableFile) post({ unreadable: { code: err.code, detail: err.detail } });
    else post({ failed: err instanceof Error ? err.message : String(err) });
  } finally {
    port.close();
  }
}

if (parentPort) await run(parentPort, workerData as ThreadInput);
