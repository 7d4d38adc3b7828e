import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssessmentListQuery, AssessmentStartInput, StaleAnswer } from '../../../shared/contracts/dx-assessments';
import type { FrameworkDefinition } from '../../../shared/dx/framework-format';
import type { Answers } from '../../../shared/dx/answers';
import { api, type ApiBody } from '../../api/client';
import { isStaleVersion } from '../../components/stale-version-alert';

type AnswersBody = ApiBody<'PATCH', '/api/dx/assessments/{id}/answers'>['answers'];
import type { AssessmentDetail } from '../../api/types';

export type AssessmentFilters = Partial<Omit<AssessmentListQuery, 'limit' | 'offset'>> & {
  limit: number;
  offset: number;
};

export const useAssessments = (f: AssessmentFilters) =>
  useQuery({
    queryKey: ['dx-assessments', 'list', f],
    queryFn: ({ signal }) => api.get('/api/dx/assessments', { query: f, signal }),
    placeholderData: keepPreviousData,
  });
export const useAssessment = (id: string) =>
  useQuery({
    queryKey: ['dx-assessments', 'detail', id],
    queryFn: ({ signal }) => api.get('/api/dx/assessments/{id}', { params: { id }, signal }),
  });
export const useAssessmentReport = (id: string) =>
  useQuery({
    queryKey: ['dx-assessments', 'report', id],
    queryFn: ({ signal }) => api.get('/api/dx/assessments/{id}/report', { params: { id }, signal }),
  });
/** A framework version's definition (published versions are frozen, so cached for good). */
export const useFrameworkVersion = (code: string | undefined, version: number | undefined) =>
  useQuery({
    queryKey: ['dx-frameworks', code, version],
    queryFn: async ({ signal }) =>
      // the route answers the stored definition as plain JSON (its format was checked on import)
      (await api.get('/api/dx/frameworks/{code}/versions/{version}', {
        params: { code: code!, version: version! },
        signal,
      })) as FrameworkDefinition,
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
  useAssessmentWrite(id, (patch: { answers: Answers; versions: Record<string, number> }) =>
    // each answer is checked against its question on the server (and by checkAnswer in the form)
    api.patch('/api/dx/assessments/{id}/answers', {
      params: { id },
      body: { answers: patch.answers as AnswersBody, versions: patch.versions },
    }),
  );
export const useSubmit = (id: string) =>
  useAssessmentWrite(id, () => api.post('/api/dx/assessments/{id}/submit', { params: { id } }));
export const useVerify = (id: string) =>
  useAssessmentWrite(id, (comment?: string) =>
    api.post('/api/dx/assessments/{id}/verify', { params: { id }, body: { comment } }),
  );
/** Moves the assessment onto a newer published version; the answers that version no longer accepts come back as `droppedAnswers`. */
export const useRescore = (id: string) =>
  useAssessmentWrite(id, (version: number) =>
    api.post('/api/dx/assessments/{id}/rescore', { params: { id }, body: { version } }),
  );
export const useReturn = (id: string) =>
  useAssessmentWrite(id, (comment: string) =>
    api.post('/api/dx/assessments/{id}/return', { params: { id }, body: { comment } }),
  );

export function useStartAssessment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AssessmentStartInput) => api.post('/api/dx/assessments', { body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['dx-assessments', 'list'] }),
  });
}

/** The evidence file answering a file question: upload (answers the assessment) and download. */
export const uploadQuestionEvidence = (id: string, questionCode: string, file: Blob) =>
  api.upload('/api/dx/assessments/{id}/evidence/{questionCode}', { params: { id, questionCode }, file });
export const downloadQuestionEvidence = (id: string, questionCode: string) =>
  api.download('/api/dx/assessments/{id}/evidence/{questionCode}', { params: { id, questionCode } });
export const downloadReportDocx = (id: string) =>
  api.download('/api/dx/assessments/{id}/report.docx', { params: { id } });

/** The questions of an answers write refused as stale (409 STALE_VERSION `details.questions`), or null for any other error. */
export function staleAnswersOf(e: unknown): StaleAnswer[] | null {
  if (!isStaleVersion(e)) return null;
  const questions = (e.details as { questions?: unknown } | null)?.questions;
  return Array.isArray(questions) ? (questions as StaleAnswer[]) : null;
}
