import { describe, expect, it } from 'vitest';
import { generationOf, notApplicable, sameGeneration } from './applicability.js';

describe('framework generations', () => {
  it('a definition without a generation is custom', () => {
    expect(generationOf({})).toBe('custom');
    expect(generationOf({ generation: 'qd1567-2025' })).toBe('qd1567-2025');
  });

  it('versions of one national generation compare; different generations never do', () => {
    const v2021 = { code: 'DBI-SME', generation: 'qd1970-2021' as const };
    expect(sameGeneration(v2021, { code: 'DBI-SME', generation: 'qd1970-2021' })).toBe(true);
    expect(sameGeneration(v2021, { code: 'DBI-SME-2023', generation: 'qd2158-2023' })).toBe(false);
    expect(sameGeneration(v2021, { code: 'SME-2025', generation: 'qd1567-2025' })).toBe(false);
    expect(sameGeneration(v2021, { code: 'EU-DMA-SME' })).toBe(false);
  });

  it('custom frameworks compare only with themselves (same code)', () => {
    expect(sameGeneration({ code: 'EU-DMA-SME' }, { code: 'EU-DMA-SME', generation: 'custom' })).toBe(true);
    expect(sameGeneration({ code: 'EU-DMA-SME' }, { code: 'CITY-OWN' })).toBe(false);
  });
});

describe('framework applicability', () => {
  const sme = { sizeClasses: ['micro' as const, 'small' as const, 'medium' as const] };

  it('no rule: every firm', () => {
    expect(notApplicable(undefined, { sizeClass: 'large', vsicSection: 'C' })).toBeNull();
  });

  it('an SME framework refuses a large firm, naming the allowed classes', () => {
    expect(notApplicable(sme, { sizeClass: 'small', vsicSection: 'G' })).toBeNull();
    expect(notApplicable(sme, { sizeClass: 'large', vsicSection: 'G' })).toEqual({
      field: 'sizeClass',
      allowed: ['micro', 'small', 'medium'],
      actual: 'large',
    });
    expect(notApplicable(sme, { sizeClass: null, vsicSection: 'G' })?.field).toBe('sizeClass');
  });

  it('sections, when given, must include the firm’s', () => {
    const rule = { ...sme, vsicSections: ['C', 'F'] };
    expect(notApplicable(rule, { sizeClass: 'micro', vsicSection: 'c' })).toBeNull();
    expect(notApplicable(rule, { sizeClass: 'micro', vsicSection: 'G' })).toEqual({
      field: 'vsicSection',
      allowed: ['C', 'F'],
      actual: 'G',
    });
  });
});
