import { describe, expect, it } from 'vitest';
import { type ErrorReason, errorReasons, isErrorReason, reasonText } from './error-reasons.js';

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('the error reason catalogue', () => {
  it('gives every reason a Vietnamese and an English text with the same placeholders', () => {
    const texts: Record<string, { vi: string; en: string }> = errorReasons;
    const bad = Object.entries(texts).filter(
      ([, { vi, en }]) => !vi.trim() || !en.trim() || vi === en || placeholders(vi).join() !== placeholders(en).join(),
    );
    expect(bad.map(([reason]) => reason)).toEqual([]);
  });

  it('names reasons in UPPER_SNAKE', () => {
    expect(Object.keys(errorReasons).filter((r) => !/^[A-Z][A-Z0-9_]*$/.test(r))).toEqual([]);
  });

  it('fills placeholders in either language and knows its own codes', () => {
    expect(reasonText('TEAM_NUMBER_TAKEN', 'vi', { number: 3 })).toBe('Kế hoạch đã có đoàn số 3');
    expect(reasonText('TEAM_NUMBER_TAKEN', 'en', { number: 3 })).toBe('The plan has a team number 3');
    expect(reasonText('CODE_TAKEN', 'vi')).toBe('Mã này đã được sử dụng');
    expect(isErrorReason('CODE_TAKEN')).toBe(true);
    expect(isErrorReason('toString')).toBe(false);
    expect(isErrorReason('A plan with this code exists')).toBe(false);
    // a type-level check: only catalogue keys are reasons
    const r: ErrorReason = 'REPORT_UNDER_REVIEW';
    expect(reasonText(r, 'vi')).toBe('Báo cáo đang chờ duyệt, không thể sửa');
  });
});
