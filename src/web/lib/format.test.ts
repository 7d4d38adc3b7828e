import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPercent, formatVnd } from './format';

describe('formatDate', () => {
  it('prints a bare date as dd/mm/yyyy without shifting it', () => {
    expect(formatDate('2025-03-01')).toBe('01/03/2025');
    expect(formatDate('2025-12-31')).toBe('31/12/2025');
  });

  it('prints a timestamp as its date in Hanoi', () => {
    expect(formatDate('2025-03-01T16:59:00Z')).toBe('01/03/2025');
    expect(formatDate('2025-03-01T17:00:00Z')).toBe('02/03/2025');
    expect(formatDate(new Date('2024-02-29T00:00:00+07:00'))).toBe('29/02/2024');
  });

  it('prints nothing for a missing value and the input for garbage', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('not a date')).toBe('not a date');
  });
});

describe('formatDateTime', () => {
  it('prints dd/mm/yyyy HH:mm in Hanoi time, 24-hour', () => {
    expect(formatDateTime('2025-03-01T07:05:00Z')).toBe('01/03/2025 14:05');
    expect(formatDateTime('2025-03-01T17:30:00.000Z')).toBe('02/03/2025 00:30');
    expect(formatDateTime('2025-06-15T23:45:00+07:00')).toBe('15/06/2025 23:45');
  });

  it('prints a bare date without a time', () => {
    expect(formatDateTime('2025-03-01')).toBe('01/03/2025');
  });

  it('prints nothing for a missing value', () => {
    expect(formatDateTime(null)).toBe('');
  });
});

describe('formatNumber', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(-1234567)).toBe('-1.234.567');
    expect(formatNumber(1234.56, 1)).toBe('1.234,6');
    expect(formatNumber(1234.5)).toBe('1.235');
  });

  it('accepts numeric strings and bigints', () => {
    expect(formatNumber('2500000')).toBe('2.500.000');
    expect(formatNumber(15_000_000_000n)).toBe('15.000.000.000');
  });

  it('prints nothing for a missing value and the input for garbage', () => {
    expect(formatNumber(null)).toBe('');
    expect(formatNumber('abc')).toBe('abc');
  });
});

describe('formatVnd', () => {
  it('prints đồng with vi-VN grouping and the ₫ sign after a no-break space', () => {
    expect(formatVnd(15_000_000_000)).toBe('15.000.000.000\u00a0₫');
    expect(formatVnd(0)).toBe('0\u00a0₫');
    expect(formatVnd('1500000')).toBe('1.500.000\u00a0₫');
  });

  it('rounds to whole đồng', () => {
    expect(formatVnd(1999.5)).toBe('2.000\u00a0₫');
    expect(formatVnd(-0.4)).toBe('0\u00a0₫');
  });

  it('prints nothing for a missing value', () => {
    expect(formatVnd(null)).toBe('');
    expect(formatVnd(undefined)).toBe('');
  });
});

describe('numbers follow the UI language (i18next)', () => {
  afterEach(async () => {
    await i18n.changeLanguage('vi');
  });

  it('Vietnamese: dot groups, decimal comma', async () => {
    await i18n.init({
      lng: 'vi',
      supportedLngs: ['vi', 'en'],
      resources: { vi: { translation: { k: 'v' } }, en: { translation: { k: 'e' } } },
    });
    await i18n.changeLanguage('vi');
    expect(formatNumber(4800)).toBe('4.800');
    expect(formatNumber(139.04, 1)).toBe('139');
    expect(formatNumber(139, 1, { fixed: true })).toBe('139,0');
    expect(formatPercent(91.66)).toBe('91,7%');
    expect(formatVnd(15_000_000_000)).toBe('15.000.000.000\u00a0₫');
  });

  it('English: comma groups, decimal point, the moment the language changes', async () => {
    await i18n.init({
      lng: 'vi',
      supportedLngs: ['vi', 'en'],
      resources: { vi: { translation: { k: 'v' } }, en: { translation: { k: 'e' } } },
    });
    await i18n.changeLanguage('en');
    expect(formatNumber(4800)).toBe('4,800');
    expect(formatNumber(139, 1, { fixed: true })).toBe('139.0');
    expect(formatPercent(91.66)).toBe('91.7%');
    expect(formatVnd(15_000_000_000)).toBe('15,000,000,000\u00a0₫');
    expect(formatNumber(1234.5, 1, { language: 'vi' })).toBe('1.234,5');
  });
});
