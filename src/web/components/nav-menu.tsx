import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../features/auth/use-session';
import { activeMenuKey } from '../lib/active-menu-key';
import { appRoutes, routeVisibleTo, type AppRoute } from '../routes';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';

type Item = NonNullable<MenuProps['items']>[number];
type Group = { key: string; type: 'group'; label: ReactNode; children: Item[] };

/** Entries in route order; those sharing a `menu.group` are gathered under one titled group, at the first one's place. */
function menuItems(entries: AppRoute[], item: (route: AppRoute) => Item, title: (group: ParseKeys) => string): Item[] {
  const out: Item[] = [];
  const groups = new Map<string, Group>();
  for (const route of entries) {
    const group = route.menu!.group;
    if (!group) {
      out.push(item(route));
      continue;
    }
    let g = groups.get(group);
    if (!g) {
      g = { key: `group:${group}`, type: 'group' as const, label: title(group), children: [] };
      groups.set(group, g);
      out.push(g);
    }
    g.children.push(item(route));
  }
  return out;
}

/** The side menu: the routes that have a `menu` entry and that the user's role may see. */
export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const role = useSession().user?.role;
  const entries = appRoutes.filter((route) => route.menu && routeVisibleTo(route, role));
  const selected = activeMenuKey(
    pathname,
    entries.map((route) => route.path),
  );

  return (
    <nav aria-label={t('layout.mainMenu')}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected] : []}
        // the whole item navigates, not only its text: a collapsed sider shows the icon alone, and the menu's own
        // keyboard handling (arrows, then Enter) reaches the item rather than the link; a click on the link has
        // already navigated (the Link prevents the default) and is left alone
        onClick={({ key, domEvent }) => {
          if (domEvent.defaultPrevented) return;
          void navigate(key);
          onNavigate?.();
        }}
        items={menuItems(
          entries,
          (route) => ({
            key: route.path,
            icon: route.menu!.icon,
            label: (
              <Link to={route.path} onClick={onNavigate}>
                {t(route.menu!.title)}
              </Link>
            ),
          }),
          (group) => t(group),
        )}
      />
    </nav>
  );
}
