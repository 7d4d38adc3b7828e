import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody } from '../../../shared/contracts/auth';
import { api } from '../../api/client';
import { sessionQueryKey } from './use-session';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post('/api/auth/login', { body }),
    onSuccess: ({ user }) => {
      // another account may have used this tab: nothing cached may leak into the new session
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
      queryClient.setQueryData(sessionQueryKey, user);
    },
  });
}
