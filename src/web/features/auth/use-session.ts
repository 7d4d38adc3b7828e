import { useQuery } from '@tanstack/react-query';
import type { SessionUser } from '../../../shared/contracts/auth';
import { api, isApiError } from '../../api/client';

export const sessionQueryKey = ['auth', 'session'] as const;

/**
 * The logged-in user, or null when there is no session. The probe answers 200 with `user: null` rather than a 401,
 * so a logged-out visit logs no error in the browser's console.
 */
export async function fetchSession(signal?: AbortSignal): Promise<SessionUser | null> {
  try {
    const { user } = await api.get('/api/auth/session', { signal });
    return user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  const query = useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 5 * 60_000,
  });
  return { ...query, user: query.data ?? null };
}
