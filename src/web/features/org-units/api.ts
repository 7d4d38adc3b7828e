import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { OrgUnitInput, orgUnitDetail, orgUnitListQuery } from '../../../shared/contracts/org-units';
import { api } from '../../api/client';

export type OrgUnitDetail = z.infer<typeof orgUnitDetail>;
export type OrgUnitFilters = Partial<z.infer<typeof orgUnitListQuery>>;

export function useOrgUnits(filters: OrgUnitFilters) {
  return useQuery({
    queryKey: ['org-units', 'list', filters],
    queryFn: ({ signal }) => api.get('/api/org-units', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOrgUnit(id: string | null) {
  return useQuery({
    queryKey: ['org-units', 'detail', id],
    queryFn: ({ signal }) => api.get('/api/org-units/{id}', { params: { id: id! }, signal }),
    enabled: !!id,
  });
}

/**
 * Create when `unit` is null, else patch it from the version the form was opened on (a unit changed meanwhile is
 * refused with STALE_VERSION, not overwritten); every org-unit query (lists, pickers, details) is refreshed.
 */
export function useSaveOrgUnit(unit: { id: string; version: number } | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgUnitInput) =>
      unit
        ? api.patch('/api/org-units/{id}', { params: { id: unit.id }, body: { ...body, version: unit.version } })
        : api.post('/api/org-units', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['org-units'] }),
  });
}
