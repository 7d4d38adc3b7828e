import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { errorMessage } from './error-message';
import i18n from './index';

const t = i18n.t.bind(i18n) as TFunction;

describe('errorMessage', () => {
  it('shows the reason of a business-rule error in the UI language, not the generic CONFLICT text', async () => {
    const error = new ApiError(409, 'CONFLICT', 'This code is already used', {
      field: 'body.code',
      reason: 'CODE_TAKEN',
    });
    await i18n.changeLanguage('vi');
    expect(errorMessage(t, error)).toBe('Mã này đã được sử dụng');
    await i18n.changeLanguage('en');
    expect(errorMessage(t, error)).toBe('This code is already used');
    await i18n.changeLanguage('vi');
  });

  it('fills the reason’s values, and falls back to the top-level code without a known reason', async () => {
    await i18n.changeLanguage('vi');
    const team = new ApiError(409, 'CONFLICT', 'x', { reason: 'TEAM_NUMBER_TAKEN', params: { number: 2 } });
    expect(errorMessage(t, team)).toBe('Kế hoạch đã có đoàn số 2');
    const unknown = new ApiError(409, 'CONFLICT', 'x', { reason: 'SOMETHING_NEW' });
    expect(errorMessage(t, unknown)).toBe(t('errors.CONFLICT'));
    expect(errorMessage(t, new ApiError(404, 'NOT_FOUND', 'x', null))).toBe(t('errors.NOT_FOUND'));
  });

  it('quotes the request id of a server failure, so the administrator can find its log lines', async () => {
    await i18n.changeLanguage('vi');
    const error = new ApiError(500, 'INTERNAL', 'Internal error', null, 'req-0123456789');
    expect(errorMessage(t, error)).toBe(`${t('errors.INTERNAL')} (req-0123456789)`);
    expect(errorMessage(t, new ApiError(404, 'NOT_FOUND', 'x', null, 'req-0123456789'))).toBe(t('errors.NOT_FOUND'));
  });

  it('tells the person on the login page when the page is plain HTTP and the session cookie is Secure', async () => {
    const error = new ApiError(403, 'FORBIDDEN', 'Cannot log in', { reason: 'COOKIE_NEEDS_HTTPS' });
    await i18n.changeLanguage('vi');
    expect(errorMessage(t, error)).toMatch(/HTTP không mã hóa.*https:\/\//);
    await i18n.changeLanguage('en');
    expect(errorMessage(t, error)).toMatch(/plain HTTP.*COOKIE_SECURE=false/);
    await i18n.changeLanguage('vi');
  });

  it('says plainly that the server has no PDF converter (503 UNAVAILABLE, reason PDF_CONVERTER_MISSING)', async () => {
    const error = new ApiError(503, 'UNAVAILABLE', 'The server has no PDF converter installed', {
      reason: 'PDF_CONVERTER_MISSING',
    });
    await i18n.changeLanguage('vi');
    expect(errorMessage(t, error)).toBe('Máy chủ chưa cài bộ chuyển đổi PDF');
    await i18n.changeLanguage('en');
    expect(errorMessage(t, error)).toBe('The server has no PDF converter installed');
    await i18n.changeLanguage('vi');
  });
});
