import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnalyticsDimension, ChangeDimension } from '../../../shared/contracts/dx-analytics';
import type { SizeClass } from '../../../shared/enterprises/size-class';
import { api } from '../../api/client';

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
  sizeClass?: SizeClass;
}

export const filterParams = (f: AnalyticsFilters) => ({
  frameworkVersionId: f.frameworkVersionId,
  year: f.year,
  commune: f.commune,
  district: f.district,
  sector: f.sector,
  sizeClass: f.sizeClass,
});

/** Saves the breakdown as a workbook or CSV (the same cells the table shows). */
export const downloadBreakdown = (f: AnalyticsFilters, groupBy: AnalyticsDimension[], format: 'xlsx' | 'csv') =>
  api.download('/api/dx/analytics/export', { query: { ...filterParams(f), groupBy: groupBy.join(','), format } });

export const useAnalyticsOptions = () =>
  useQuery({
    queryKey: ['dx-analytics', 'options'],
    queryFn: ({ signal }) => api.get('/api/dx/analytics/options', { signal }),
  });

export const useBreakdown = (f: AnalyticsFilters, groupBy: AnalyticsDimension[], enabled = true) =>
  useQuery({
    queryKey: ['dx-analytics', 'breakdown', f, groupBy],
    queryFn: ({ signal }) =>
      api.get('/api/dx/analytics/breakdown', { query: { ...filterParams(f), groupBy: groupBy.join(',') }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useChange = (f: AnalyticsFilters, groupBy: ChangeDimension[]) =>
  useQuery({
    queryKey: ['dx-analytics', 'change', f, groupBy],
    queryFn: ({ signal }) =>
      api.get('/api/dx/analytics/change', { query: { ...filterParams(f), groupBy: groupBy.join(',') }, signal }),
    placeholderData: keepPreviousData,
  });

export const useMovers = (f: AnalyticsFilters, dimension: 'commune' | 'sector', fromYear?: number, toYear?: number) =>
  useQuery({
    queryKey: ['dx-analytics', 'movers', f, dimension, fromYear, toYear],
    queryFn: ({ signal }) =>
      api.get('/api/dx/analytics/movers', {
        query: { ...filterParams({ ...f, year: undefined }), dimension, fromYear, toYear, limit: 5 },
        signal,
      }),
    enabled: fromYear !== undefined && toYear !== undefined && fromYear !== toYear,
  });

export const useCommuneShapes = () =>
  useQuery({
    queryKey: ['dx-analytics', 'geojson'],
    // the route does not describe its GeoJSON (unknown); the map hands it to ECharts as an object
    queryFn: async ({ signal }) => (await api.get('/api/dx/analytics/communes.geojson', { signal })) as object,
    staleTime: Infinity,
  });

export const useImportJobs = () =>
  useQuery({
    queryKey: ['dx-imports'],
    queryFn: ({ signal }) => api.get('/api/dx/imports', { signal }),
    // poll while an import runs: the job row is the progress bar's source
    refetchInterval: (q) => (q.state.data?.some((j) => j.status === 'running') ? 1000 : false),
  });

export function useStartImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: 'enterprises' | 'assessments'; file: File }) =>
      api.upload('/api/dx/imports', { query: { kind }, file }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['dx-imports'] }),
  });
}
