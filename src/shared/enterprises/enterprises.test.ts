import { describe, expect, it } from 'vitest';
import { checkTaxCode, withCheckDigit } from './tax-code.js';
import { computeSizeClass, sectorGroupOf } from './size-class.js';

const BN = 1_000_000_000;

describe('tax code', () => {
  it('accepts a code whose tenth digit matches and a branch suffix', () => {
    // 010010011: Σ = 31·0+29·1+23·0+19·0+17·1+13·0+7·0+5·1+3·1 = 54; 54 mod 11 = 10; 10 − 10 = 0
    expect(checkTaxCode('0100100110')).toEqual({ valid: true, base: '0100100110', branch: null });
    expect(checkTaxCode('0100100110-001')).toEqual({ valid: true, base: '0100100110', branch: '001' });
  });
  it('rejects a wrong check digit, bad formats and branch 000', () => {
    expect(checkTaxCode('0100100111')).toEqual({ valid: false, reason: 'check_digit' });
    for (const bad of ['', '123', '01001001100', '0100100110-1', '0100100110-000', 'abcdefghij', '0100100110 ']) {
      expect(checkTaxCode(bad).valid).toBe(false);
    }
  });
  it('rejects codes whose check computation gives 10 (never issued)', () => {
    // 000000000: Σ = 0 → 10 − 0 = 10, so no tenth digit makes a valid code
    expect(withCheckDigit('000000000')).toBeNull();
    for (let d = 0; d <= 9; d++) expect(checkTaxCode(`000000000${d}`).valid).toBe(false);
  });
  it('withCheckDigit round-trips', () => {
    for (const nine of ['010010011', '030123456', '987654321', '123456789']) {
      const code = withCheckDigit(nine);
      if (code) expect(checkTaxCode(code).valid).toBe(true);
    }
  });
});

describe('size class (Decree 80/2021, Art. 5)', () => {
  it('groups sections A–F apart from trade and services', () => {
    expect(['A', 'C', 'F', 'f'].map(sectorGroupOf)).toEqual(Array(4).fill('agri_industry_construction'));
    expect(['G', 'J', 'U'].map(sectorGroupOf)).toEqual(Array(3).fill('trade_services'));
  });
  it('industry: ceilings are inclusive; revenue OR capital suffices', () => {
    expect(computeSizeClass('C', 10, 3 * BN, 999 * BN).sizeClass).toBe('micro');
    expect(computeSizeClass('C', 10, 999 * BN, 3 * BN)).toMatchObject({ sizeClass: 'micro', by: ['capital'] });
    expect(computeSizeClass('C', 11, 1 * BN, 1 * BN).sizeClass).toBe('small');
    expect(computeSizeClass('C', 10, 3 * BN + 1, 3 * BN + 1).sizeClass).toBe('small');
    expect(computeSizeClass('C', 100, 50 * BN, 500 * BN).sizeClass).toBe('small');
    expect(computeSizeClass('C', 101, 1, 1).sizeClass).toBe('medium');
    expect(computeSizeClass('C', 200, 200 * BN, 999 * BN).sizeClass).toBe('medium');
    expect(computeSizeClass('C', 201, 1, 1).sizeClass).toBe('large');
    expect(computeSizeClass('C', 50, 201 * BN, 101 * BN)).toMatchObject({ sizeClass: 'large', limit: null });
  });
  it('trade and services use their own ceilings', () => {
    expect(computeSizeClass('G', 10, 10 * BN, 999 * BN).sizeClass).toBe('micro');
    expect(computeSizeClass('G', 10, 10 * BN + 1, 3 * BN + 1).sizeClass).toBe('small');
    expect(computeSizeClass('G', 50, 100 * BN, 999 * BN).sizeClass).toBe('small');
    expect(computeSizeClass('G', 51, 1, 1).sizeClass).toBe('medium');
    expect(computeSizeClass('G', 100, 999 * BN, 100 * BN).sizeClass).toBe('medium');
    expect(computeSizeClass('G', 101, 1, 1).sizeClass).toBe('large');
  });
});
