import type { FormInstance } from 'antd';
import i18n from '../i18n';
import { issueMessage } from '../lib/issue-message';
import { isApiError } from './client';

/** `body.members.0.role` → `['members', 0, 'role']`; `null` for issues outside the body (query, params). */
export function toNamePath(field: string): (string | number)[] | null {
  const parts = field.split('.');
  if (parts[0] !== 'body') return null;
  const path = parts.slice(1).map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return path.length ? path : null;
}

/**
 * Shows the server's field issues under the form's fields, translated.
 * Returns true when at least one issue landed on a field of this form; otherwise show `errorMessage(t, error)`.
 */
export function applyFieldErrors(form: Pick<FormInstance, 'setFields' | 'getFieldsError'>, error: unknown): boolean {
  if (!isApiError(error)) return false;
  const registered = new Set(form.getFieldsError().map((field) => field.name.join('.')));
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  for (const issue of error.issues) {
    const name = toNamePath(issue.field);
    if (!name) continue;
    const key = name.join('.');
    if (!registered.has(key)) continue;
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(issueMessage(i18n.t, issue));
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return byField.size > 0;
}
