import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Person, PersonInput } from '../../../shared/contracts/people';
import { api, withQuery } from '../../api/client';

export function usePeople(filters: { q?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: ['people', 'list', filters],
    queryFn: ({ signal }) =>
      api<{ items: Person[]; total: number }>('GET', withQuery('/api/people', filters), undefined, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Create when `id` is null, else patch; lists and person pickers are refreshed. */
export function useSavePerson(id: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonInput) =>
      id
        ? api<Person>('PATCH', `/api/people/${encodeURIComponent(id)}`, body)
        : api<Person>('POST', '/api/people', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['people'] }),
  });
}
