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
        { field: 'body.fullName', message: 'must not be empty', code: 'too_small' },
        { field: 'body.members.0.role', message: 'Invalid option', code: 'invalid_value' },
      ],
    });
    expect(applyFieldErrors(f, error)).toBe(true);
    expect(f.setFields).toHaveBeenCalledWith([
      { name: ['fullName'], errors: ['Không được để trống'] },
      { name: ['members', 0, 'role'], errors: ['Giá trị không nằm trong danh sách cho phép'] },
    ]);
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
