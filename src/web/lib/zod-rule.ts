import type { FormRule } from 'antd';
import type { z } from 'zod';
import i18n from '../i18n';
import { issueMessage } from './issue-message';

/**
 * An antd Form rule that validates one field's value with a zod schema, usually a field of a
 * shared contract: `rules={[zodRule(personInput.shape.fullName)]}`. The field is marked
 * required (asterisk) when the schema rejects `undefined`.
 */
export function zodRule(schema: z.ZodType): FormRule {
  const required = !schema.safeParse(undefined).success;
  return {
    required,
    async validator(_rule, value: unknown) {
      const result = await schema.safeParseAsync(value);
      if (result.success) return;
      if (value === undefined || value === null) throw new Error(i18n.t('validation.required'));
      throw new Error(issueMessage(i18n.t, result.error.issues[0]));
    },
  };
}

/** For `Form.Item normalize`: an emptied optional text input sends `null`, which `.nullable()` schemas accept. */
export const emptyToNull = (value: unknown) => (value === '' ? null : value);
