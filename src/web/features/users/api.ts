import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UserInput, UserPatch, userAccount } from '../../../shared/contracts/users';
import { api, withQuery } from '../../api/client';

export type UserAccount = z.infer<typeof userAccount>;

export function useUsers(page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['users', 'list', page],
    queryFn: ({ signal }) =>
      api<{ items: UserAccount[]; total: number }>('GET', withQuery('/api/users', page), undefined, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UserInput) => api<UserAccount>('POST', '/api/users', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function useUpdateUser(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UserPatch) => api<UserAccount>('PATCH', `/api/users/${encodeURIComponent(id)}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}
