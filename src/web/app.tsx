import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { releaseFirstView } from './first-view';
import { loadShell } from './boot';
import { dayjsReady, loadFeatureStrings } from './i18n';
import { ErrorBoundary } from './components/error-boundary';
import { PageSpinner } from './components/query-state';
import { RequireAuth } from './features/auth/require-auth';
import { audienceOf } from '../shared/permissions';
import { useSession } from './features/auth/use-session';
import { appRoutes, ENTERPRISE_HOME, LoginPage, routeVisibleTo, type AppRoute } from './routes';
import { theme } from './theme';

// The shell (menu, header, drawers) and the result pages load after login: the login page needs none of them.
const AppLayout = lazy(() => loadShell().then((m) => ({ default: m.AppLayout })));
const ForbiddenResult = lazy(() => import('./components/page-results').then((m) => ({ default: m.ForbiddenResult })));
// the published follow-up status: no login, no app shell, its feature's strings loaded first
const PublicProgramPage = lazy(() =>
  Promise.all([import('./features/publications/public-program-page'), loadFeatureStrings(), dayjsReady()]).then(
    ([m]) => m,
  ),
);
// checking an issued document by its verification code: no login, no app shell either
const VerifyPage = lazy(() =>
  Promise.all([import('./features/inspections/verify-page'), loadFeatureStrings(), dayjsReady()]).then(([m]) => m),
);
const NotFoundResult = lazy(() => import('./components/page-results').then((m) => ({ default: m.NotFoundResult })));

/** antd follows the i18next language (dayjs is switched in `i18n/index.ts`). */
function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.resolvedLanguage === 'en' ? enUS : viVN} theme={theme}>
      {children}
    </ConfigProvider>
  );
}

/** Going to another address (the login page included) leaves the server's first view of the opened one. */
function ReleaseFirstViewOnNavigation() {
  const { pathname } = useLocation();
  const opened = useRef(pathname);
  useEffect(() => {
    if (pathname !== opened.current) releaseFirstView();
  }, [pathname]);
  return null;
}

function RoutePage({ route }: { route: AppRoute }) {
  const role = useSession().user?.role;
  // an enterprise account has only its own pages: the staff home sends it to its enterprise
  if (!routeVisibleTo(route, role))
    return role && audienceOf(role) === 'enterprise' ? <Navigate to={ENTERPRISE_HOME} replace /> : <ForbiddenResult />;
  const Page = route.page;
  return <Page />;
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <LocaleProvider>
        <BrowserRouter>
          <ReleaseFirstViewOnNavigation />
          <ErrorBoundary>
            <Suspense fallback={<PageSpinner />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/public/programs/:id" element={<PublicProgramPage />} />
                <Route path="/verify" element={<VerifyPage />} />
                <Route path="/verify/:code" element={<VerifyPage />} />
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
      </LocaleProvider>
    </QueryClientProvider>
  );
}
