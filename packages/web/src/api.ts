import { apiHeaders, claimEarly, dropEarly } from './earlyFetch';
import { currentLanguage } from './i18n';

/** One field-level problem of a 400 `validation_failed` answer. */
export interface FieldProblem {
  path: string;
  code: string;
  message: string;
}

/**
 * A failed API call. `detail` is already translated by the server (per Accept-Language);
 * `code` is stable and is what the UI branches on. Network failures have status 0 and code
 * `network_error`; answers that are not problem+json get `server_error`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: readonly FieldProblem[];

  constructor(status: number, code: string, detail: string, errors: readonly FieldProblem[] = []) {
    super(detail || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
  }

  /** The message of the first problem at `path`, e.g. `fieldError('newPassword')`. */
  fieldError(path: string): string | undefined {
    return this.errors.find((e) => e.path === path)?.message;
  }
}

type Listener = (error: ApiError) => void;
let onSessionExpired: Listener | undefined;

/** Called when a request fails because the session is gone (401 other than a bad password). */
export function setSessionExpiredHandler(listener: Listener | undefined): void {
  onSessionExpired = listener;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** Do not report a 401 as an expired session (used by the session probe itself). */
  quiet401?: boolean;
}

/**
 * Calls the Simpul API and returns the parsed JSON body (undefined for 204).
 *
 * @example const { items } = await api<{ items: Cooperative[] }>('/cooperatives');
 */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = apiHeaders(currentLanguage());
  // A file (furnishing upload) goes as the raw body with its own type; anything else as JSON.
  const raw = options.body instanceof Blob ? options.body : undefined;
  if (raw) headers['Content-Type'] = raw.type || 'application/octet-stream';
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  if (method !== 'GET') dropEarly();
  const early = method === 'GET' ? claimEarly(path) : undefined;
  let response: Response;
  try {
    response = await (early ?? fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      signal: options.signal,
    }));
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', '');
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  const error = await toApiError(response);
  if (error.status === 401 && error.code !== 'invalid_credentials' && !options.quiet401) {
    onSessionExpired?.(error);
  }
  throw error;
}

async function toApiError(response: Response): Promise<ApiError> {
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      const body: unknown = await response.json();
      if (isProblem(body)) {
        const errors = (body.errors ?? []).map(normalizeProblem);
        return new ApiError(
          response.status,
          body.code ?? 'error',
          body.detail ?? body.title ?? '',
          errors,
        );
      }
    } catch {
      // fall through: a broken body is reported like any other server failure
    }
  }
  // A proxy or a crashed process answers without problem+json: say "server unavailable".
  const code = response.status >= 500 ? 'server_error' : `http_${response.status}`;
  return new ApiError(response.status, code, '');
}

interface ProblemBody {
  title?: string;
  detail?: string;
  code?: string;
  errors?: { path: string | (string | number)[]; code: string; message: string }[];
}

/** Paths may come as `"a.b"` or `["a", "b"]`; the UI always sees the dotted form. */
function normalizeProblem(p: NonNullable<ProblemBody['errors']>[number]): FieldProblem {
  const path = Array.isArray(p.path) ? p.path.join('.') : String(p.path);
  return { path, code: p.code, message: p.message };
}

function isProblem(body: unknown): body is ProblemBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    ('code' in body || 'detail' in body || 'title' in body)
  );
}
