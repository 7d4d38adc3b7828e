import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import {
  type ErrorReason,
  type Reasoned,
  type ReasonParams,
  isErrorReason,
  reasonText,
} from '../../shared/error-reasons.js';
import { ErrorCode, type FieldIssue } from '../../shared/errors.js';

/** A failure the caller can act on. Thrown by services and policies; rendered by the one error handler. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (entity: string, id?: string) =>
  new DomainError(ErrorCode.NOT_FOUND, 404, `${entity} not found`, { entity, id });
export const forbidden = (reason = 'You may not do this') => new DomainError(ErrorCode.FORBIDDEN, 403, reason);
export const unauthenticated = () => new DomainError(ErrorCode.UNAUTHENTICATED, 401, 'Log in first');

/** More about the error; `params` fills the reason's text. */
export type ReasonDetails = { params?: ReasonParams } & Record<string, unknown>;

// These helpers take an ErrorReason (src/shared/error-reasons.ts), never prose: a new English message fails tsc
// until its reason is in the catalogue with both languages. The English `message` is made from the catalogue.
const reasoned = (code: ErrorCode, status: number, reason: ErrorReason, details: ReasonDetails = {}) =>
  new DomainError(code, status, reasonText(reason, 'en', details.params), { ...details, reason });

/** Nothing to show yet, with the reason the web turns into what to do next (e.g. NO_PROGRAM_YET). */
export const missing = (reason: ErrorReason, details?: ReasonDetails) =>
  reasoned(ErrorCode.NOT_FOUND, 404, reason, details);
export const conflict = (reason: ErrorReason, details?: ReasonDetails) =>
  reasoned(ErrorCode.CONFLICT, 409, reason, details);
export const immutable = (reason: ErrorReason, details?: ReasonDetails) =>
  reasoned(ErrorCode.IMMUTABLE, 409, reason, details);
/** The server lacks (or lost) what this needs, e.g. the PDF converter: 503 with the reason the web explains. */
export const unavailable = (reason: ErrorReason, details?: ReasonDetails) =>
  reasoned(ErrorCode.UNAVAILABLE, 503, reason, details);
export const invalidTransition = (from: string, to: string) =>
  new DomainError(ErrorCode.INVALID_TRANSITION, 409, `Cannot go from ${from} to ${to}`, { from, to });

/** A business-rule problem with one field: the reason (with its values) and the field it is about. */
export interface ReasonIssue extends Reasoned {
  field: string;
}

/** The wire form of a field issue: the reason as `code`, its English text as `message`. */
export const toFieldIssue = ({ field, reason, params }: ReasonIssue): FieldIssue => ({
  field,
  message: reasonText(reason, 'en', params),
  code: reason,
  ...(params && { params }),
});

/** A problem with one cell of an imported file: a field issue with its row, its English text as `reason`. */
export interface RowIssue {
  row: number;
  field: string;
  /** in English, for scripts and logs */
  reason: string;
  /** an ErrorReason (said in the user's language from its catalogue text) or a zod issue code */
  code: string;
  params?: ReasonParams;
}

export const toRowIssue = (row: number, { field, reason, params }: ReasonIssue): RowIssue => ({
  row,
  field,
  reason: reasonText(reason, 'en', params),
  code: reason,
  ...(params && { params }),
});

/** A schema's issue on an imported row: a shared schema's message is a reason code; zod's own keeps its code. */
export const schemaRowIssue = (row: number, field: string, issue: { message: string; code: string }): RowIssue =>
  isErrorReason(issue.message)
    ? toRowIssue(row, { field, reason: issue.message })
    : { row, field, reason: issue.message, code: issue.code };

/** A business-rule validation failure on named fields (400), in the same shape as schema validation. */
export const invalid = (issues: ReasonIssue[]) =>
  new DomainError(ErrorCode.VALIDATION_FAILED, 400, `Invalid ${issues.map((i) => i.field).join(', ')}`, {
    issues: issues.map(toFieldIssue),
  });

interface ZodValidationIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params?: { keys?: string[] };
}

/** Zod issues as `{ field: 'body.members.0.role', message }`; unknown keys are named one by one. */
function fieldIssues(err: FastifyError): FieldIssue[] {
  const where = err.validationContext ?? 'body';
  return ((err.validation ?? []) as unknown as ZodValidationIssue[]).flatMap((v) => {
    const path = [where, ...v.instancePath.split('/').filter(Boolean)];
    if (v.keyword === 'unrecognized_keys' && v.params?.keys?.length) {
      return v.params.keys.map((key) => ({
        field: [...path, key].join('.'),
        message: reasonText('UNKNOWN_FIELD', 'en'),
        code: v.keyword,
      }));
    }
    // a shared schema's own message is a reason code (src/shared/error-reasons.ts): send it as the issue's code
    if (isErrorReason(v.message)) return [toFieldIssue({ field: path.join('.'), reason: v.message })];
    return [{ field: path.join('.'), message: v.message, code: v.keyword }];
  });
}

/** The constraint name when a PostgreSQL unique violation (23505) caused `err` (Drizzle wraps it in `cause`). */
function uniqueViolation(err: unknown): string | null {
  for (
    let e = err as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    e = e.cause as typeof e, depth++
  ) {
    if (e.code === '23505') return typeof e.constraint === 'string' ? e.constraint : 'unique';
  }
  return null;
}

/** The one error body: `requestId` is the id on the request's log lines (and its `X-Request-Id` header). */
const body = (req: FastifyRequest, code: ErrorCode, message: string, details: unknown = null) => ({
  error: { code, message, details, requestId: req.id },
});

export function registerErrorHandler(app: FastifyInstance, opts: { spaFallback: boolean }) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof DomainError) {
      return reply.status(err.status).send(body(req, err.code, err.message, err.details ?? null));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = fieldIssues(err);
      return reply
        .status(400)
        .send(body(req, ErrorCode.VALIDATION_FAILED, `Invalid ${issues.map((i) => i.field).join(', ')}`, { issues }));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return reply.status(500).send(body(req, ErrorCode.INTERNAL, 'Internal error'));
    }
    const unique = uniqueViolation(err);
    if (unique) {
      // two writers raced past the service's own check: the loser gets a 409, never a 500
      return reply.status(409).send(body(req, ErrorCode.CONFLICT, 'Already exists', { constraint: unique }));
    }
    const status = err.statusCode ?? 500;
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
      return reply.status(413).send(body(req, ErrorCode.PAYLOAD_TOO_LARGE, 'Request body too large'));
    }
    if (status >= 400 && status < 500) {
      // malformed JSON, wrong content type, empty body…: Fastify's own 4xx
      const code =
        status === 429 ? ErrorCode.RATE_LIMITED : status === 404 ? ErrorCode.NOT_FOUND : ErrorCode.MALFORMED_REQUEST;
      return reply.status(status).send(body(req, code, err.message, { field: 'body' }));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body(req, ErrorCode.INTERNAL, 'Internal error'));
  });
  app.setNotFoundHandler((req, reply) => {
    if (opts.spaFallback && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send(body(req, ErrorCode.NOT_FOUND, `No route ${req.method} ${req.url.split('?')[0]}`));
  });
}
