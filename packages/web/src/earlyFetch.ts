/**
 * API reads started before the app's JavaScript has arrived (boot.ts), handed to the first
 * api() call for the same path. On slow 4G each request costs ~0.6 s of latency; starting
 * the session check and the first screen's data while ~250 kB of JavaScript download saves
 * those trips from the time to a usable page.
 */

/** The headers of every API call (api.ts uses them too, so an early read is the same request). */
export function apiHeaders(language: string): Record<string, string> {
  return {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': language,
    // The server rejects writes without it: a cross-site form cannot set a custom header.
    'X-Simpul-Request': '1',
  };
}

/** An unclaimed early read older than this is not handed out: its answer may be outdated. */
const MAX_AGE_MS = 30_000;
interface EarlyRead {
  at: number;
  response: Promise<Response>;
  /** The parsed body of a successful answer, once it has arrived. */
  body?: unknown;
}
const started = new Map<string, EarlyRead>();

/** Starts GET /api{path} now; the answer waits for claimEarly(path) or claimEarlyBody(path). */
export function fetchEarly(path: string, language: string): Promise<Response> {
  const response = fetch(`/api${path}`, { headers: apiHeaders(language), credentials: 'same-origin' });
  const read: EarlyRead = { at: performance.now(), response };
  started.set(path, read);
  // A failure is reported to whoever claims it; unclaimed, it must not be an unhandled rejection.
  response
    .then(async (answer) => {
      if (answer.ok) read.body = await answer.clone().json();
    })
    .catch(() => undefined);
  return response;
}

function claim(path: string): EarlyRead | undefined {
  const early = started.get(path);
  if (!early || performance.now() - early.at >= MAX_AGE_MS) {
    started.delete(path);
    return undefined;
  }
  return early;
}

/** The early read of `path`, once; afterwards the caller fetches as usual. */
export function claimEarly(path: string): Promise<Response> | undefined {
  const early = claim(path);
  started.delete(path);
  return early?.response;
}

/**
 * The body of the early read of `path` if it has already arrived (once), so a query can start
 * with it as its data and the first render shows the page instead of a loader.
 */
export function claimEarlyBody<T>(path: string): T | undefined {
  const early = claim(path);
  if (early?.body === undefined) return undefined;
  started.delete(path);
  return early.body as T;
}

/** A write (sign-in, sign-out, any change) may make every early read outdated. */
export function dropEarly(): void {
  started.clear();
}
