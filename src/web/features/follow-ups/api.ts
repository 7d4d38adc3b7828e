import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  FollowUpAcceptanceInput,
  FollowUpListQuery,
  FollowUpUpdateInput,
} from '../../../shared/contracts/follow-ups';
import { api } from '../../api/client';
import type { FollowUpDetail } from '../../api/types';

export type FollowUpFilters = Partial<Omit<FollowUpListQuery, 'limit' | 'offset'>> & { limit: number; offset: number };

export const followUpKeys = {
  all: ['follow-ups'] as const,
  list: (f: FollowUpFilters) => ['follow-ups', 'list', f] as const,
  detail: (id: string) => ['follow-ups', 'detail', id] as const,
};

export function useFollowUps(filters: FollowUpFilters) {
  return useQuery({
    queryKey: followUpKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/follow-ups', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useFollowUp(id: string | null) {
  return useQuery({
    queryKey: followUpKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get('/api/follow-ups/{id}', { params: { id: id! }, signal }),
    enabled: !!id,
  });
}

/** After any write: the detail comes back in the answer; lists and the dashboard counts are refetched. */
function useFollowUpWrite<V>(id: string, send: (vars: V) => Promise<FollowUpDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => {
      client.setQueryData(followUpKeys.detail(id), detail);
      void client.invalidateQueries({ queryKey: ['follow-ups', 'list'] });
      void client.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

export const useReportProgress = (id: string) =>
  useFollowUpWrite(id, (body: FollowUpUpdateInput) =>
    api.post('/api/follow-ups/{id}/updates', { params: { id }, body }),
  );

export const useDecide = (id: string) =>
  useFollowUpWrite(id, (body: FollowUpAcceptanceInput) =>
    api.post('/api/follow-ups/{id}/acceptance', { params: { id }, body }),
  );

export const useUploadEvidence = (id: string) =>
  useFollowUpWrite(id, (file: File) => api.upload('/api/follow-ups/{id}/evidence', { params: { id }, file }));
