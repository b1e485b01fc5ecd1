import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UnreadableFile, type Chunk } from './furnishing.pipeline.ts';
import type { PseudonymKeys } from './pseudonym.ts';
import type { FileKind } from './furnishing.readers.ts';
import type { ThreadInput, ThreadMessage } from './furnishing.thread.ts';

/** tsx's ESM API (require.resolve finds its CommonJS twin beside it, which cannot be imported). */
const TSX_API = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;

/**
 * The thread loads our TypeScript through tsx, as the CLI does: a worker does not inherit
 * the loader of the thread that starts it (nor the test runner's transform).
 */
const BOOT = `
  const { register } = await import(${JSON.stringify(TSX_API)});
  register();
  await import(${JSON.stringify(new URL('./furnishing.thread.ts', import.meta.url).href)});
`;

/** Worker heap cap: the thread holds a few chunks and the file's account refs (duplicate check). */
const THREAD_HEAP_MB = 192;

/**
 * A file's validated, pseudonymised chunks, produced by a worker thread: reading, parsing,
 * validating and the HMACs run on one core while the caller writes the previous chunk on
 * the other. The same pipeline as in-thread (validatedChunks), so the same findings.
 */
export async function* chunksInWorker(file: string, kind: FileKind, period: string, keys: PseudonymKeys): AsyncGenerator<Chunk> {
  const input: ThreadInput = { file, kind, period, pseudonym: keys.pseudonym, nameToken: keys.nameToken };
  const worker = new Worker(`(async () => {${BOOT}})()`, { eval: true, workerData: input, resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } });
  const inbox: ThreadMessage[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  worker.on('message', (m: ThreadMessage) => {
    inbox.push(m);
    wake?.();
  });
  worker.on('error', (err) => {
    failure ??= err;
    wake?.();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`furnishing worker exited (${code}) before the end of the file`);
    wake?.();
  });
  try {
    for (;;) {
      const m = inbox.shift();
      if (!m) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if ('done' in m) return;
      if ('unreadable' in m) throw new UnreadableFile(m.unreadable.code, m.unreadable.detail);
      if ('failed' in m) throw new Error(m.failed);
      worker.postMessage(1); // taken: the thread may prepare one more
      yield m.chunk;
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
