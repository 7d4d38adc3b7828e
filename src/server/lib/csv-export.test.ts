import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, csvRow } from './csv-export.js';

describe('CSV for spreadsheets', () => {
  it('neutralises every text cell a spreadsheet would run as a formula with a leading quote', () => {
    for (const text of ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvCell(text).replace(/^"|"$/g, '').startsWith(`'${text[0]}`), text).toBe(true);
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('Phường Ba Đình')).toBe('Phường Ba Đình');
    expect(csvCell('a=b, c')).toBe('"a=b, c"');
  });

  it('keeps numbers, negative ones too, as numbers', () => {
    expect(csvRow([-5, 0, 1.5, 'x', null, undefined])).toBe('-5,0,1.5,x,,\r\n');
    expect(csvDocument([['a'], [-1]]).toString('utf8')).toBe('\uFEFFa\r\n-1\r\n');
  });
});
