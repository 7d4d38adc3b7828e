import { ErrorCode } from '../../../shared/errors.js';
import { DomainError, toFieldIssue } from '../../http/errors.js';

export const payloadTooLarge = (limitBytes: number) =>
  new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, 413, `The file is larger than ${limitBytes} bytes`, {
    field: 'file',
    limitBytes,
  });

export const unsupportedFileType = () =>
  new DomainError(
    ErrorCode.UNSUPPORTED_FILE_TYPE,
    415,
    'Unsupported file type, or the name does not match the content',
    { issues: [toFieldIssue({ field: 'file', reason: 'FILE_TYPE_NOT_ACCEPTED' })] },
  );
