import { isErrorReason, reasonText } from '../../../../shared/error-reasons.js';
import type { ImportError } from './import.repo.js';

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
