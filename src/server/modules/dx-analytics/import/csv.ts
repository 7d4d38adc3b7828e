import { StringDecoder } from 'node:string_decoder';

export interface CsvRecord {
  /** line number in the file where the record starts (1-based) */ line: number;
  fields: string[];
}

/**
 * Streaming RFC 4180 reader: quoted fields with commas, doubled quotes and line breaks; CRLF, LF or CR;
 * a UTF-8 byte-order mark is dropped; blank lines are skipped. Memory stays at one record plus one chunk.
 * A quote opened and never closed is an error naming the line it started on.
 */
export async function* readCsv(source: AsyncIterable<Buffer | string>): AsyncGenerator<CsvRecord> {
  const decoder = new StringDecoder('utf8');
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false; // just closed a quoted field: only a separator may follow
  let line = 1;
  let start = 1;
  let first = true;
  let pendingCr = false;
  let quotedCr = false;
  const flush = () => {
    fields.push(field);
    const rec = { line: start, fields };
    fields = [];
    field = '';
    afterQuote = false;
    return rec;
  };
  const isBlank = (r: CsvRecord) => r.fields.length === 1 && r.fields[0] === '';

  async function* feed(text: string): AsyncGenerator<CsvRecord> {
    for (let i = 0; i < text.length; i++) {
      // fast path: a whole line without quotes, at the start of a record, is split in one call
      if (!first && !quoted && !afterQuote && !pendingCr && field === '' && fields.length === 0) {
        const nl = text.indexOf('\n', i);
        if (nl >= 0) {
          const end = nl > i && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
          const s = text.slice(i, end);
          if (s.indexOf('"') < 0 && s.indexOf('\r') < 0) {
            const rec = { line: start, fields: s.split(',') };
            line++;
            start = line;
            i = nl;
            if (!isBlank(rec)) yield rec;
            continue;
          }
        }
      }
      let c = text[i];
      if (first) {
        first = false;
        if (c === '\uFEFF') continue;
      }
      if (pendingCr) {
        pendingCr = false;
        if (c === '\n') continue;
      }
      if (quoted) {
        if (c === '"') {
          if (i + 1 < text.length) {
            if (text[i + 1] === '"') {
              field += '"';
              i++;
            } else {
              quoted = false;
              afterQuote = true;
            }
          } else {
            // the chunk ends on a quote: decide with the next chunk
            carry = '"';
          }
        } else {
          // CRLF counts once even when a chunk boundary falls between its two characters
          if (c === '\r' || (c === '\n' && !quotedCr)) line++;
          quotedCr = c === '\r';
          field += c;
        }
        continue;
      }
      if (c === '"' && field === '' && !afterQuote) {
        quoted = true;
        quotedCr = false;
        continue;
      }
      if (c === ',') {
        fields.push(field);
        field = '';
        afterQuote = false;
        continue;
      }
      if (c === '\n' || c === '\r') {
        const rec = flush();
        line++;
        if (c === '\r') {
          if (i + 1 < text.length) {
            if (text[i + 1] === '\n') i++;
          } else pendingCr = true;
        }
        start = line;
        if (!isBlank(rec)) yield rec;
        continue;
      }
      if (afterQuote) throw new Error(`line ${line}: text after a closing quote`);
      c = c ?? '';
      field += c;
    }
  }

  let carry = '';
  for await (const chunk of source) {
    const text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    carry = '';
    yield* feed(text);
  }
  const rest = carry + decoder.end();
  carry = '';
  if (rest) {
    // a trailing lone quote inside a quoted field closes it
    if (rest === '"' && quoted) {
      quoted = false;
      afterQuote = true;
    } else yield* feed(rest);
    if (carry === '"') {
      quoted = false;
      afterQuote = true;
    }
  }
  if (quoted) throw new Error(`line ${start}: a quoted field is never closed`);
  if (field !== '' || fields.length) {
    const rec = flush();
    if (!isBlank(rec)) yield rec;
  }
}

const needsQuotes = /[",\r\n]/;
export const csvField = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  return needsQuotes.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
/**
 * A record of a file to import again (the generator's output, test fixtures): text kept byte for byte. Files people
 * open in a spreadsheet go through `lib/csv-export.ts`, which neutralises formula-like text.
 */
export const csvLine = (values: (string | number | null | undefined)[]) => `${values.map(csvField).join(',')}\r\n`;
