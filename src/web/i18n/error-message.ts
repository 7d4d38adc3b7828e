import type { TFunction } from 'i18next';
import { isErrorReason, type ReasonParams, reasonText } from '../../shared/error-reasons';
import { isApiError } from '../api/client';
import i18n from './index';

/** A reason's text (src/shared/error-reasons.ts) in the UI language. */
export function reasonMessage(reason: string, params?: ReasonParams): string | null {
  if (!isErrorReason(reason)) return null;
  return reasonText(reason, i18n.language?.startsWith('en') ? 'en' : 'vi', params);
}

/** The user-facing text for anything thrown by the API client (or anything else), in the current language. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error)) {
    // the specific reason (e.g. CODE_TAKEN) says more than the top-level code (CONFLICT)
    const details = error.details as { reason?: unknown; params?: ReasonParams } | null;
    if (typeof details?.reason === 'string') {
      const text = reasonMessage(details.reason, details.params);
      if (text) return text;
    }
    // a server failure: the request id lets the administrator find its log lines
    if (error.status >= 500 && error.requestId)
      return `${t(i18n.exists(`errors.${error.code}`) ? `errors.${error.code}` : 'errors.INTERNAL')} (${error.requestId})`;
    if (i18n.exists(`errors.${error.code}`)) return t(`errors.${error.code}`);
    // a code this build does not know yet: the server's own (English) message beats nothing
    return error.message || t('errors.INTERNAL');
  }
  return t('errors.INTERNAL');
}
