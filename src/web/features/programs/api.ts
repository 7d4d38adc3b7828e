import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CommitteeInput, ProgramInput } from '../../../shared/contracts/programs';
import { api } from '../../api/client';

export const programKeys = {
  all: ['programs'] as const,
  list: (q: string) => ['programs', 'list', q] as const,
  detail: (id: string) => ['programs', 'detail', id] as const,
};

export function usePrograms(q: string) {
  return useQuery({
    queryKey: programKeys.list(q),
    queryFn: ({ signal }) => api.get('/api/programs', { query: { q, limit: 200 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProgram(id: string) {
  return useQuery({
    queryKey: programKeys.detail(id),
    queryFn: ({ signal }) => api.get('/api/programs/{id}', { params: { id }, signal }),
  });
}

/** A write that refreshes every program query (lists and pages) when it succeeds. */
function useProgramMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: programKeys.all }) });
}

/** Creates, or patches `program` from the version the form was opened on (changed meanwhile: STALE_VERSION). */
export const useSaveProgram = () =>
  useProgramMutation(({ program, input }: { program?: { id: string; version: number }; input: ProgramInput }) =>
    program
      ? api.patch('/api/programs/{id}', {
          params: { id: program.id },
          body: { ...input, version: program.version },
        })
      : api.post('/api/programs', { body: input }),
  );

/** The committee is part of the program: it names the program's version the form was opened on. */
export const useSaveCommittee = (program: { id: string; version: number }) =>
  useProgramMutation((input: CommitteeInput) =>
    api.put('/api/programs/{id}/committee', {
      params: { id: program.id },
      body: { ...input, version: program.version },
    }),
  );
