import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CorrectionInput, IssueInput } from '../../../shared/contracts/conclusions';
import type { FindingInput, FindingPatch } from '../../../shared/contracts/findings';
import type { AssessmentInput, InspectionListQuery } from '../../../shared/contracts/inspections';
import type { InspectionStatus } from '../../../shared/domain';
import { api } from '../../api/client';

export type InspectionFilters = Partial<Omit<InspectionListQuery, 'limit' | 'offset'>> & {
  limit: number;
  offset: number;
};

export const inspectionKeys = {
  list: (f: InspectionFilters) => ['inspections', 'list', f] as const,
  detail: (id: string) => ['inspections', 'detail', id] as const,
};

export function useInspections(filters: InspectionFilters) {
  return useQuery({
    queryKey: inspectionKeys.list(filters),
    queryFn: ({ signal }) => api.get('/api/inspections', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInspection(id: string) {
  return useQuery({
    queryKey: inspectionKeys.detail(id),
    queryFn: ({ signal }) => api.get('/api/inspections/{id}', { params: { id }, signal }),
  });
}

/** Every write refreshes the workspace, the list and the follow-up board (issue creates follow-ups). */
function useInspectionWrite<V, R>(id: string, send: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: inspectionKeys.detail(id) });
      void client.invalidateQueries({ queryKey: ['inspections', 'list'] });
      void client.invalidateQueries({ queryKey: ['follow-ups'] });
    },
  });
}

export const useTransition = (id: string) =>
  useInspectionWrite(id, ({ to, reason }: { to: InspectionStatus; reason?: string }) =>
    api.post('/api/inspections/{id}/transitions', { params: { id }, body: { to, reason } }),
  );

export const useSaveAssessment = (id: string) =>
  useInspectionWrite(
    id,
    // version: the assessment's as read, 0 for an area never assessed
    ({ contentAreaId, input }: { contentAreaId: string; input: AssessmentInput & { version: number } }) =>
      api.put('/api/inspections/{id}/assessments/{contentAreaId}', { params: { id, contentAreaId }, body: input }),
  );

export const useUploadEvidence = (id: string) =>
  useInspectionWrite(id, ({ contentAreaId, file }: { contentAreaId: string; file: File }) =>
    api.upload('/api/inspections/{id}/assessments/{contentAreaId}/evidence', { params: { id, contentAreaId }, file }),
  );

export const useDeleteAttachment = (id: string) =>
  useInspectionWrite(id, (attachmentId: string) =>
    api.delete('/api/attachments/{id}', { params: { id: attachmentId } }),
  );

export const useSaveFinding = (id: string) =>
  useInspectionWrite(
    id,
    ({ findingId, input }: { findingId?: string; input: FindingInput | (FindingPatch & { version: number }) }) =>
      findingId
        ? api.patch('/api/findings/{id}', { params: { id: findingId }, body: input })
        : // without a finding id the form sends a whole new finding
          api.post('/api/inspections/{id}/findings', { params: { id }, body: input as FindingInput }),
  );

export const useDeleteFinding = (id: string) =>
  useInspectionWrite(id, (findingId: string) => api.delete('/api/findings/{id}', { params: { id: findingId } }));

export const useRespond = (id: string) =>
  useInspectionWrite(id, (text: string) =>
    api.post('/api/inspections/{id}/responses', { params: { id }, body: { text } }),
  );

export const useIssue = (id: string) =>
  useInspectionWrite(id, (input: IssueInput) =>
    api.post('/api/inspections/{id}/conclusion', { params: { id }, body: input }),
  );
export const useCorrect = (id: string) =>
  useInspectionWrite(id, (input: CorrectionInput) =>
    api.post('/api/inspections/{id}/conclusion/corrections', { params: { id }, body: input }),
  );

export const downloadConclusion = (id: string, version?: number) =>
  api.download('/api/inspections/{id}/conclusion.docx', { params: { id }, query: { version } });
export const downloadConclusionPdf = (id: string, version?: number) =>
  api.download('/api/inspections/{id}/conclusion.pdf', { params: { id }, query: { version } });
export const downloadAttachment = (attachmentId: string, fileName: string) =>
  api.download('/api/attachments/{id}', { params: { id: attachmentId }, filename: fileName });
