import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { UserInput, UserPatch, userAccount } from '../../../shared/contracts/users';
import type { Wire } from '../../../shared/fields';
import { api } from '../../api/client';

export type UserAccount = Wire<z.infer<typeof userAccount>>;

export function useUsers(page: { limit: number; offset: number }) {
  return useQuery({
    queryKey: ['users', 'list', page],
    queryFn: ({ signal }) => api.get('/api/users', { query: page, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UserInput) => api.post('/api/users', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** Patches the account from the version the dialog was opened on: one changed meanwhile is refused (STALE_VERSION). */
export function useUpdateUser(user: { id: string; version: number }) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UserPatch) =>
      api.patch('/api/users/{id}', { params: { id: user.id }, body: { ...body, version: user.version } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}
