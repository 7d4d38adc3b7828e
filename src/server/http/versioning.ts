import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode } from '../../shared/errors.js';
import { DomainError, invalid } from './errors.js';

/**
 * Optimistic concurrency for editable records: each carries an integer `version`, +1 in the same UPDATE as every
 * change. A GET answers it in the body and as `ETag: "<version>"`; a write names the version it read in `If-Match`
 * or as `version` in its body, and the UPDATE matches on it, so of two writers from the same version the second gets
 * 409 STALE_VERSION instead of silently overwriting the first.
 */
export const etag = (reply: FastifyReply, version: number) => reply.header('etag', `"${version}"`);

const IF_MATCH = /^(?:W\/)?"?(\d{1,9})"?$/;

/** The version a write is based on; 428 when it names none (a write without one would overwrite blindly). */
export function expectedVersion(req: FastifyRequest, bodyVersion?: number): number {
  const header = req.headers['if-match'];
  let fromHeader: number | undefined;
  if (header !== undefined) {
    const m = IF_MATCH.exec(String(header).trim());
    if (!m) throw invalid([{ field: 'headers.if-match', reason: 'IF_MATCH_FORMAT' }]);
    fromHeader = Number(m[1]);
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion)
    throw invalid([{ field: 'headers.if-match', reason: 'IF_MATCH_DIFFERS' }]);
  const v = fromHeader ?? bodyVersion;
  if (v === undefined)
    throw new DomainError(
      ErrorCode.VERSION_REQUIRED,
      428,
      'Name the version you read: If-Match: "<version>" or "version" in the body',
      { field: 'headers.if-match' },
    );
  return v;
}

export const staleVersion = (details: { currentVersion: number; updatedBy: string | null; updatedAt: Date | null }) =>
  new DomainError(
    ErrorCode.STALE_VERSION,
    409,
    'Someone changed this since you read it: reload and edit again',
    details,
  );
