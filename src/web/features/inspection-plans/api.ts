import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PlanDetail,
  PlanInput,
  PlanListItem,
  PlanPatch,
  Target,
  TargetInput,
  TargetPatch,
  Team,
  TeamInput,
  TeamPatch,
} from '../../../shared/contracts/inspection-plans';
import { api, apiDownload, withQuery } from '../../api/client';

export const planKeys = {
  all: ['inspection-plans'] as const,
  list: (filter: PlanFilter) => ['inspection-plans', 'list', filter] as const,
  detail: (id: string) => ['inspection-plans', 'detail', id] as const,
};

export interface PlanFilter {
  q: string;
  year?: number;
  programId?: string;
}

export function usePlans(filter: PlanFilter) {
  return useQuery({
    queryKey: planKeys.list(filter),
    queryFn: ({ signal }) =>
      api<{ items: PlanListItem[]; total: number }>(
        'GET',
        withQuery('/api/inspection-plans', { ...filter, limit: 200 }),
        undefined,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) =>
      api<PlanDetail>('GET', `/api/inspection-plans/${encodeURIComponent(id)}`, undefined, { signal }),
  });
}

/** A write that refreshes every plan query (lists, the plan page, its warnings) when it succeeds. */
function usePlanMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: planKeys.all }) });
}

export const useCreatePlan = () =>
  usePlanMutation((input: PlanInput) => api<PlanDetail>('POST', '/api/inspection-plans', input));

export const useUpdatePlan = (id: string) =>
  usePlanMutation((patch: PlanPatch & { version: number }) =>
    api<PlanDetail>('PATCH', `/api/inspection-plans/${id}`, patch),
  );

export const useSaveTeam = (planId: string) =>
  usePlanMutation(({ teamId, input }: { teamId?: string; input: TeamInput }) => {
    if (!teamId) return api<Team>('POST', `/api/inspection-plans/${planId}/teams`, input);
    const patch: TeamPatch = { name: input.name, members: input.members };
    return api<Team>('PATCH', `/api/inspection-teams/${teamId}`, patch);
  });

export const useDeleteTeam = () =>
  usePlanMutation((teamId: string) => api<{ ok: true }>('DELETE', `/api/inspection-teams/${teamId}`));

export const useAddTarget = () =>
  usePlanMutation(({ teamId, input }: { teamId: string; input: TargetInput }) =>
    api<Target>('POST', `/api/inspection-teams/${teamId}/targets`, input),
  );

export const useMoveTarget = () =>
  usePlanMutation(({ teamId, inspectionId, patch }: { teamId: string; inspectionId: string; patch: TargetPatch }) =>
    api<Target>('PATCH', `/api/inspection-teams/${teamId}/targets/${inspectionId}`, patch),
  );

export const useRemoveTarget = () =>
  usePlanMutation(({ teamId, inspectionId }: { teamId: string; inspectionId: string }) =>
    api<{ ok: true }>('DELETE', `/api/inspection-teams/${teamId}/targets/${inspectionId}`),
  );

export const downloadPlan = (planId: string, ext: 'docx' | 'xlsx') =>
  apiDownload(`/api/inspection-plans/${planId}/export.${ext}`);
