import { and, like, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { foldText } from '../../shared/text.js';

/**
 * Search that ignores diacritics: every word of the folded query must appear in the folded column (a `search_text`
 * column filled with `foldText()`). `%`, `_` and `\` in the query match themselves.
 */
export function searchCondition(column: AnyPgColumn, q: string | undefined): SQL | undefined {
  const words = foldText(q).split(' ').filter(Boolean);
  if (!words.length) return undefined;
  return and(...words.map((w) => like(column, `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)));
}
