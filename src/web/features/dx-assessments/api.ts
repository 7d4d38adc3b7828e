import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssessmentDetail,
  AssessmentItem,
  AssessmentListQuery,
  AssessmentReport,
  StaleAnswer,
} from '../../../shared/contracts/dx-assessments';
import type { FrameworkDefinition } from '../../../shared/dx/framework-format';
import { api, withQuery } from '../../api/client';
import { isStaleVersion } from '../../components/stale-version-alert';

export type AssessmentFilters = Partial<Omit<AssessmentListQuery, 'limit' | 'offset'>> & {
  limit: number;
  offset: number;
};
const path = (id: string) => `/api/dx/assessments/${encodeURIComponent(id)}`;

export const useAssessments = (f: AssessmentFilters) =>
  useQuery({
    queryKey: ['dx-assessments', 'list', f],
    queryFn: ({ signal }) =>
      api<{ items: AssessmentItem[]; total: number }>('GET', withQuery('/api/dx/assessments', f), undefined, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
export const useAssessment = (id: string) =>
  useQuery({
    queryKey: ['dx-assessments', 'detail', id],
    queryFn: ({ signal }) => api<AssessmentDetail>('GET', path(id), undefined, { signal }),
  });
export const useAssessmentReport = (id: string) =>
  useQuery({
    queryKey: ['dx-assessments', 'report', id],
    queryFn: ({ signal }) => api<AssessmentReport>('GET', `${path(id)}/report`, undefined, { signal }),
  });
/** A framework version's definition (published versions are frozen, so cached for good). */
export const useFrameworkVersion = (code: string | undefined, version: number | undefined) =>
  useQuery({
    queryKey: ['dx-frameworks', code, version],
    queryFn: ({ signal }) =>
      api<FrameworkDefinition>(
        'GET',
        `/api/dx/frameworks/${encodeURIComponent(code!)}/versions/${version}`,
        undefined,
        { signal },
      ),
    enabled: !!code && !!version,
    staleTime: Infinity,
  });

function useAssessmentWrite<V, R extends AssessmentDetail = AssessmentDetail>(id: string, send: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => {
      client.setQueryData(['dx-assessments', 'detail', id], detail);
      void client.invalidateQueries({ queryKey: ['dx-assessments', 'list'] });
      void client.invalidateQueries({ queryKey: ['dx-assessments', 'report', id] });
    },
  });
}
/**
 * Saves changed answers, each with the version of the question it was based on: a question someone else changed
 * since comes back as 409 STALE_VERSION with `details.questions` (see `staleAnswersOf`), and nothing is saved.
 */
export const useSaveAnswers = (id: string) =>
  useAssessmentWrite(id, (patch: { answers: Record<string, unknown>; versions: Record<string, number> }) =>
    api<AssessmentDetail>('PATCH', `${path(id)}/answers`, patch),
  );
export const useSubmit = (id: string) =>
  useAssessmentWrite(id, () => api<AssessmentDetail>('POST', `${path(id)}/submit`));
export const useVerify = (id: string) =>
  useAssessmentWrite(id, (comment?: string) => api<AssessmentDetail>('POST', `${path(id)}/verify`, { comment }));
/** Moves the assessment onto a newer published version; the answers that version no longer accepts come back as `droppedAnswers`. */
export const useRescore = (id: string) =>
  useAssessmentWrite(id, (version: number) =>
    api<AssessmentDetail & { droppedAnswers: string[] }>('POST', `${path(id)}/rescore`, { version }),
  );
export const useReturn = (id: string) =>
  useAssessmentWrite(id, (comment: string) => api<AssessmentDetail>('POST', `${path(id)}/return`, { comment }));

export function useStartAssessment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { year: number; frameworkCode: string; taxCode?: string }) =>
      api<AssessmentDetail>('POST', '/api/dx/assessments', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['dx-assessments', 'list'] }),
  });
}

/** The questions of an answers write refused as stale (409 STALE_VERSION `details.questions`), or null for any other error. */
export function staleAnswersOf(e: unknown): StaleAnswer[] | null {
  if (!isStaleVersion(e)) return null;
  const questions = (e.details as { questions?: unknown } | null)?.questions;
  return Array.isArray(questions) ? (questions as StaleAnswer[]) : null;
}
