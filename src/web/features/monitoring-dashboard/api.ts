import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Indicator, IndicatorInput, IndicatorPatch } from '../../../shared/contracts/indicators';
import type {
  FindingLink,
  FindingLinkInput,
  MonitoringDashboard,
  MonitoringPlan,
  UnitOverview,
} from '../../../shared/contracts/monitoring';
import type {
  MonitoringFile,
  Task,
  TaskDetail,
  TaskInput,
  TaskPatch,
  TaskProgressInput,
} from '../../../shared/contracts/program-tasks';
import type {
  ReportDetail,
  ReportReviewInput,
  ReportRevisionInput,
  ReportSaveInput,
  Round,
  RoundDetail,
  RoundInput,
} from '../../../shared/contracts/reporting-rounds';
import { api, apiUpload, withQuery } from '../../api/client';

type Params = Record<string, string | number | undefined>;
const enc = encodeURIComponent;

/** Every monitoring query starts with 'monitoring', so one invalidation refreshes dashboards, lists and pages. */
export const monitoringKey = ['monitoring'] as const;

export const useMonitoringDashboard = (q: Params) =>
  useQuery({
    queryKey: ['monitoring', 'dashboard', q],
    queryFn: ({ signal }) =>
      api<MonitoringDashboard>('GET', withQuery('/api/monitoring/dashboard', q), undefined, { signal }),
    placeholderData: keepPreviousData,
  });
export const usePlans = () =>
  useQuery({
    queryKey: ['monitoring', 'plans'],
    queryFn: ({ signal }) => api<MonitoringPlan[]>('GET', '/api/monitoring-plans', undefined, { signal }),
  });

export const useIndicators = (q: Params) =>
  useQuery({
    queryKey: ['monitoring', 'indicators', q],
    queryFn: ({ signal }) =>
      api<{ items: Indicator[]; total: number }>('GET', withQuery('/api/indicators', q), undefined, { signal }),
    placeholderData: keepPreviousData,
  });
export const useTasks = (q: Params) =>
  useQuery({
    queryKey: ['monitoring', 'tasks', q],
    queryFn: ({ signal }) =>
      api<{ items: Task[]; total: number }>('GET', withQuery('/api/program-tasks', q), undefined, { signal }),
    placeholderData: keepPreviousData,
  });
export const useTask = (id: string | null) =>
  useQuery({
    queryKey: ['monitoring', 'task', id],
    enabled: !!id,
    queryFn: ({ signal }) => api<TaskDetail>('GET', `/api/program-tasks/${enc(id!)}`, undefined, { signal }),
  });
export const useRounds = (q: Params) =>
  useQuery({
    queryKey: ['monitoring', 'rounds', q],
    queryFn: ({ signal }) =>
      api<{ items: Round[]; total: number }>('GET', withQuery('/api/reporting-rounds', q), undefined, { signal }),
    placeholderData: keepPreviousData,
  });
export const useRound = (id: string) =>
  useQuery({
    queryKey: ['monitoring', 'round', id],
    queryFn: ({ signal }) => api<RoundDetail>('GET', `/api/reporting-rounds/${enc(id)}`, undefined, { signal }),
  });
export const reportPath = (roundId: string, orgUnitId: string) =>
  `/api/reporting-rounds/${enc(roundId)}/reports/${enc(orgUnitId)}`;
export const useReport = (roundId: string, orgUnitId: string) =>
  useQuery({
    queryKey: ['monitoring', 'report', roundId, orgUnitId],
    queryFn: ({ signal }) => api<ReportDetail>('GET', reportPath(roundId, orgUnitId), undefined, { signal }),
  });
export const useUnitOverview = (id: string) =>
  useQuery({
    queryKey: ['monitoring', 'overview', id],
    queryFn: ({ signal }) => api<UnitOverview>('GET', `/api/org-units/${enc(id)}/overview`, undefined, { signal }),
  });
