import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommitteeInput, Program, ProgramDetail, ProgramInput } from '../../../shared/contracts/programs';
import { api, withQuery } from '../../api/client';

export const programKeys = {
  all: ['programs'] as const,
  list: (q: string) => ['programs', 'list', q] as const,
  detail: (id: string) => ['programs', 'detail', id] as const,
};

export function usePrograms(q: string) {
  return useQuery({
    queryKey: programKeys.list(q),
    queryFn: ({ signal }) =>
      api<{ items: Program[]; total: number }>('GET', withQuery('/api/programs', { q, limit: 200 }), undefined, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useProgram(id: string) {
  return useQuery({
    queryKey: programKeys.detail(id),
    queryFn: ({ signal }) =>
      api<ProgramDetail>('GET', `/api/programs/${encodeURIComponent(id)}`, undefined, { signal }),
  });
}

/** A write that refreshes every program query (lists and pages) when it succeeds. */
function useProgramMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: programKeys.all }) });
}

export const useSaveProgram = () =>
  useProgramMutation(({ id, input }: { id?: string; input: ProgramInput }) =>
    id ? api<ProgramDetail>('PATCH', `/api/programs/${id}`, input) : api<ProgramDetail>('POST', '/api/programs', input),
  );

export const useSaveCommittee = (id: string) =>
  useProgramMutation((input: CommitteeInput) => api<ProgramDetail>('PUT', `/api/programs/${id}/committee`, input));
