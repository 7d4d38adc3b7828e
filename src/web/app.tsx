import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { createQueryClient } from './api/query-client';
import { AppLayout } from './components/app-layout';
import { ErrorBoundary } from './components/error-boundary';
import { ForbiddenResult, NotFoundResult } from './components/page-results';
import { PageSpinner } from './components/query-state';
import { RequireAuth } from './features/auth/require-auth';
import { audienceOf } from '../shared/permissions';
import { useSession } from './features/auth/use-session';
import { appRoutes, ENTERPRISE_HOME, LoginPage, routeVisibleTo, type AppRoute } from './routes';

const theme = { token: { colorPrimary: '#1f4e9c', borderRadius: 6 } };

/** antd follows the i18next language (dayjs is switched in `i18n/index.ts`). */
function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.resolvedLanguage === 'en' ? enUS : viVN} theme={theme}>
      {children}
    </ConfigProvider>
  );
}

function RoutePage({ route }: { route: AppRoute }) {
  const role = useSession().user?.role;
  // an enterprise account has only its own pages: the staff home sends it to its enterprise
  if (!routeVisibleTo(route, role))
    return role && audienceOf(role) === 'enterprise' ? <Navigate to={ENTERPRISE_HOME} replace /> : <ForbiddenResult />;
  const Page = route.page;
  return <Page />;
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <AntApp>
          <BrowserRouter>
            <ErrorBoundary>
              <Suspense fallback={<PageSpinner />}>
                <Routes>
                  <Route path="/login" element={<LoginPage />} />
                  <Route
                    element={
                      <RequireAuth>
                        <AppLayout />
                      </RequireAuth>
                    }
                  >
                    {appRoutes.map((route) => (
                      <Route key={route.path} path={route.path} element={<RoutePage route={route} />} />
                    ))}
                    <Route path="*" element={<NotFoundResult />} />
                  </Route>
                </Routes>
              </Suspense>
            </ErrorBoundary>
          </BrowserRouter>
        </AntApp>
      </LocaleProvider>
    </QueryClientProvider>
  );
}
