import { describe, expect, it } from 'vitest';
import { csvLine, readCsv, type CsvRecord } from './csv.js';

async function all(chunks: (Buffer | string)[]): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of readCsv(
    (async function* () {
      yield* chunks;
    })(),
  ))
    out.push(r);
  return out;
}
/** Every split of the bytes into one-byte chunks: catches state lost at a chunk boundary. */
const bytewise = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => Buffer.from([b]));

describe('readCsv', () => {
  const tricky =
    '\uFEFFtaxCode,name,note\r\n0100109106,"Công ty ""Đông Á"", chi nhánh",plain\r\n\r\n' +
    '0100109106-001,"hai\r\ndòng",\n"",x,"a,b"\rlast,"",end';
  const expected = [
    { line: 1, fields: ['taxCode', 'name', 'note'] },
    { line: 2, fields: ['0100109106', 'Công ty "Đông Á", chi nhánh', 'plain'] },
    { line: 4, fields: ['0100109106-001', 'hai\r\ndòng', ''] },
    { line: 6, fields: ['', 'x', 'a,b'] },
    { line: 7, fields: ['last', '', 'end'] },
  ];

  it('reads quotes, doubled quotes, commas and line breaks in fields, CRLF/LF/CR, BOM and blank lines', async () => {
    expect(await all([tricky])).toEqual(expected);
  });

  it('gives the same records whatever the chunk boundaries (even inside a UTF-8 character)', async () => {
    expect(await all(bytewise(tricky))).toEqual(expected);
    const s = 'a,"x""y"""\n"""",b\n';
    expect(await all(bytewise(s))).toEqual([
      { line: 1, fields: ['a', 'x"y"'] },
      { line: 2, fields: ['"', 'b'] },
    ]);
  });

  it('ends a quoted last field at the end of the file, with or without a final newline', async () => {
    expect(await all(['a,"b"'])).toEqual([{ line: 1, fields: ['a', 'b'] }]);
    expect(await all(bytewise('a,"b"'))).toEqual([{ line: 1, fields: ['a', 'b'] }]);
    expect(await all(['a,b\n'])).toEqual([{ line: 1, fields: ['a', 'b'] }]);
    expect(await all(['a,\n'])).toEqual([{ line: 1, fields: ['a', ''] }]);
  });

  it('fails on an unclosed quote, naming the line it opened on, and on text after a closing quote', async () => {
    await expect(all(['a,b\nc,"open\nmore'])).rejects.toThrow('line 2');
    await expect(all(['a,"b"c\n'])).rejects.toThrow('line 1');
  });

  it('reads plain lines (the fast path) exactly as byte by byte, mixed with quoted ones, at any chunk size', async () => {
    const lines = Array.from({ length: 60 }, (_, i) =>
      i % 7 === 3 ? '' : i % 5 === 2 ? `q${i},"a,b",x` : `p${i},${i % 3 ? '' : 'v'},đ${i}`,
    );
    const text = `h1,h2,h3\n${lines.map((l, i) => `${l}${i % 2 ? '\r\n' : '\n'}`).join('')}`;
    const slow = await all(bytewise(text));
    expect(slow).toHaveLength(1 + lines.filter((l) => l !== '').length);
    expect(await all([text])).toEqual(slow);
    for (const size of [5, 13, 64]) {
      const bytes = Buffer.from(text, 'utf8');
      const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, k) =>
        bytes.subarray(k * size, (k + 1) * size),
      );
      expect(await all(chunks)).toEqual(slow);
    }
  });

  it('round-trips what csvLine writes', async () => {
    const rows = [
      ['a,b', 'say "hi"', 'x\ny', ''],
      ['1', '', ' lead', 'tail '],
    ];
    const text = rows.map((r) => csvLine(r)).join('');
    expect((await all(bytewise(text))).map((r) => r.fields)).toEqual(rows);
  });
});
