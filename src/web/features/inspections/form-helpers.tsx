import { DatePicker, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import i18n from '../../i18n';
import { issueMessage } from '../../lib/issue-message';

/** Validates a whole form with the API's own request schema; puts each issue under its field. Null when invalid. */
export function parseForm<S extends z.ZodType>(form: FormInstance, schema: S, values: unknown): z.infer<S> | null {
  const result = schema.safeParse(values);
  if (result.success) return result.data;
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of result.error.issues) {
    const name = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issueMessage(i18n.t, issue));
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return null;
}

/** Form.Item props for an ISO date ('YYYY-MM-DD') edited with a dd/mm/yyyy DatePicker. */
export const isoDateItem = {
  getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null),
};

export function DateInput(props: React.ComponentProps<typeof DatePicker>) {
  return <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} {...props} />;
}

/** Recipients are typed one per line. */
export const linesItem = {
  getValueProps: (value: string[] | undefined) => ({ value: (value ?? []).join('\n') }),
  normalize: (value: string) =>
    value
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
};
