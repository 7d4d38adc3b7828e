import type { QueryClient } from '@tanstack/react-query';
import { matchPath } from 'react-router-dom';
import { fetchSession, sessionQueryKey } from './features/auth/use-session';
import { seedFromFirstView } from './first-view';
import { dayjsReady, loadFeatureStrings } from './i18n';
import { appRoutes, routeVisibleTo } from './routes';

/** The app shell (menu, header, drawers) with every feature's strings and dayjs' locale: one promise, loaded once. */
let shell: Promise<typeof import('./components/app-layout')> | undefined;
export const loadShell = () =>
  (shell ??= Promise.all([import('./components/app-layout'), loadFeatureStrings(), dayjsReady()]).then(([m]) => m));

/** Pages that need no login and no app shell. */
const outsideTheShell = (path: string) =>
  path === '/login' || path.startsWith('/public/') || path === '/verify' || path.startsWith('/verify/');

/**
 * Opening an address inside the app used to be a chain of waits, each a round trip on a slow link: the scripts, then
 * the session, then the shell and every feature's strings, then the page's code, then the page's read. Here
 * everything that does not depend on another starts at once, before React renders anything: the session probe
 * (already under way: index.html preloads it), the shell and the page's code; the page's first read as soon as the
 * session says someone is logged in who may see the page. Nothing is decided here: RequireAuth and the routes
 * decide from the same cached answers.
 */
export function startEarly(queryClient: QueryClient, path = window.location.pathname): void {
  if (outsideTheShell(path)) return;
  // the page's read may have come with the document (the server's first view): then it is not asked again
  const seeded = seedFromFirstView(queryClient, path);
  const session = queryClient.fetchQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
  });
  void loadShell().catch(() => undefined); // a failed load is retried (and shown) by the lazy layout itself
  const route = appRoutes.find((r) => matchPath(r.path, path));
  if (!route) return;
  void route.page.load().catch(() => undefined);
  const first = route.firstRead;
  if (!first || seeded) return;
  void session
    .then((user) => {
      // asked only for someone logged in who may see the page: a logged-out visit makes no request that fails
      if (user && routeVisibleTo(route, user.role))
        return queryClient.prefetchQuery({ queryKey: first.queryKey, queryFn: () => first.read() });
    })
    .catch(() => undefined); // the page asks again, and shows the error, when it renders
}
