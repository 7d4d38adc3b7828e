import { MenuOutlined } from '@ant-design/icons';
import { Button, Layout } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SessionUser } from '../../shared/contracts/auth';
import { NotificationBell } from '../features/notifications';
import { LanguageSwitch } from './language-switch';
import { UserMenu } from './user-menu';

export function AppHeader({
  user,
  compact,
  onOpenMenu,
}: {
  user: SessionUser;
  compact: boolean;
  onOpenMenu: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Layout.Header className="app-header">
      {compact && <Button type="text" icon={<MenuOutlined />} aria-label={t('layout.openMenu')} onClick={onOpenMenu} />}
      <Link to="/" className="app-title">
        {compact ? t('app.shortName') : t('app.name')}
      </Link>
      <div className="app-header-actions">
        <NotificationBell />
        <LanguageSwitch />
        <UserMenu user={user} compact={compact} />
      </div>
    </Layout.Header>
  );
}
