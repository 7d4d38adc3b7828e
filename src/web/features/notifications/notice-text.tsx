import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import type { NotificationItem } from './api';

// the kinds whose notice carries the reviewer's comment
const withComment = ['report.returned', 'dxAssessment.returned', 'dxAssessment.verified'];

/** One notification's sentence in the UI language, from its kind and parameters. */
export function NoticeText({ n }: { n: NotificationItem }) {
  const { t } = useTranslation();
  const p = n.params;
  const dueDate = typeof p.dueDate === 'string' ? formatDate(p.dueDate) : '';
  return (
    <>
      {t(`notifications.text.${n.kind}`, { ...p, dueDate })}
      {withComment.includes(n.kind) && p.comment ? ` — ${t('notifications.comment', { comment: p.comment })}` : ''}
      {n.kind === 'report.revisionWaiting' && p.reason ? ` — ${t('notifications.reason', { reason: p.reason })}` : ''}
    </>
  );
}
