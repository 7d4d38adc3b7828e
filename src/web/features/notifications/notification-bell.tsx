import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatDateTime } from '../../lib/format';
import { useMarkRead, useNotifications } from './api';
import { NoticeText } from './notice-text';

/** The header's bell: the unread count, and the latest notices in a dropdown; opening one marks it read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useNotifications({ limit: 8, offset: 0 }, true);
  const markRead = useMarkRead();
  const unread = data?.unread ?? 0;
  const items = (data?.items ?? []).map((n) => ({
    key: n.id,
    label: (
      <div className={`notification-line${n.readAt ? '' : ' unread'}`} data-kind={n.kind}>
        <NoticeText n={n} />
        <br />
        <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
      </div>
    ),
    onClick: () => {
      if (!n.readAt) markRead.mutate(n.id);
      void navigate(n.path);
    },
  }));
  return (
    // the count sits beside the button, not in it: its digits would be text the button's name does not say
    <Badge count={unread} size="small" overflowCount={99} offset={[-6, 6]} className="notification-bell">
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            ...(items.length ? items : [{ key: 'none', disabled: true, label: t('notifications.none') }]),
            { type: 'divider' as const },
            { key: 'all', label: <Link to="/notifications">{t('notifications.all')}</Link> },
          ],
        }}
      >
        <Button
          type="text"
          aria-label={t('notifications.bell', { count: unread })}
          data-testid="notification-bell"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
        />
      </Dropdown>
    </Badge>
  );
}
