import type { z } from 'zod';
import type { ApiRoutes } from '../../shared/contracts/api-routes';
import type { ErrorCode, FieldIssue } from '../../shared/errors';
import type { Wire } from '../../shared/fields';

/** The server's codes plus `NETWORK`: the request never got an answer from the API. */
export type ApiErrorCode = ErrorCode | 'NETWORK';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  signal?: AbortSignal;
}

/** Every failure of `api`: an HTTP error, or `status` 0 when the network failed. */
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

/** A request as `send` makes it; the typed `api` below is the way in. */
async function requestJson(method: HttpMethod, url: string, body: unknown, options: RequestOptions): Promise<unknown> {
  // Fastify rejects an empty body sent as application/json, so the header goes only with a body
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await send(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: options.signal,
  });
  if (response.status === 204) return undefined;
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

/** Posts a multipart form with one part `file` (uploads). The browser sets the multipart boundary itself. */
async function requestUpload(url: string, file: Blob, options: RequestOptions): Promise<unknown> {
  const formData = new FormData();
  formData.append('file', file);
  const response = await send(url, {
    method: 'POST',
    headers: { Accept: 'application/json' },
    body: formData,
    signal: options.signal,
  });
  const text = await response.text();
  return text ? JSON.parse(text) : undefined;
}

/** Downloads a file (DOCX, XLSX…) and saves it; the name defaults to the server's Content-Disposition. */
async function requestDownload(url: string, filename: string | undefined, options: RequestOptions): Promise<void> {
  const response = await send(url, { method: 'GET', signal: options.signal });
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = href;
    link.download = filename ?? filenameFromDisposition(response.headers.get('Content-Disposition')) ?? 'download';
    document.body.appendChild(link);
    link.click();
    link.remove();
  } finally {
    // revoking synchronously can cancel the download in some browsers
    setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }
}

// ---- the typed client: paths and types from the route table (src/shared/contracts/api-routes.ts) ----

type RouteKey = Extract<keyof ApiRoutes, string>;
/** The paths of one method's routes, as the table writes them (`/api/inspections/{id}`). */
type PathsOf<M extends HttpMethod> = RouteKey extends infer K ? (K extends `${M} ${infer P}` ? P : never) : never;
type RouteAt<M extends HttpMethod, P extends string> = ApiRoutes[`${M} ${P}` & RouteKey];

type In<S> = S extends z.ZodType ? z.input<S> : never;
type Out<S> = S extends z.ZodType ? Wire<z.output<S>> : never;
type Success<R> = R extends { response: infer Res }
  ? { [S in keyof Res]: S extends 200 | 201 | 202 ? Out<Res[S]> : never }[keyof Res]
  : undefined;

/** JSON routes answer a schema; file routes (GET without one) are for `api.download`; uploads for `api.upload`. */
type JsonPaths<M extends HttpMethod> = {
  [P in PathsOf<M>]: RouteAt<M, P> extends { upload: true }
    ? never
    : M extends 'GET'
      ? RouteAt<M, P> extends { response: object }
        ? P
        : never
      : P;
}[PathsOf<M>];
type UploadPaths = { [P in PathsOf<'POST'>]: RouteAt<'POST', P> extends { upload: true } ? P : never }[PathsOf<'POST'>];

type ParamsPart<R> = R extends { params: infer S }
  ? { params: { [K in keyof In<S>]: string | number } }
  : { params?: never };
type QueryValue = string | number | boolean | null | undefined;
/** A query value travels as text: a field the schema reads from a string also takes a number. */
type QueryField<T> = T extends string ? T | (string extends T ? number : never) : T;
type QueryOf<S> = { [K in keyof In<S>]: QueryField<In<S>[K]> };
type QueryPart<R> = R extends { querystring: infer S }
  ? object extends In<S>
    ? { query?: QueryOf<S> }
    : { query: QueryOf<S> }
  : { query?: never };
type BodyPart<R> = R extends { body: infer S }
  ? undefined extends In<S>
    ? { body?: In<S> }
    : { body: In<S> }
  : { body?: never };

export type CallOptions<R> = RequestOptions & ParamsPart<R> & QueryPart<R> & BodyPart<R>;
/** The options argument may be left out when the route needs none of them. */
type Args<O> = object extends O ? [options?: O] : [options: O];

/** The answer of a JSON route, as the web receives it: `ApiResponse<'GET', '/api/inspections/{id}'>`. */
export type ApiResponse<M extends HttpMethod, P extends PathsOf<M>> = Success<RouteAt<M, P>>;
/** The query a route takes (for filter state kept by a page). */
export type ApiQuery<M extends HttpMethod, P extends PathsOf<M>> =
  RouteAt<M, P> extends { querystring: infer S } ? QueryOf<S> : never;
/** The JSON body a route takes. */
export type ApiBody<M extends HttpMethod, P extends PathsOf<M>> =
  RouteAt<M, P> extends { body: infer S } ? In<S> : never;

/** `/api/x/{id}` + `{ id: 'a b' }` → `/api/x/a%20b`, then the query (values that are empty are left out). */
export function buildUrl(
  path: string,
  params?: Record<string, string | number>,
  query?: Record<string, QueryValue>,
): string {
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${path}: no value for {${name}}`);
    return encodeURIComponent(String(value));
  });
  return query ? withQuery(url, query) : url;
}

/** What every call's options hold at run time (the types above check them at compile time). */
interface Sent {
  params?: Record<string, string | number>;
  query?: Record<string, QueryValue>;
  body?: unknown;
  file?: Blob;
  filename?: string;
  signal?: AbortSignal;
}
// taking `unknown` keeps tsc from relating the per-route option types to this shape (a union too large to compute)
const sent = (options: unknown): Sent => options ?? {};

const call =
  <M extends HttpMethod>(method: M) =>
  <P extends JsonPaths<M>>(
    path: P,
    ...[options]: Args<CallOptions<RouteAt<M, P>>>
  ): Promise<Success<RouteAt<M, P>>> => {
    const o = sent(options);
    return requestJson(method, buildUrl(path, o.params, o.query), o.body, o) as Promise<Success<RouteAt<M, P>>>;
  };

/**
 * The API, typed from the route table: `api.get('/api/inspections/{id}', { params: { id }, signal })` answers
 * `Wire<InspectionDetail>`. An unknown path, a missing parameter or a body field the route does not take fails `tsc`.
 * Every failure is an `ApiError`.
 */
export const api = {
  get: call('GET'),
  post: call('POST'),
  put: call('PUT'),
  patch: call('PATCH'),
  delete: call('DELETE'),
  /** Sends `file` as the multipart part `file`. */
  upload: <P extends UploadPaths>(
    path: P,
    options: CallOptions<RouteAt<'POST', P>> & { file: Blob },
  ): Promise<Success<RouteAt<'POST', P>>> => {
    const o = sent(options);
    return requestUpload(buildUrl(path, o.params, o.query), options.file, o) as Promise<Success<RouteAt<'POST', P>>>;
  },
  /** Saves what a GET route answers as a file, named `filename` or as the server's Content-Disposition says. */
  download: <P extends PathsOf<'GET'>>(
    path: P,
    ...[options]: Args<CallOptions<RouteAt<'GET', P>> & { filename?: string }>
  ): Promise<void> => {
    const o = sent(options);
    return requestDownload(buildUrl(path, o.params, o.query), o.filename, o);
  },
};

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
