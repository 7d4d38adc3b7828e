import type { Question } from '../../../../shared/dx/framework-format.js';
import type { ErrorReason } from '../../../../shared/error-reasons.js';

/**
 * How an answer is written in one cell of an import file: an option code; option codes (or catalogue entries
 * `tool:level[:integrated]`) joined by ";";
 * a number (a decimal comma is accepted); yes/no as true/false, yes/no, có/không or 1/0; text as is.
 * An empty cell is no answer.
 */
export function decodeAnswer(
  q: Question,
  cell: string,
): { ok: true; value: unknown } | { ok: false; reason: ErrorReason } {
  const s = cell.trim();
  switch (q.type) {
    case 'single':
    case 'text':
    case 'file':
      return { ok: true, value: s };
    case 'multi':
    case 'catalogue':
      return {
        ok: true,
        value: s
          .split(/[;|]/)
          .map((x) => x.trim())
          .filter(Boolean),
      };
    case 'number':
    case 'ratio': {
      const n = Number(s.replace(/\s/g, '').replace(/,(?=\d+$)/, '.'));
      return Number.isFinite(n) && s !== '' ? { ok: true, value: n } : { ok: false, reason: 'IMPORT_NOT_A_NUMBER' };
    }
    case 'yesno': {
      const v = s.toLowerCase();
      if (['true', 'yes', 'có', 'co', '1', 'x'].includes(v)) return { ok: true, value: true };
      if (['false', 'no', 'không', 'khong', '0'].includes(v)) return { ok: true, value: false };
      return { ok: false, reason: 'IMPORT_NOT_YES_NO' };
    }
  }
}

export function encodeAnswer(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(';');
  // any other answer is a scalar (src/shared/dx/answers.ts)
  return typeof value === 'string' ? value : (value as number | boolean).toString();
}
