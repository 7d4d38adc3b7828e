import { type ErrorReason, isErrorReason, type ReasonParams, reasonText } from '../../../../shared/error-reasons.js';
import type { ImportError } from './import.repo.js';

/** A row's error: its reason as a code with its values (the report says it in Vietnamese), and in English. */
export const importError = (row: number, field: string, reason: ErrorReason, params?: ReasonParams): ImportError => ({
  row,
  field,
  reason: reasonText(reason, 'en', params),
  code: reason,
  ...(params && { params }),
});

/**
 * The error report's rows, header first: Vietnamese first for the officer who fixes the file, the English reason
 * last for scripts. An error written before reasons had codes (migration 0022) has only its English.
 */
export const errorReport = (errors: ImportError[]): (string | number)[][] => [
  ['dòng', 'cột', 'lý do', 'reason'],
  ...errors.map((e) => [
    e.row,
    e.field,
    isErrorReason(e.code) ? reasonText(e.code, 'vi', e.params) : e.reason,
    e.reason,
  ]),
];

/** A schema's issue on a row: a shared schema's message is a reason code; zod's own is kept with its code. */
export const issueError = (row: number, field: string, issue: { message: string; code: string }): ImportError =>
  isErrorReason(issue.message)
    ? importError(row, field, issue.message)
    : { row, field, reason: issue.message, code: issue.code };
