import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CorrectionInput, IssueInput } from '../../../shared/contracts/conclusions';
import type { FindingInput, FindingPatch } from '../../../shared/contracts/findings';
import type {
  AssessmentInput,
  InspectionDetail,
  InspectionListItem,
  InspectionListQuery,
} from '../../../shared/contracts/inspections';
import type { InspectionStatus } from '../../../shared/domain';
import { api, apiDownload, apiUpload, withQuery } from '../../api/client';

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
    queryFn: ({ signal }) =>
      api<{ items: InspectionListItem[]; total: number }>('GET', withQuery('/api/inspections', filters), undefined, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useInspection(id: string) {
  return useQuery({
    queryKey: inspectionKeys.detail(id),
    queryFn: ({ signal }) =>
      api<InspectionDetail>('GET', `/api/inspections/${encodeURIComponent(id)}`, undefined, { signal }),
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

const base = (id: string) => `/api/inspections/${encodeURIComponent(id)}`;

export const useTransition = (id: string) =>
  useInspectionWrite(id, (to: InspectionStatus) => api<InspectionDetail>('POST', `${base(id)}/transitions`, { to }));

export const useSaveAssessment = (id: string) =>
  useInspectionWrite(id, ({ contentAreaId, input }: { contentAreaId: string; input: AssessmentInput }) =>
    api('PUT', `${base(id)}/assessments/${encodeURIComponent(contentAreaId)}`, input),
  );

export const useUploadEvidence = (id: string) =>
  useInspectionWrite(id, ({ contentAreaId, file }: { contentAreaId: string; file: File }) => {
    const form = new FormData();
    form.append('file', file);
    return apiUpload(`${base(id)}/assessments/${encodeURIComponent(contentAreaId)}/evidence`, form);
  });

export const useDeleteAttachment = (id: string) =>
  useInspectionWrite(id, (attachmentId: string) =>
    api('DELETE', `/api/attachments/${encodeURIComponent(attachmentId)}`),
  );

export const useSaveFinding = (id: string) =>
  useInspectionWrite(
    id,
    ({ findingId, input }: { findingId?: string; input: FindingInput | (FindingPatch & { version: number }) }) =>
      findingId
        ? api('PATCH', `/api/findings/${encodeURIComponent(findingId)}`, input)
        : api('POST', `${base(id)}/findings`, input),
  );

export const useDeleteFinding = (id: string) =>
  useInspectionWrite(id, (findingId: string) => api('DELETE', `/api/findings/${encodeURIComponent(findingId)}`));

export const useRespond = (id: string) =>
  useInspectionWrite(id, (text: string) => api('POST', `${base(id)}/responses`, { text }));

type Issued = { id: string; number: string; version: number; contentSha256: string };
export const useIssue = (id: string) =>
  useInspectionWrite(id, (input: IssueInput) => api<Issued>('POST', `${base(id)}/conclusion`, input));
export const useCorrect = (id: string) =>
  useInspectionWrite(id, (input: CorrectionInput) => api<Issued>('POST', `${base(id)}/conclusion/corrections`, input));

export const downloadConclusion = (id: string, version?: number) =>
  apiDownload(withQuery(`${base(id)}/conclusion.docx`, { version }));
export const downloadAttachment = (attachmentId: string, fileName: string) =>
  apiDownload(`/api/attachments/${encodeURIComponent(attachmentId)}`, fileName);
