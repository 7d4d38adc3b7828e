import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useCan } from '../features/auth/use-can';
import { useSession } from '../features/auth/use-session';
import { activeMenuKey } from '../lib/active-menu-key';
import { appRoutes, routeVisibleTo } from '../routes';

/** The side menu: the routes that have a `menu` entry and that the user's role may see. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const { pathname } = useLocation();
  const role = useSession().user?.role;
  const entries = appRoutes.filter((route) => route.menu && routeVisibleTo(route, role) && (!route.permission || can(route.permission)));
  const selected = activeMenuKey(pathname, entries.map((route) => route.path));

  return (
    <nav aria-label={t('layout.mainMenu')}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected] : []}
        items={entries.map((route) => ({
          key: route.path,
          icon: route.menu!.icon,
          label: <Link to={route.path} onClick={onNavigate}>{t(route.menu!.title)}</Link>,
        }))}
      />
    </nav>
  );
}
