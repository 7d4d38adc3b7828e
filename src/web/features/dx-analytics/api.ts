import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnalyticsDimension,
  AnalyticsOptions,
  BreakdownResult,
  ImportJob,
  MoversResult,
} from '../../../shared/contracts/dx-analytics';
import { api, apiUpload, withQuery } from '../../api/client';

/**
 * Filters as the API takes them: one value each, absent = all (the API serves cells of its publication cube only;
 * several values at once could be subtracted from one another). A commune or a district, not both.
 */
export interface AnalyticsFilters {
  frameworkVersionId?: string;
  year?: number;
  commune?: string;
  district?: string;
  sector?: string;
  sizeClass?: string;
}

export const filterParams = (f: AnalyticsFilters) => ({
  frameworkVersionId: f.frameworkVersionId,
  year: f.year,
  commune: f.commune,
  district: f.district,
  sector: f.sector,
  sizeClass: f.sizeClass,
});

export const breakdownUrl = (f: AnalyticsFilters, groupBy: AnalyticsDimension[], extra: Record<string, string> = {}) =>
  withQuery('/api/dx/analytics/breakdown', { ...filterParams(f), groupBy: groupBy.join(','), ...extra });

export const useAnalyticsOptions = () =>
  useQuery({
    queryKey: ['dx-analytics', 'options'],
    queryFn: ({ signal }) => api<AnalyticsOptions>('GET', '/api/dx/analytics/options', undefined, { signal }),
  });

export const useBreakdown = (f: AnalyticsFilters, groupBy: AnalyticsDimension[], enabled = true) =>
  useQuery({
    queryKey: ['dx-analytics', 'breakdown', f, groupBy],
    queryFn: ({ signal }) => api<BreakdownResult>('GET', breakdownUrl(f, groupBy), undefined, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useMovers = (f: AnalyticsFilters, dimension: 'commune' | 'sector', fromYear?: number, toYear?: number) =>
  useQuery({
    queryKey: ['dx-analytics', 'movers', f, dimension, fromYear, toYear],
    queryFn: ({ signal }) =>
      api<MoversResult>(
        'GET',
        withQuery('/api/dx/analytics/movers', {
          ...filterParams({ ...f, year: undefined }),
          dimension,
          fromYear,
          toYear,
          limit: 5,
        }),
        undefined,
        { signal },
      ),
    enabled: fromYear !== undefined && toYear !== undefined && fromYear !== toYear,
  });

export const useCommuneShapes = () =>
  useQuery({
    queryKey: ['dx-analytics', 'geojson'],
    queryFn: ({ signal }) => api<object>('GET', '/api/dx/analytics/communes.geojson', undefined, { signal }),
    staleTime: Infinity,
  });

export const useImportJobs = () =>
  useQuery({
    queryKey: ['dx-imports'],
    queryFn: ({ signal }) => api<ImportJob[]>('GET', '/api/dx/imports', undefined, { signal }),
    // poll while an import runs: the job row is the progress bar's source
    refetchInterval: (q) => (q.state.data?.some((j) => j.status === 'running') ? 1000 : false),
  });

export function useStartImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: 'enterprises' | 'assessments'; file: File }) => {
      const form = new FormData();
      form.append('file', file);
      return apiUpload<ImportJob>(`/api/dx/imports?kind=${kind}`, form);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['dx-imports'] }),
  });
}
