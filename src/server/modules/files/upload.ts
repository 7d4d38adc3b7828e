import type { FastifyRequest } from 'fastify';
import { invalid } from '../../http/errors.js';
import { payloadTooLarge } from './files.errors.js';

/** The largest file one upload may carry (app.ts gives it to @fastify/multipart). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const tooLargeCodes = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT']);
const missingFile = () => invalid([{ field: 'file', message: 'send one file as multipart/form-data field "file"' }]);

function mapError(err: unknown): unknown {
  const code = (err as { code?: string }).code;
  if (code && tooLargeCodes.has(code)) return payloadTooLarge(MAX_UPLOAD_BYTES);
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return missingFile();
  return err;
}

/** Reads the one file of a multipart request (field `file`), whole, within the upload limit. The type is checked when it is stored. */
export async function readUpload(req: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  try {
    const part = await req.file();
    if (!part || part.fieldname !== 'file') throw missingFile();
    const bytes = await part.toBuffer();
    if (part.file.truncated) throw payloadTooLarge(MAX_UPLOAD_BYTES);
    if (!bytes.length) throw invalid([{ field: 'file', message: 'the file is empty' }]);
    return { bytes, fileName: part.filename || 'file' };
  } catch (err) {
    throw mapError(err);
  }
}
