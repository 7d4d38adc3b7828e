import { describe, expect, it } from 'vitest';
import { atGrain, rollupTable } from './dx-analytics.repo.js';

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

describe('reading a grain as it is', () => {
  const v = { frameworkVersionId: '00000000-0000-4000-8000-000000000000' };
  it('skips the aggregate only when each group is one row: every key column grouped by or held to one value', () => {
    expect(atGrain('dx_rollups_commune', ['commune'], { ...v, years: [2025] })).toBe(true);
    expect(atGrain('dx_rollups_commune', ['commune', 'year'], { ...v, years: [2024, 2025] })).toBe(true);
    expect(atGrain('dx_rollups_commune', ['year'], { ...v, communeCodes: ['HN.00004'] })).toBe(true);
    expect(atGrain('dx_rollups_commune', ['commune'], v)).toBe(false);
    expect(atGrain('dx_rollups_commune', ['commune'], { ...v, years: [2024, 2025] })).toBe(false);
    expect(atGrain('dx_rollups_commune', ['year'], { ...v, districtCodes: ['HN.D001'] })).toBe(false);
    expect(atGrain('dx_rollups_city', ['sector', 'sizeClass', 'year'], v)).toBe(true);
    expect(atGrain('dx_rollups_city', ['sector'], { ...v, years: [2025], sizeClasses: ['micro'] })).toBe(true);
    expect(atGrain('dx_rollups_city', [], { ...v, years: [2025] })).toBe(false);
    expect(atGrain('dx_rollups', ['commune', 'sector'], { ...v, years: [2025], sizeClasses: ['micro', 'small'] })).toBe(
      false,
    );
  });
});
