import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
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
export const conflict = (message: string, details?: unknown) =>
  new DomainError(ErrorCode.CONFLICT, 409, message, details);
export const immutable = (message: string, details?: unknown) =>
  new DomainError(ErrorCode.IMMUTABLE, 409, message, details);
export const invalidTransition = (from: string, to: string) =>
  new DomainError(ErrorCode.INVALID_TRANSITION, 409, `Cannot go from ${from} to ${to}`, { from, to });
/** A business-rule validation failure on named fields (400), in the same shape as schema validation. */
export const invalid = (issues: FieldIssue[]) =>
  new DomainError(ErrorCode.VALIDATION_FAILED, 400, `Invalid ${issues.map((i) => i.field).join(', ')}`, { issues });

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
        message: 'unknown field',
        code: v.keyword,
      }));
    }
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

export function registerErrorHandler(app: FastifyInstance, opts: { spaFallback: boolean }) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof DomainError) {
      return reply
        .status(err.status)
        .send({ error: { code: err.code, message: err.message, details: err.details ?? null } });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = fieldIssues(err);
      return reply.status(400).send({
        error: {
          code: ErrorCode.VALIDATION_FAILED,
          message: `Invalid ${issues.map((i) => i.field).join(', ')}`,
          details: { issues },
        },
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return reply.status(500).send({ error: { code: ErrorCode.INTERNAL, message: 'Internal error', details: null } });
    }
    const unique = uniqueViolation(err);
    if (unique) {
      // two writers raced past the service's own check: the loser gets a 409, never a 500
      return reply
        .status(409)
        .send({ error: { code: ErrorCode.CONFLICT, message: 'Already exists', details: { constraint: unique } } });
    }
    const status = err.statusCode ?? 500;
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
      return reply
        .status(413)
        .send({ error: { code: ErrorCode.PAYLOAD_TOO_LARGE, message: 'Request body too large', details: null } });
    }
    if (status >= 400 && status < 500) {
      // malformed JSON, wrong content type, empty body…: Fastify's own 4xx
      const code =
        status === 429 ? ErrorCode.RATE_LIMITED : status === 404 ? ErrorCode.NOT_FOUND : ErrorCode.MALFORMED_REQUEST;
      return reply.status(status).send({ error: { code, message: err.message, details: { field: 'body' } } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ error: { code: ErrorCode.INTERNAL, message: 'Internal error', details: null } });
  });
  app.setNotFoundHandler((req, reply) => {
    if (opts.spaFallback && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send({
      error: { code: ErrorCode.NOT_FOUND, message: `No route ${req.method} ${req.url.split('?')[0]}`, details: null },
    });
  });
}
