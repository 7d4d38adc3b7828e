import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EnrolmentInput,
  SupportGivenInput,
  SupportProgramInput,
  SupportProgramPatch,
} from '../../../shared/contracts/support-programs';
import { api } from '../../api/client';

const keys = { all: ['support-programs'] as const };

export const useSupportPrograms = (q: string) =>
  useQuery({
    queryKey: [...keys.all, 'list', q],
    queryFn: ({ signal }) => api.get('/api/support-programs', { query: { q: q || undefined, limit: 200 }, signal }),
    placeholderData: keepPreviousData,
  });

export const useSupportProgram = (id: string) =>
  useQuery({
    queryKey: [...keys.all, 'detail', id],
    queryFn: ({ signal }) => api.get('/api/support-programs/{id}', { params: { id }, signal }),
  });

export const useImpact = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: [...keys.all, 'impact', id],
    queryFn: ({ signal }) => api.get('/api/support-programs/{id}/impact', { params: { id }, signal }),
    enabled,
  });

/** A program's enrolments (staff), or without a program the caller's own firm's (an enterprise account). */
export const useEnrolments = (programId: string | undefined, enabled = true) =>
  useQuery({
    queryKey: [...keys.all, 'enrolments', programId ?? 'mine'],
    queryFn: ({ signal }) => api.get('/api/support-enrolments', { query: { programId, limit: 500 }, signal }),
    enabled,
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

export const useCreateSupportProgram = () =>
  useWrite((body: SupportProgramInput) => api.post('/api/support-programs', { body }));
export const useUpdateSupportProgram = (id: string) =>
  useWrite((body: SupportProgramPatch & { version: number }) =>
    api.patch('/api/support-programs/{id}', { params: { id }, body }),
  );
export const useEnrol = (id: string) =>
  useWrite((body: EnrolmentInput) => api.post('/api/support-programs/{id}/enrolments', { params: { id }, body }));
export const useImportEnrolments = (id: string) =>
  useWrite((file: File) => api.upload('/api/support-programs/{id}/enrolments/import', { params: { id }, file }));
export const useAddSupport = () =>
  useWrite(({ enrolmentId, ...body }: SupportGivenInput & { enrolmentId: string }) =>
    api.post('/api/support-enrolments/{id}/support', { params: { id: enrolmentId }, body }),
  );
