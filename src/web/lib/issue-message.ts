import type { TFunction } from 'i18next';
import type { ReasonParams } from '../../shared/error-reasons';
import i18n from '../i18n';
import { reasonMessage } from '../i18n/error-message';

/** A zod issue, or a field issue from the server (`code`: an ErrorReason or a zod issue code). */
export interface IssueLike {
  message: string;
  code?: string;
  params?: Record<string, unknown>;
  origin?: string;
  format?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

type ValidationKey = keyof (typeof import('../i18n/common'))['commonStrings']['vi']['validation'];

const formatKeys: Record<string, ValidationKey> = { email: 'email', date: 'isoDate', uuid: 'uuid' };

/**
 * Translates a validation issue: a reason first (the server's `code`, or a shared schema's message, which is a
 * reason code), then an i18n key written by a web-only schema, then by zod issue code, else the message as is.
 */
export function issueMessage(t: TFunction, issue: IssueLike): string {
  const params = issue.params as ReasonParams | undefined;
  const reason = (issue.code && reasonMessage(issue.code, params)) || reasonMessage(issue.message, params);
  if (reason) return reason;
  if (/^[\w-]+(\.[\w-]+)+$/.test(issue.message) && i18n.exists(issue.message)) {
    return (t as unknown as (key: string) => string)(issue.message);
  }
  const max = issue.maximum === undefined ? undefined : Number(issue.maximum);
  const min = issue.minimum === undefined ? undefined : Number(issue.minimum);
  const isText = issue.origin === 'string';
  const isList = issue.origin === 'array' || issue.origin === 'set';
  switch (issue.code) {
    case 'too_big':
      if (max !== undefined)
        return t(isText ? 'validation.tooLong' : isList ? 'validation.tooManyItems' : 'validation.tooBig', { max });
      break;
    case 'too_small':
      if (min !== undefined && isText) return min <= 1 ? t('validation.notEmpty') : t('validation.tooShort', { min });
      if (min !== undefined) return t(isList ? 'validation.tooFewItems' : 'validation.tooSmall', { min });
      break;
    case 'invalid_format':
      return t(`validation.${formatKeys[issue.format ?? ''] ?? 'invalid'}`);
    case 'invalid_type':
      if (issue.expected === 'int') return t('validation.integer');
      if (issue.expected === 'number') return t('validation.number');
      return t('validation.invalid');
    case 'invalid_value':
      return t('validation.invalidOption');
    case 'unrecognized_keys':
      return t('validation.unknownField');
  }
  return issue.message || t('validation.invalid');
}
