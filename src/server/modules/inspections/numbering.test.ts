import { describe, expect, it } from 'vitest';
import { formatConclusionNumber, numberingYear, parseConclusionNumber } from './numbering.js';

describe('conclusion numbering', () => {
  it('pads to two digits and no further', () => {
    expect(formatConclusionNumber(1)).toBe('01-KL/ĐKT');
    expect(formatConclusionNumber(12)).toBe('12-KL/ĐKT');
    expect(formatConclusionNumber(123)).toBe('123-KL/ĐKT');
    expect(() => formatConclusionNumber(0)).toThrow(RangeError);
    expect(() => formatConclusionNumber(1.5)).toThrow(RangeError);
  });

  it('parses what it formats and refuses other text', () => {
    for (const n of [1, 9, 10, 99, 100, 1234])
      expect(parseConclusionNumber(formatConclusionNumber(n))).toEqual({ sequence: n, scope: 'KL/ĐKT' });
    expect(parseConclusionNumber('1-KL/ĐKT')).toBeNull();
    expect(parseConclusionNumber('00-KL/ĐKT')).toBeNull();
    expect(parseConclusionNumber('012-KL/ĐKT')).toBeNull();
    expect(parseConclusionNumber('KL/ĐKT')).toBeNull();
  });

  it('counts in the year of the issued date', () => {
    expect(numberingYear('2023-12-31')).toBe(2023);
    expect(numberingYear('2024-01-01')).toBe(2024);
  });
});
