import { Tag, Typography } from 'antd';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUpStatus } from '../../../shared/domain';
import { formatDate } from '../../lib/format';
import type { FollowUpItem } from '../../api/types';

const statusColors: Record<FollowUpStatus, string> = { open: 'default', in_progress: 'processing', done: 'success' };

export function FollowUpStatusTag({ item }: { item: Pick<FollowUpItem, 'status' | 'accepted' | 'withdrawn'> }) {
  const { t } = useTranslation();
  if (item.withdrawn) return <Tag>{t('followUps.withdrawn')}</Tag>;
  if (item.accepted) return <Tag color="green">{t('followUps.acceptedAt')}</Tag>;
  return <Tag color={statusColors[item.status]}>{t(`followUps.status.${item.status}`)}</Tag>;
}

export function FollowUpKindTag({ kind }: { kind: FollowUpItem['kind'] }) {
  const { t } = useTranslation();
  return <Tag color={kind === 'remedy' ? 'volcano' : 'blue'}>{t(`followUps.kind.${kind}`)}</Tag>;
}

/** The due date, with a red "N days overdue" under it when it has passed. */
export function DueDate({ item }: { item: Pick<FollowUpItem, 'dueDate' | 'overdue' | 'daysOverdue'> }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text type={item.overdue ? 'danger' : undefined}>{formatDate(item.dueDate)}</Typography.Text>
      {item.overdue && (
        <div>
          <Tag color="red">{t('followUps.overdueDays', { count: item.daysOverdue })}</Tag>
        </div>
      )}
    </div>
  );
}

/** Overdue rows stand out in every follow-up table. */
export const overdueRowStyle = (item: Pick<FollowUpItem, 'overdue'>): CSSProperties =>
  item.overdue ? { background: '#fff1f0' } : {};
