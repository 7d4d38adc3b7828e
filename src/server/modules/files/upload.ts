import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { hasForbiddenChars } from '../../../shared/fields.js';
import { DomainError, invalid } from '../../http/errors.js';
import { payloadTooLarge } from './files.errors.js';

/** The largest file one upload may carry (app.ts gives it to @fastify/multipart). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const tooLargeCodes = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT']);
const MAX_FILE_NAME = 255;
const missingFile = () => invalid([{ field: 'file', reason: 'FILE_MISSING' }]);
const unreadable = () => invalid([{ field: 'file', reason: 'MULTIPART_UNREADABLE' }]);

/**
 * An error met while reading a multipart body, as the caller's fault: too large → 413; anything else the parser
 * throws (no boundary, a body cut short, a broken part header: busboy gives plain `Error`s) → 400 on `file`.
 */
export function uploadError(err: unknown): unknown {
  if (err instanceof DomainError) return err;
  const code = (err as { code?: string }).code;
  if (code && tooLargeCodes.has(code)) return payloadTooLarge(MAX_UPLOAD_BYTES);
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return missingFile();
  return unreadable();
}

/** The file name a client sent, checked like any text field: a NUL in it would otherwise reach PostgreSQL. */
function fileNameOf(part: MultipartFile, fallback: string): string {
  const name = part.filename || fallback;
  if (hasForbiddenChars(name)) throw invalid([{ field: 'file', reason: 'FILE_NAME_PLAIN_TEXT' }]);
  if (name.length > MAX_FILE_NAME)
    throw invalid([{ field: 'file', reason: 'FILE_NAME_TOO_LONG', params: { max: MAX_FILE_NAME } }]);
  return name;
}

/**
 * The one file part (field `file`) of a multipart request, not yet read, with its checked name. The caller reads
 * `part.file` and passes any error to `uploadError`.
 */
export async function openUpload(
  req: FastifyRequest,
  fallbackName = 'file',
): Promise<{ part: MultipartFile; fileName: string }> {
  let part: MultipartFile | undefined;
  try {
    part = await req.file();
  } catch (err) {
    throw uploadError(err);
  }
  if (!part || part.fieldname !== 'file') throw missingFile();
  return { part, fileName: fileNameOf(part, fallbackName) };
}

/** Reads the one file of a multipart request (field `file`), whole, within the upload limit. The type is checked when it is stored. */
export async function readUpload(req: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  const { part, fileName } = await openUpload(req);
  let bytes: Buffer;
  try {
    bytes = await part.toBuffer();
  } catch (err) {
    throw uploadError(err);
  }
  if (part.file.truncated) throw payloadTooLarge(MAX_UPLOAD_BYTES);
  if (!bytes.length) throw invalid([{ field: 'file', reason: 'FILE_EMPTY' }]);
  return { bytes, fileName };
}
