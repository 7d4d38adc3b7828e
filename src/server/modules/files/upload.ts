import type { FastifyRequest } from 'fastify';
import { invalid } from '../../http/errors.js';
import { MAX_UPLOAD_BYTES } from '../../app.js';
import { payloadTooLarge } from './files.errors.js';

const tooLargeCodes = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT']);
const missingFile = () => invalid([{ field: 'file', reason: 'FILE_MISSING' }]);

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
    if (!bytes.length) throw invalid([{ field: 'file', reason: 'FILE_EMPTY' }]);
    return { bytes, fileName: part.filename || 'file' };
  } catch (err) {
    throw mapError(err);
  }
}
