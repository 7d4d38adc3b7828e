import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { App as AntApp, Drawer, Grid, Layout } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router-dom';
import { useSession } from '../features/auth/use-session';
import { AppHeader } from './app-header';
import { ErrorBoundary } from './error-boundary';
import { NavMenu } from './nav-menu';
import { PageSpinner } from './query-state';

/** The frame around every page after login: header, side menu (a drawer on phones), the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const { user } = useSession();
  const { pathname } = useLocation();
  // undefined before antd has measured: assume a desktop rather than flash the drawer layout
  const compact = Grid.useBreakpoint().md === false;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  if (!user) return null;
  // antd's App (message, notification, modal hooks) lives here: the login page uses none of them
  return (
    <AntApp>
      <Layout className="app-shell">
        <AppHeader user={user} compact={compact} onOpenMenu={() => setDrawerOpen(true)} />
        <Layout hasSider={!compact}>
          {compact ? (
            <Drawer
              placement="left"
              size={280}
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              title={t('app.shortName')}
              className="nav-drawer"
            >
              <NavMenu onNavigate={() => setDrawerOpen(false)} />
            </Drawer>
          ) : (
            <Layout.Sider
              className="app-sider"
              theme="light"
              width={248}
              breakpoint="lg"
              collapsible
              collapsed={collapsed}
              onCollapse={setCollapsed}
              // antd's trigger is a bare div a keyboard cannot reach: a real button inside it (its click bubbles to
              // antd's handler), named and saying whether the menu is expanded
              trigger={
                <button
                  type="button"
                  className="sider-trigger-button"
                  aria-label={collapsed ? t('layout.expandMenu') : t('layout.collapseMenu')}
                  aria-expanded={!collapsed}
                >
                  {collapsed ? <RightOutlined /> : <LeftOutlined />}
                </button>
              }
            >
              <NavMenu />
            </Layout.Sider>
          )}
          <Layout.Content className={compact ? 'app-content app-content-compact' : 'app-content'}>
            <ErrorBoundary key={pathname}>
              <Suspense fallback={<PageSpinner />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          </Layout.Content>
        </Layout>
      </Layout>
    </AntApp>
  );
}
