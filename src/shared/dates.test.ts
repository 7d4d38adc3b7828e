import { describe, expect, it } from 'vitest';
import { dayFirstToIso } from './dates.js';
import { isoDate } from './fields.js';

describe('dayFirstToIso', () => {
  it('reads dd/mm/yyyy and d/m/yyyy day first', () => {
    expect(dayFirstToIso('01/03/2024')).toBe('2024-03-01');
    expect(dayFirstToIso(' 1/3/2024 ')).toBe('2024-03-01');
    expect(dayFirstToIso('31/12/2026')).toBe('2026-12-31');
  });

  it('leaves ISO dates and anything else to the ISO-date schema', () => {
    expect(dayFirstToIso('2024-03-01')).toBe('2024-03-01');
    expect(dayFirstToIso('03-01-2024')).toBe('03-01-2024');
    expect(dayFirstToIso('1/3/24')).toBe('1/3/24');
    expect(dayFirstToIso('')).toBe('');
    // a day that does not exist still reaches the schema, which refuses it
    expect(isoDate.safeParse(dayFirstToIso('31/02/2024')).success).toBe(false);
    expect(isoDate.safeParse(dayFirstToIso('13/13/2024')).success).toBe(false);
  });
});
