import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { sniffFileType, zipEntryNames } from './sniff.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);
const zip = async (entries: string[]) => {
  const z = new JSZip();
  for (const e of entries) z.file(e, '<x/>');
  return new Uint8Array(await z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
};

describe('sniffFileType', () => {
  it('recognises each accepted type by its content', async () => {
    expect(sniffFileType(bytes('%PDF-1.7\n%%EOF'), 'bien-ban.pdf')).toEqual({
      mimeType: 'application/pdf',
      ext: 'pdf',
    });
    expect(sniffFileType(PNG, 'anh.PNG')?.mimeType).toBe('image/png');
    expect(sniffFileType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'anh.jpeg')?.mimeType).toBe('image/jpeg');
    expect(sniffFileType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'anh.jpg')?.mimeType).toBe('image/jpeg');
    expect(sniffFileType(bytes('GIF89a....'), 'a.gif')?.mimeType).toBe('image/gif');
    expect(sniffFileType(bytes('RIFF\0\0\0\0WEBPVP8 '), 'a.webp')?.mimeType).toBe('image/webp');
    expect(sniffFileType(await zip(['[Content_Types].xml', 'word/document.xml']), 'bao-cao.docx')?.ext).toBe('docx');
    expect(sniffFileType(await zip(['[Content_Types].xml', 'xl/workbook.xml']), 'bang.xlsx')?.ext).toBe('xlsx');
  });

  it('rejects a text file named .pdf and a ZIP that is not a Word document', async () => {
    expect(sniffFileType(bytes('just some text'), 'fake.pdf')).toBeNull();
    expect(sniffFileType(await zip(['notes.txt']), 'fake.docx')).toBeNull();
  });

  it('rejects a name whose extension disagrees with the content, or has none', async () => {
    expect(sniffFileType(bytes('%PDF-1.7'), 'report.docx')).toBeNull();
    expect(sniffFileType(PNG, 'anh.jpg')).toBeNull();
    expect(sniffFileType(await zip(['word/document.xml']), 'bang.xlsx')).toBeNull();
    expect(sniffFileType(bytes('%PDF-1.7'), 'noextension')).toBeNull();
  });

  it('reads ZIP entry names from the central directory and refuses broken archives', async () => {
    expect(zipEntryNames(await zip(['a.txt', 'word/document.xml']))).toEqual(['a.txt', 'word/', 'word/document.xml']);
    const truncated = (await zip(['word/document.xml'])).subarray(0, 30);
    expect(zipEntryNames(truncated)).toBeNull();
    expect(sniffFileType(truncated, 'x.docx')).toBeNull();
  });
});
