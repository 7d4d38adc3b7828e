import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PersonInput } from '../../../shared/contracts/people';
import { api } from '../../api/client';

export function usePeople(filters: { q?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: ['people', 'list', filters],
    queryFn: ({ signal }) => api.get('/api/people', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Create when `id` is null, else patch; lists and person pickers are refreshed. */
export function useSavePerson(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonInput) =>
      id ? api.patch('/api/people/{id}', { params: { id }, body }) : api.post('/api/people', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['people'] }),
  });
}
