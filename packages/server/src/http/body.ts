import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from './context.ts';

const JSON_TYPE = /^application\/([\w.-]+\+)?json$/i;
const utf8 = new TextDecoder();

/** The Node request behind a Hono context, when @hono/node-server serves it (not in-process test requests). */
function nodeRequest(c: Context<AppEnv>): IncomingMessage | undefined {
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming;
}

/**
 * The body of a Node request, or null once it exceeds `max` bytes. The rest of an oversized
 * body is left to drain (not destroyed), so the client still gets its 413 answer.
 */
function readUpTo(incoming: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      incoming.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) return void chunks.push(chunk);
      stop();
      incoming.resume();
      resolve(null);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (err: Error) => {
      stop();
      reject(err);
    };
    const onClose = () => onError(new Error('request closed before its body ended'));
    incoming.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

/**
 * Request body limits, one per path prefix, without building a web Request per request.
 *
 * Hono's bodyLimit reads `c.req.raw.body`, and @hono/node-server answers that by building a
 * full WHATWG Request (AbortController, headers, a web stream over the socket) — for every
 * request, GETs included, and it is built again to read a JSON body. On the inquiry hot path
 * that was a measurable share of the CPU per request. So, when Node's HTTP server is behind:
 * a request without a body passes untouched; a JSON body is read from the Node stream,
 * counting bytes against the limit, decoded as UTF-8 like `Request.text()` (a BOM dropped)
 * and put in Hono's body cache, where `c.req.json()` (the validators) finds it. Any other
 * body (CSV, multipart uploads), and every in-process request, goes through Hono's bodyLimit.
 */
export function limitBodies(limits: readonly (readonly [prefix: string, bytes: number])[], fallbackBytes: number, tooLarge: () => never): MiddlewareHandler<AppEnv> {
  const checks = [...limits, ['', fallbackBytes] as const].map(([prefix, maxSize]) => ({ prefix, maxSize, check: bodyLimit({ maxSize, onError: tooLarge }) }));
  return async (c, next) => {
    const limit = checks.find((l) => c.req.path.startsWith(l.prefix)) ?? checks[checks.length - 1]!;
    const incoming = nodeRequest(c);
    if (!incoming) return limit.check(c, next);
    const length = incoming.headers['content-length'];
    const chunked = incoming.headers['transfer-encoding'] !== undefined;
    if (length === undefined && !chunked) return next(); // Node: no length, no chunking → no body
    if (!chunked && Number(length) > limit.maxSize) tooLarge();
    const type = (incoming.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
    if (!JSON_TYPE.test(type)) return limit.check(c, next);
    const body = await readUpTo(incoming, limit.maxSize);
    if (!body) tooLarge();
    // Hono keeps the promise of a body in its cache (its type says the value).
    (c.req.bodyCache as Record<string, Promise<unknown>>).text = Promise.resolve(utf8.decode(body));
    return next();
  };
}
