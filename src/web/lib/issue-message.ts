import type { TFunction } from 'i18next';
import i18n from '../i18n';

/** A zod issue, or a field issue from the server (which carries only `message` and `code`). */
export interface IssueLike {
  message: string;
  code?: string;
  origin?: string;
  format?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

type ValidationKey = keyof (typeof import('../i18n/common'))['commonStrings']['vi']['validation'];

/** The custom messages written in `src/shared` schemas, mapped to their translation. */
const sharedMessages: Record<string, ValidationKey> = {
  'must not be empty': 'notEmpty',
  'must not contain control characters or broken Unicode': 'plainText',
  'must be a UUID': 'uuid',
  'must be a date YYYY-MM-DD': 'isoDate',
  'must be an e-mail address': 'email',
  'letters, digits and . _ - / only': 'codeChars',
  'digits, spaces and + ( ) . - only': 'phoneChars',
  'unknown field': 'unknownField',
};

const formatKeys: Record<string, ValidationKey> = { email: 'email', date: 'isoDate', uuid: 'uuid' };

/** Translates a validation issue: a known message or i18n key first, then by zod issue code, else the message as is. */
export function issueMessage(t: TFunction, issue: IssueLike): string {
  const known = sharedMessages[issue.message];
  if (known) return t(`validation.${known}`);
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
