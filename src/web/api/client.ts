import type { ErrorCode, FieldIssue } from '../../shared/errors';

/** The server's codes plus `NETWORK`: the request never got an answer from the API. */
export type ApiErrorCode = ErrorCode | 'NETWORK';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  signal?: AbortSignal;
}

/** Every failure of `api`, `apiDownload` and `apiUpload`: an HTTP error, or `status` 0 when the network failed. */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details: unknown = null,
    /** the server's id for this request (its log lines carry it): quoted to support when something failed */
    readonly requestId: string | null = null,
  ) {
    super(message);
  }

  /** Field-level problems of a `VALIDATION_FAILED` answer (`field` like `body.members.0.role`). */
  get issues(): FieldIssue[] {
    const issues = (this.details as { issues?: unknown } | null)?.issues;
    return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** `withQuery('/api/people', { q: 'an', limit: 20 })` → `/api/people?q=an&limit=20`; skips empty values. */
export function withQuery(path: string, params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.append(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
}

/** Calls the JSON API: `api<{ user: SessionUser }>('GET', '/api/auth/me')`. Throws `ApiError`. */
export async function api<T>(
  method: HttpMethod,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  // Fastify rejects an empty body sent as application/json, so the header goes only with a body
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await send(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: options.signal,
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Posts a multipart form (file uploads). The browser sets the multipart boundary itself. */
export async function apiUpload<T>(path: string, formData: FormData, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, {
    method: 'POST',
    headers: { Accept: 'application/json' },
    body: formData,
    signal: options.signal,
  });
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Downloads a file (DOCX, XLSX…) and saves it; the name defaults to the server's Content-Disposition. */
export async function apiDownload(path: string, filename?: string, options: RequestOptions = {}): Promise<void> {
  const response = await send(path, { method: 'GET', signal: options.signal });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename ?? filenameFromDisposition(response.headers.get('Content-Disposition')) ?? 'download';
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // revoking synchronously can cancel the download in some browsers
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

export function filenameFromDisposition(header: string | null): string | undefined {
  if (!header) return undefined;
  const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(header);
  return plain?.[1].trim() || undefined;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : 'Network error');
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

export async function toApiError(response: Response): Promise<ApiError> {
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    parsed = undefined;
  }
  const error = (
    parsed as { error?: { code?: unknown; message?: unknown; details?: unknown; requestId?: unknown } } | undefined
  )?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(
      response.status,
      error.code as ApiErrorCode,
      typeof error.message === 'string' ? error.message : response.statusText,
      error.details ?? null,
      typeof error.requestId === 'string' ? error.requestId : response.headers.get('x-request-id'),
    );
  }
  // no error body: a proxy or gateway answered instead of the API
  return new ApiError(
    response.status,
    codeForStatus(response.status),
    response.statusText || `HTTP ${response.status}`,
  );
}

function codeForStatus(status: number): ApiErrorCode {
  switch (status) {
    case 400:
      return 'MALFORMED_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_FILE_TYPE';
    case 428:
      return 'VERSION_REQUIRED';
    case 429:
      return 'RATE_LIMITED';
    case 502:
    case 503:
    case 504:
      return 'NETWORK';
    default:
      return 'INTERNAL';
  }
}
