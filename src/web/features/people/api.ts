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

/**
 * Create when `person` is null, else patch it from the version the form was opened on (a person changed meanwhile
 * is refused with STALE_VERSION, not overwritten); lists and person pickers are refreshed.
 */
export function useSavePerson(person: { id: string; version: number } | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonInput) =>
      person
        ? api.patch('/api/people/{id}', { params: { id: person.id }, body: { ...body, version: person.version } })
        : api.post('/api/people', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['people'] }),
  });
}
