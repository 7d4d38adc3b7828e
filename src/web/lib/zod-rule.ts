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

/**
 * A Form.List rule from a zod array schema. It reports the list's own problems (length, one head, a person
 * twice); each item's fields have their own rules, so their plain issues are left to them.
 */
export const listRule = (schema: z.ZodType) => ({
  async validator(_rule: unknown, value: unknown) {
    const result = await schema.safeParseAsync(value ?? []);
    const issue = result.error?.issues.find((i) => i.path.length === 0 || i.code === 'custom');
    if (issue) throw new Error(issueMessage(i18n.t, issue));
  },
});

/** For `Form.Item normalize`: an emptied optional text input sends `null`, which `.nullable()` schemas accept. */
export const emptyToNull = (value: unknown) => (value === '' ? null : value);
