import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Program, ProgramDetail } from '../../../shared/contracts/programs';
import { api, withQuery } from '../../api/client';

export const programKeys = {
  all: ['programs'] as const,
  list: (q: string) => ['programs', 'list', q] as const,
  detail: (id: string) => ['programs', 'detail', id] as const,
};

export function usePrograms(q: string) {
  return useQuery({
    queryKey: programKeys.list(q),
    queryFn: ({ signal }) => api<{ items: Program[]; total: number }>('GET', withQuery('/api/programs', { q, limit: 200 }), undefined, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProgram(id: string) {
  return useQuery({
    queryKey: programKeys.detail(id),
    queryFn: ({ signal }) => api<ProgramDetail>('GET', `/api/programs/${encodeURIComponent(id)}`, undefined, { signal }),
  });
}
