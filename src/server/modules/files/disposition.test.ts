import { describe, expect, it } from 'vitest';
import { asciiFileName, attachmentDisposition } from './disposition.js';

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Biên bản "họp" (1).pdf')).toBe(
      `attachment; filename="Bien-ban-hop-1-.pdf"; filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n%20%22h%E1%BB%8Dp%22%20%281%29.pdf`,
    );
    expect(asciiFileName('ket-luan-01-KL-ĐKT.docx')).toBe('ket-luan-01-KL-DKT.docx');
  });
});
