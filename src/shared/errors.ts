/** Stable error codes: the API returns them, the UI translates them (`errors.<CODE>`). */
export const ErrorCode = {
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  MALFORMED_REQUEST: 'MALFORMED_REQUEST',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  IMMUTABLE: 'IMMUTABLE',
  /** A write based on an older version of the record than the stored one (409, details: currentVersion, updatedBy, updatedAt). */
  STALE_VERSION: 'STALE_VERSION',
  /** A write to a versioned record without `If-Match` or a `version` (428). */
  VERSION_REQUIRED: 'VERSION_REQUIRED',
  /** An `Idempotency-Key` reused for a different request (422). */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** The first request with this `Idempotency-Key` is still running (409). */
  IDEMPOTENCY_IN_PROGRESS: 'IDEMPOTENCY_IN_PROGRESS',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_FILE_TYPE: 'UNSUPPORTED_FILE_TYPE',
  RATE_LIMITED: 'RATE_LIMITED',
  /** A state-changing request from another site's page (Origin / Sec-Fetch-Site). */
  CSRF_REJECTED: 'CSRF_REJECTED',
  /** A part the server needs for this is not installed or failed (503), e.g. the PDF converter. */
  UNAVAILABLE: 'UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A problem with one field: `code` is an ErrorReason (src/shared/error-reasons.ts) or a zod issue code. */
export interface FieldIssue {
  field: string;
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

export interface ErrorBody {
  /** `requestId`: the id on the server's log lines for this request (also its `X-Request-Id` response header) */
  error: { code: ErrorCode; message: string; details?: unknown; requestId?: string };
}
