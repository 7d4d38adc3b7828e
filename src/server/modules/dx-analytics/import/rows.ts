import { createReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import { assertZipWithin, type ZipLimits } from '../../files/files.service.js';
import { readCsv } from './csv.js';

/**
 * What an XLSX import may unpack to: the streaming reader keeps memory flat for rows, but caches the shared strings
 * and would inflate a zip bomb for as long as it lasts. A 20 MB upload of real data stays well below.
 */
export const IMPORT_ZIP_LIMITS: ZipLimits = { maxEntries: 1_000, maxTotalBytes: 512 * 1024 * 1024, maxRatio: 200 };

/**
 * One data row of an import file: its cells in column order (trimmed) and the file's header. `row` is the row
 * number as a spreadsheet shows it (header = 1): a CSV record with a line break inside a quoted field is still one
 * row. Cells stay an array: an object with one property per column (seventy for an assessment) costs more to build
 * than everything else done with the row.
 */
export interface SourceRow {
  row: number;
  fields: string[];
  header: string[];
}

/** A row's cells by column name, for handlers with few columns. */
export function rowValues(r: SourceRow): Record<string, string> {
  const values: Record<string, string> = {};
  for (let i = 0; i < r.header.length; i++) values[r.header[i]] = r.fields[i] ?? '';
  return values;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
  if (o.richText) return o.richText.map((r) => r.text).join('');
  if (o.text !== undefined) return cellText(o.text);
  if (o.result !== undefined) return cellText(o.result);
  // an error cell or a shape not known here: visible as JSON, so the row fails validation readably
  return JSON.stringify(v) ?? '';
}

async function* xlsxRecords(filePath: string): AsyncGenerator<{ line: number; fields: string[] }> {
  // streaming reader: rows are handed over as they are parsed, the sheet is never held whole
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, {
    sharedStrings: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = (row.values as unknown[]).slice(1).map(cellText);
      if (values.some((v) => v !== '')) yield { line: row.number, fields: values };
    }
    return; // the first sheet only
  }
}

/** Reads a CSV or XLSX file (by extension) as header-named rows; the header row is returned first. */
export async function openRows(
  filePath: string,
  fileName = filePath,
): Promise<{ header: string[]; rows: AsyncGenerator<SourceRow> }> {
  const xlsx = /\.xlsx$/i.test(fileName);
  if (xlsx) await assertZipWithin(filePath, IMPORT_ZIP_LIMITS);
  const records = xlsx ? xlsxRecords(filePath) : readCsv(createReadStream(filePath, { highWaterMark: 256 * 1024 }));
  const first = await records.next();
  const header = first.done ? [] : first.value.fields.map((h) => h.trim());
  async function* rows(): AsyncGenerator<SourceRow> {
    let n = 1;
    for await (const r of records) {
      n++;
      const fields = r.fields;
      for (let i = 0; i < fields.length; i++) fields[i] = (fields[i] ?? '').trim(); // XLSX rows may have holes
      yield { row: xlsx ? r.line : n, fields, header };
    }
  }
  return { header, rows: rows() };
}