export const useFindingLinks = (inspectionId: string) =>
  useQuery({
    queryKey: ['monitoring', 'finding-links', inspectionId],
    queryFn: ({ signal }) =>
      api<FindingLink[]>('GET', withQuery('/api/finding-links', { inspectionId }), undefined, { signal }),
  });

/** A write that refreshes everything monitoring shows (and the report it answered with). */
function useMonitoringWrite<V, R>(send: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => void client.invalidateQueries({ queryKey: monitoringKey }) });
}

export const useSaveIndicator = (id: string | null) =>
  useMonitoringWrite((body: IndicatorInput | (IndicatorPatch & { version: number })) =>
    id ? api<Indicator>('PATCH', `/api/indicators/${enc(id)}`, body) : api<Indicator>('POST', '/api/indicators', body),
  );
export const useCreateTask = () =>
  useMonitoringWrite((body: TaskInput) => api<Task>('POST', '/api/program-tasks', body));
export const useUpdateTask = (id: string) =>
  useMonitoringWrite((body: TaskPatch) => api<TaskDetail>('PATCH', `/api/program-tasks/${enc(id)}`, body));
export const useTaskProgress = (id: string) =>
  useMonitoringWrite((body: TaskProgressInput) =>
    api<TaskDetail>('POST', `/api/program-tasks/${enc(id)}/updates`, body),
  );
export const useCreateRound = () =>
  useMonitoringWrite((body: RoundInput) => api<RoundDetail>('POST', '/api/reporting-rounds', body));
export const useSetRoundStatus = (id: string) =>
  useMonitoringWrite((status: 'open' | 'closed') =>
    api<RoundDetail>('PATCH', `/api/reporting-rounds/${enc(id)}`, { status }),
  );
export const useSaveReport = (roundId: string, unitId: string) =>
  useMonitoringWrite((body: ReportSaveInput) => api<ReportDetail>('PUT', reportPath(roundId, unitId), body));
export const useSubmitReport = (roundId: string, unitId: string) =>
  useMonitoringWrite(() => api<ReportDetail>('POST', `${reportPath(roundId, unitId)}/submit`));
export const useReviewReport = (roundId: string, unitId: string) =>
  useMonitoringWrite((body: ReportReviewInput) =>
    api<ReportDetail>('POST', `${reportPath(roundId, unitId)}/review`, body),
  );
export const useReviseReport = (roundId: string, unitId: string) =>
  useMonitoringWrite((body: ReportRevisionInput) =>
    api<ReportDetail>('POST', `${reportPath(roundId, unitId)}/revisions`, body),
  );
export const useImportReport = (roundId: string, unitId: string) =>
  useMonitoringWrite((file: File) => {
    const form = new FormData();
    form.append('file', file);
    return apiUpload<ReportDetail>(`${reportPath(roundId, unitId)}/import.xlsx`, form);
  });
export const useReportEvidence = (roundId: string, unitId: string) =>
  useMonitoringWrite((file: File) => {
    const form = new FormData();
    form.append('file', file);
    return apiUpload<ReportDetail>(`${reportPath(roundId, unitId)}/evidence`, form);
  });
/** Evidence for one indicator value of the report; answers with that value's files (the report query is refreshed too). */
export const useValueEvidence = (roundId: string, unitId: string, indicatorId: string) =>
  useMonitoringWrite((file: File) => {
    const form = new FormData();
    form.append('file', file);
    return apiUpload<MonitoringFile[]>(`${reportPath(roundId, unitId)}/values/${enc(indicatorId)}/evidence`, form);
  });
export const useLinkFinding = () =>
  useMonitoringWrite((body: FindingLinkInput) => api<FindingLink>('POST', '/api/finding-links', body));
export const useUnlinkFinding = () =>
  useMonitoringWrite((id: string) => api<void>('DELETE', `/api/finding-links/${enc(id)}`));
