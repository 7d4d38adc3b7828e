import { describe, expect, it } from 'vitest';
import { rollupTable } from './dx-analytics.repo.js';

describe('rollup grain choice', () => {
  const v = { frameworkVersionId: '00000000-0000-4000-8000-000000000000' };
  it('reads the city grain when no place is involved, the commune grain when no firm attribute is, else the finest', () => {
    expect(rollupTable([], v)).toBe('dx_rollups_city');
    expect(rollupTable(['year'], { ...v, years: [2024] })).toBe('dx_rollups_city');
    expect(rollupTable(['sector', 'sizeClass'], v)).toBe('dx_rollups_city');
    expect(rollupTable(['commune'], v)).toBe('dx_rollups_commune');
    expect(rollupTable(['year'], { ...v, districtCodes: ['HN.D001'] })).toBe('dx_rollups_commune');
    expect(rollupTable(['commune'], { ...v, sectors: ['C'] })).toBe('dx_rollups');
    expect(rollupTable(['sector'], { ...v, communeCodes: ['HN.00004'] })).toBe('dx_rollups');
  });
});
