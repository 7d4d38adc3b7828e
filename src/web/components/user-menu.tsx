import { LaptopOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space, Tag, Tooltip, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../shared/contracts/auth';
import { useLogout } from '../features/auth/use-logout';
import { errorMessage } from '../i18n/error-message';

// opened from the menu now and then: its code (a table and a form) loads when it is first opened
const SessionsDrawer = lazy(() =>
  import('../features/auth/sessions-drawer').then((m) => ({ default: m.SessionsDrawer })),
);

/** The user's name and role with a logout button; on a phone, folded into a dropdown. */
export function UserMenu({ user, compact }: { user: SessionUser; compact: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const logout = useLogout();
  const onLogout = () => logout.mutate(undefined, { onError: (error) => void message.error(errorMessage(t, error)) });
  const role = t(`roles.${user.role}`);
  const [sessionsOpen, setSessionsOpen] = useState(false);
  const drawer = sessionsOpen && (
    <Suspense fallback={null}>
      <SessionsDrawer open onClose={() => setSessionsOpen(false)} />
    </Suspense>
  );

  if (compact) {
    return (
      <>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'who', disabled: true, label: <UserSummary name={user.displayName} role={role} /> },
              { type: 'divider' },
              {
                key: 'sessions',
                icon: <LaptopOutlined />,
                label: t('auth.sessions'),
                onClick: () => setSessionsOpen(true),
              },
              { key: 'logout', icon: <LogoutOutlined />, label: t('layout.logout'), onClick: onLogout },
            ],
          }}
        >
          <Button type="text" icon={<UserOutlined />} aria-label={t('layout.account')} />
        </Dropdown>
        {drawer}
      </>
    );
  }

  return (
    <Space size="small">
      <UserOutlined aria-hidden />
      <Typography.Text strong className="user-name" title={user.orgUnitName ?? undefined}>
        {user.displayName}
      </Typography.Text>
      <Tag variant="filled" color="blue">
        {role}
      </Tag>
      <Tooltip title={t('auth.sessions')}>
        <Button icon={<LaptopOutlined />} aria-label={t('auth.sessions')} onClick={() => setSessionsOpen(true)} />
      </Tooltip>
      <Button icon={<LogoutOutlined />} onClick={onLogout} loading={logout.isPending}>
        {t('layout.logout')}
      </Button>
      {drawer}
    </Space>
  );
}

function UserSummary({ name, role }: { name: string; role: string }) {
  return (
    <div>
      <Typography.Text strong>{name}</Typography.Text>
      <br />
      <Typography.Text type="secondary">{role}</Typography.Text>
    </div>
  );
}
