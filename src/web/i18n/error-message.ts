import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';
import i18n from './index';

/** The user-facing text for anything thrown by the API client (or anything else), in the current language. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    if (i18n.exists(`errors.${error.code}`)) return t(`errors.${error.code}`);
    // a code this build does not know yet: the server's own (English) message beats nothing
    return error.message || t('errors.INTERNAL');
  }
  return t('errors.INTERNAL');
}
