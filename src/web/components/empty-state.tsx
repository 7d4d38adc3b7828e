import { InboxOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * What to show where a list or a page has nothing: what is empty, and what to do next (a sentence, a link or a
 * button). Plain markup with one icon, so tables can use it as their `emptyText` instead of antd's bare "Trống".
 */
export function EmptyState({ title, hint, action }: { title: string; hint?: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      <InboxOutlined className="empty-state-icon" aria-hidden />
      <Typography.Text strong>{title}</Typography.Text>
      {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
      {action && <div className="empty-state-action">{action}</div>}
    </div>
  );
}

/** A table's `locale.emptyText`: what the list holds when it has something, and what brings the first one. */
export function EmptyList({ title, hint }: { title: string; hint: string }) {
  const { t } = useTranslation();
  return <EmptyState title={title} hint={`${hint} ${t('emptyList.filtered')}`} />;
}
