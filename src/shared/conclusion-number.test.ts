import { describe, expect, it } from 'vitest';
import { conclusionRef } from './conclusion-number.js';

describe('conclusion references', () => {
  it('tells two conclusions of the same number apart by their year', () => {
    expect(conclusionRef({ number: '01-KL/ĐKT', year: 2023 })).toBe('01-KL/ĐKT (2023)');
    expect(conclusionRef({ number: '01-KL/ĐKT', year: 2026 })).not.toBe(
      conclusionRef({ number: '01-KL/ĐKT', year: 2023 }),
    );
  });
});
