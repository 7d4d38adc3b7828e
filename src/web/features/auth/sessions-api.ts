import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PasswordChangeBody } from '../../../shared/contracts/auth';
import { api } from '../../api/client';
import type { SessionInfo } from '../../api/types';

export type SessionRow = SessionInfo;

const key = ['auth', 'sessions'];

export function useMySessions(enabled: boolean) {
  return useQuery({
    queryKey: key,
    enabled,
    queryFn: ({ signal }) => api.get('/api/auth/sessions', { signal }),
  });
}

export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete('/api/auth/sessions/{id}', { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useEndOtherSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete('/api/auth/sessions'),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordChangeBody) => api.post('/api/auth/password', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
