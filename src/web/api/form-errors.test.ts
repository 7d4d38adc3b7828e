import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './client';
import { applyFieldErrors, toNamePath } from './form-errors';
import i18n from '../i18n';

describe('toNamePath', () => {
  it('strips body. and turns numeric segments into indexes', () => {
    expect(toNamePath('body.title')).toEqual(['title']);
    expect(toNamePath('body.members.0.role')).toEqual(['members', 0, 'role']);
  });

  it('ignores issues outside the body', () => {
    expect(toNamePath('query.limit')).toBeNull();
    expect(toNamePath('params.id')).toBeNull();
    expect(toNamePath('body')).toBeNull();
  });
});

describe('applyFieldErrors', () => {
  const form = (registered: (string | number)[][]) => ({
    getFieldsError: () => registered.map((name) => ({ name, errors: [], warnings: [] })),
    setFields: vi.fn(),
  });

  it('puts translated messages on the form’s fields and reports success', async () => {
    await i18n.changeLanguage('vi');
    const f = form([['fullName'], ['members', 0, 'role']]);
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Invalid', {
      issues: [
        { field: 'body.fullName', message: 'Must not be empty', code: 'NOT_EMPTY' },
        { field: 'body.members.0.role', message: 'Invalid option', code: 'invalid_value' },
      ],
    });
    expect(applyFieldErrors(f, error)).toBe(true);
    expect(f.setFields).toHaveBeenCalledWith([
      { name: ['fullName'], errors: ['Không được để trống'] },
      { name: ['members', 0, 'role'], errors: ['Giá trị không nằm trong danh sách cho phép'] },
    ]);
  });

  it('translates a business-rule issue by its reason code, with its values, in the UI language', async () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Invalid', {
      issues: [
        {
          field: 'body.periodEnd',
          message: 'The end year must not be before the start year',
          code: 'YEAR_BEFORE_START',
        },
        { field: 'body.formula', message: 'Unknown…', code: 'FORMULA_UNKNOWN_CODES', params: { codes: 'X1' } },
      ],
    });
    const f = form([['periodEnd'], ['formula']]);
    await i18n.changeLanguage('vi');
    applyFieldErrors(f, error);
    expect(f.setFields).toHaveBeenCalledWith([
      { name: ['periodEnd'], errors: ['Năm kết thúc không được trước năm bắt đầu'] },
      { name: ['formula'], errors: ['Công thức dùng mã chỉ tiêu không có hoặc tự tham chiếu: X1'] },
    ]);
    await i18n.changeLanguage('en');
    applyFieldErrors(f, error);
    expect(f.setFields).toHaveBeenLastCalledWith([
      { name: ['periodEnd'], errors: ['The end year must not be before the start year'] },
      { name: ['formula'], errors: ['Unknown or self-referencing indicator codes: X1'] },
    ]);
    await i18n.changeLanguage('vi');
  });

  it('reports failure when no issue matches a field of the form', () => {
    const f = form([['title']]);
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Invalid', {
      issues: [{ field: 'query.limit', message: 'too big' }],
    });
    expect(applyFieldErrors(f, error)).toBe(false);
    expect(applyFieldErrors(f, new Error('boom'))).toBe(false);
  });
});
