import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PasswordChangeBody, SessionInfo } from '../../../shared/contracts/auth';
import { api } from '../../api/client';

/** Dates arrive as ISO strings over JSON. */
export type SessionRow = Omit<SessionInfo, 'createdAt' | 'lastSeenAt' | 'expiresAt'> & {
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
};

const key = ['auth', 'sessions'];

export function useMySessions(enabled: boolean) {
  return useQuery({
    queryKey: key,
    enabled,
    queryFn: ({ signal }) => api<{ items: SessionRow[] }>('GET', '/api/auth/sessions', undefined, { signal }),
  });
}

export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api('DELETE', `/api/auth/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useEndOtherSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ended: number }>('DELETE', '/api/auth/sessions'),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordChangeBody) => api('POST', '/api/auth/password', body),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
