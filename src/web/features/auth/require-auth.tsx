import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorResult, PageSpinner } from '../../components/query-state';
import { useSession } from './use-session';

/** Renders its children for a logged-in user; otherwise goes to /login, which comes back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageSpinner />;
  if (session.isError && !session.user)
    return <ErrorResult error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.user) {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/login" replace state={{ from }} />;
  }
  return <>{children}</>;
}
