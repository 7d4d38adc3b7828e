import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import i18n from '../../i18n';
import { issueMessage } from '../../lib/issue-message';

export const DATE_FORMAT = 'DD/MM/YYYY';

/**
 * Form.Item props that keep an ISO date string ('YYYY-MM-DD') in the form — what the API and the zod
 * contract expect — while the DatePicker shows and edits a dayjs value.
 */
export const isoDateItem = {
  getValueProps: (value?: string | null) => ({ value: value ? dayjs(value) : undefined }),
  normalize: (value?: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined),
};

/** The same for a RangePicker over two ISO dates. */
export const isoRangeItem = {
  getValueProps: (value?: [string, string] | null) => ({ value: value ? [dayjs(value[0]), dayjs(value[1])] : undefined }),
  normalize: (value?: [Dayjs, Dayjs] | null) => (value ? [value[0].format('YYYY-MM-DD'), value[1].format('YYYY-MM-DD')] : undefined),
};

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
