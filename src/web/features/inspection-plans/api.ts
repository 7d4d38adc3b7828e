import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PlanInput,
  PlanPatch,
  TargetInput,
  TargetPatch,
  TeamInput,
  TeamPatch,
} from '../../../shared/contracts/inspection-plans';
import { api } from '../../api/client';

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
    queryFn: ({ signal }) => api.get('/api/inspection-plans', { query: { ...filter, limit: 200 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: string) {
  return useQuery({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => api.get('/api/inspection-plans/{id}', { params: { id }, signal }),
  });
}

/** A write that refreshes every plan query (lists, the plan page, its warnings) when it succeeds. */
function usePlanMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: planKeys.all }) });
}

export const useCreatePlan = () =>
  usePlanMutation((input: PlanInput) => api.post('/api/inspection-plans', { body: input }));

export const useUpdatePlan = (id: string) =>
  usePlanMutation((patch: PlanPatch & { version: number }) =>
    api.patch('/api/inspection-plans/{id}', { params: { id }, body: patch }),
  );

/** Adds a team, or (given the team's id and the version the form was opened on) edits it. */
export const useSaveTeam = (planId: string) =>
  usePlanMutation(({ team, input }: { team?: { id: string; version: number }; input: TeamInput }) => {
    if (!team) return api.post('/api/inspection-plans/{id}/teams', { params: { id: planId }, body: input });
    const patch: TeamPatch = { name: input.name, members: input.members };
    return api.patch('/api/inspection-teams/{id}', {
      params: { id: team.id },
      body: { ...patch, version: team.version },
    });
  });

export const useDeleteTeam = () =>
  usePlanMutation((teamId: string) => api.delete('/api/inspection-teams/{id}', { params: { id: teamId } }));

export const useAddTarget = () =>
  usePlanMutation(({ teamId, input }: { teamId: string; input: TargetInput }) =>
    api.post('/api/inspection-teams/{id}/targets', { params: { id: teamId }, body: input }),
  );

export const useMoveTarget = () =>
  usePlanMutation(
    ({
      teamId,
      inspectionId,
      patch,
    }: {
      teamId: string;
      inspectionId: string;
      patch: TargetPatch & { version: number };
    }) =>
      api.patch('/api/inspection-teams/{teamId}/targets/{inspectionId}', {
        params: { teamId, inspectionId },
        body: patch,
      }),
  );

export const useRemoveTarget = () =>
  usePlanMutation(({ teamId, inspectionId }: { teamId: string; inspectionId: string }) =>
    api.delete('/api/inspection-teams/{teamId}/targets/{inspectionId}', { params: { teamId, inspectionId } }),
  );

export const downloadPlan = (planId: string, ext: 'docx' | 'xlsx') =>
  api.download(`/api/inspection-plans/{id}/export.${ext}`, { params: { id: planId } });
