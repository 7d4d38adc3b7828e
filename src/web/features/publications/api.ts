import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Wire } from '../../../shared/fields';
import type { PublicationState } from '../../../shared/contracts/publications';

const keys = {
  state: (inspectionId: string) => ['publications', 'state', inspectionId] as const,
  programs: ['publications', 'public-programs'] as const,
  feed: (programId: string) => ['publications', 'feed', programId] as const,
};

export const usePublication = (inspectionId: string) =>
  useQuery({
    queryKey: keys.state(inspectionId),
    queryFn: ({ signal }) => api.get('/api/inspections/{id}/publication', { params: { id: inspectionId }, signal }),
  });

function useStateWrite<V>(inspectionId: string, send: (v: V) => Promise<Wire<PublicationState>>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (state) => client.setQueryData(keys.state(inspectionId), state),
  });
}

export const usePublish = (inspectionId: string) =>
  useStateWrite(inspectionId, (version: number) =>
    api.put('/api/inspections/{id}/publication', { params: { id: inspectionId }, body: { version } }),
  );

export const useWithdraw = (inspectionId: string) =>
  useStateWrite(inspectionId, (v: { reason: string; version: number }) =>
    api.post('/api/inspections/{id}/publication/withdrawal', { params: { id: inspectionId }, body: v }),
  );

export const usePublicPrograms = () =>
  useQuery({ queryKey: keys.programs, queryFn: ({ signal }) => api.get('/api/public/programs', { signal }) });

export const usePublicFeed = (programId: string) =>
  useQuery({
    queryKey: keys.feed(programId),
    queryFn: ({ signal }) =>
      api.get('/api/public/programs/{id}/recommendations', { params: { id: programId }, signal }),
  });
