import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IndicatorInput, IndicatorPatch } from '../../../shared/contracts/indicators';
import type { FindingLinkInput } from '../../../shared/contracts/monitoring';
import type { TaskInput, TaskPatch, TaskProgressInput } from '../../../shared/contracts/program-tasks';
import type {
  ReportReviewInput,
  ReportRevisionInput,
  ReportSaveInput,
  RoundInput,
} from '../../../shared/contracts/reporting-rounds';
import { api, type ApiQuery } from '../../api/client';

/** Every monitoring query starts with 'monitoring', so one invalidation refreshes dashboards, lists and pages. */
export const monitoringKey = ['monitoring'] as const;

export const useMonitoringDashboard = (q: ApiQuery<'GET', '/api/monitoring/dashboard'>) =>
  useQuery({
    queryKey: ['monitoring', 'dashboard', q],
    queryFn: ({ signal }) => api.get('/api/monitoring/dashboard', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
export const usePlans = () =>
  useQuery({
    queryKey: ['monitoring', 'plans'],
    queryFn: ({ signal }) => api.get('/api/monitoring-plans', { signal }),
  });

export const useIndicators = (q: ApiQuery<'GET', '/api/indicators'>) =>
  useQuery({
    queryKey: ['monitoring', 'indicators', q],
    queryFn: ({ signal }) => api.get('/api/indicators', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
export const useTasks = (q: ApiQuery<'GET', '/api/program-tasks'>) =>
  useQuery({
    queryKey: ['monitoring', 'tasks', q],
    queryFn: ({ signal }) => api.get('/api/program-tasks', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
export const useTask = (id: string | null) =>
  useQuery({
    queryKey: ['monitoring', 'task', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get('/api/program-tasks/{id}', { params: { id: id! }, signal }),
  });
export const useRounds = (q: ApiQuery<'GET', '/api/reporting-rounds'>) =>
  useQuery({
    queryKey: ['monitoring', 'rounds', q],
    queryFn: ({ signal }) => api.get('/api/reporting-rounds', { query: q, signal }),
    placeholderData: keepPreviousData,
  });
export const useRound = (id: string) =>
  useQuery({
    queryKey: ['monitoring', 'round', id],
    queryFn: ({ signal }) => api.get('/api/reporting-rounds/{id}', { params: { id }, signal }),
  });
export const useReport = (roundId: string, orgUnitId: string) =>
  useQuery({
    queryKey: ['monitoring', 'report', roundId, orgUnitId],
    queryFn: ({ signal }) =>
      api.get('/api/reporting-rounds/{id}/reports/{orgUnitId}', { params: { id: roundId, orgUnitId }, signal }),
  });
export const useUnitOverview = (id: string) =>
  useQuery({
    queryKey: ['monitoring', 'overview', id],
    queryFn: ({ signal }) => api.get('/api/org-units/{id}/overview', { params: { id }, signal }),
  });
export const useFindingLinks = (inspectionId: string) =>
  useQuery({
    queryKey: ['monitoring', 'finding-links', inspectionId],
    queryFn: ({ signal }) => api.get('/api/finding-links', { query: { inspectionId }, signal }),
  });

/** A write that refreshes everything monitoring shows (and the report it answered with). */
function useMonitoringWrite<V, R>(send: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => void client.invalidateQueries({ queryKey: monitoringKey }) });
}

const report = (roundId: string, orgUnitId: string) => ({ id: roundId, orgUnitId });

export const useSaveIndicator = (id: string | null) =>
  useMonitoringWrite((body: IndicatorInput | (IndicatorPatch & { version: number })) =>
    id
      ? api.patch('/api/indicators/{id}', { params: { id }, body })
      : // without an id the form sends a whole new indicator
        api.post('/api/indicators', { body: body as IndicatorInput }),
  );
export const useCreateTask = () => useMonitoringWrite((body: TaskInput) => api.post('/api/program-tasks', { body }));
export const useUpdateTask = (id: string) =>
  useMonitoringWrite((body: TaskPatch & { version: number }) =>
    api.patch('/api/program-tasks/{id}', { params: { id }, body }),
  );
/** A progress note moves the task: it names the task's version the page read (changed meanwhile: STALE_VERSION). */
export const useTaskProgress = (id: string) =>
  useMonitoringWrite((body: TaskProgressInput & { version: number }) =>
    api.post('/api/program-tasks/{id}/updates', { params: { id }, body }),
  );
export const useCreateRound = () =>
  useMonitoringWrite((body: RoundInput) => api.post('/api/reporting-rounds', { body }));
export const useSetRoundStatus = (id: string) =>
  useMonitoringWrite((status: 'open' | 'closed') =>
    api.patch('/api/reporting-rounds/{id}', { params: { id }, body: { status } }),
  );
export const useSaveReport = (roundId: string, unitId: string) =>
  useMonitoringWrite((body: ReportSaveInput) =>
    api.put('/api/reporting-rounds/{id}/reports/{orgUnitId}', { params: report(roundId, unitId), body }),
  );
export const useSubmitReport = (roundId: string, unitId: string) =>
  useMonitoringWrite(() =>
    api.post('/api/reporting-rounds/{id}/reports/{orgUnitId}/submit', { params: report(roundId, unitId) }),
  );
export const useReviewReport = (roundId: string, unitId: string) =>
  useMonitoringWrite((body: ReportReviewInput) =>
    api.post('/api/reporting-rounds/{id}/reports/{orgUnitId}/review', { params: report(roundId, unitId), body }),
  );
export const useReviseReport = (roundId: string, unitId: string) =>
  useMonitoringWrite((body: ReportRevisionInput) =>
    api.post('/api/reporting-rounds/{id}/reports/{orgUnitId}/revisions', { params: report(roundId, unitId), body }),
  );
export const useImportReport = (roundId: string, unitId: string) =>
  useMonitoringWrite((file: File) =>
    api.upload('/api/reporting-rounds/{id}/reports/{orgUnitId}/import.xlsx', { params: report(roundId, unitId), file }),
  );
export const useReportEvidence = (roundId: string, unitId: string) =>
  useMonitoringWrite((file: File) =>
    api.upload('/api/reporting-rounds/{id}/reports/{orgUnitId}/evidence', { params: report(roundId, unitId), file }),
  );
/** Evidence for one indicator value of the report; answers with that value's files (the report query is refreshed too). */
export const useValueEvidence = (roundId: string, unitId: string, indicatorId: string) =>
  useMonitoringWrite((file: File) =>
    api.upload('/api/reporting-rounds/{id}/reports/{orgUnitId}/values/{indicatorId}/evidence', {
      params: { ...report(roundId, unitId), indicatorId },
      file,
    }),
  );
export const useLinkFinding = () =>
  useMonitoringWrite((body: FindingLinkInput) => api.post('/api/finding-links', { body }));
export const useUnlinkFinding = () =>
  useMonitoringWrite((id: string) => api.delete('/api/finding-links/{id}', { params: { id } }));

/** The files a page offers to download, each from its route. */
export const downloadReportTemplate = (roundId: string, orgUnitId: string) =>
  api.download('/api/reporting-rounds/{id}/reports/{orgUnitId}/template.xlsx', { params: report(roundId, orgUnitId) });
export const downloadMonitoringFile = (id: string, filename: string) =>
  api.download('/api/monitoring-files/{id}', { params: { id }, filename });
export const downloadRoundSummary = (roundId: string) =>
  api.download('/api/reporting-rounds/{id}/summary.docx', { params: { id: roundId } });
export const downloadDashboard = (q: ApiQuery<'GET', '/api/monitoring/dashboard.xlsx'>) =>
  api.download('/api/monitoring/dashboard.xlsx', { query: q });
