/**
 * CSV for people to open in a spreadsheet (exports, error reports). A text cell starting with = + - @ tab or
 * carriage return is read by Excel/LibreOffice as a formula (`=HYPERLINK(…)` in a commune name becomes a live link,
 * `=cmd|…` worse): such cells get a leading single quote, as OWASP advises for CSV injection. Numbers are written as
 * numbers (a negative number stays a number); only text is neutralised. Files meant to be imported again are
 * written by `modules/dx-analytics/import/csv.ts` instead, which keeps text byte for byte.
 */
const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

export function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = formulaStart.test(v) ? `'${v}` : v;
  return needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record with its CRLF. */
export const csvRow = (values: readonly (string | number | null | undefined)[]) =>
  `${values.map(csvCell).join(',')}\r\n`;

/** A whole CSV file with a UTF-8 byte-order mark, so Excel opens Vietnamese text correctly. */
export const csvDocument = (rows: readonly (readonly (string | number | null | undefined)[])[]) =>
  Buffer.from(`\uFEFF${rows.map(csvRow).join('')}`, 'utf8');
