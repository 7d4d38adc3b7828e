import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FrameworkDiff, FrameworkSummary } from '../../../shared/contracts/dx-frameworks';
import { api } from '../../api/client';

type VersionResult = { code: string; version: number; status: string; definitionSha256: string };

export const useFrameworks = () =>
  useQuery({
    queryKey: ['dx-frameworks', 'list'],
    queryFn: ({ signal }) => api<FrameworkSummary[]>('GET', '/api/dx/frameworks', undefined, { signal }),
  });
export const useDiff = (code: string | undefined, from: number | undefined, to: number | undefined) =>
  useQuery({
    queryKey: ['dx-frameworks', 'diff', code, from, to],
    queryFn: ({ signal }) =>
      api<FrameworkDiff>(
        'GET',
        `/api/dx/frameworks/${encodeURIComponent(code!)}/diff?from=${from}&to=${to}`,
        undefined,
        { signal },
      ),
    enabled: !!code && !!from && !!to && from !== to,
  });
function useFrameworkWrite<V>(send: (v: V) => Promise<VersionResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['dx-frameworks', 'list'] }),
  });
}
export const useImportFramework = () =>
  useFrameworkWrite((definition: unknown) => api<VersionResult>('POST', '/api/dx/frameworks/import', definition));
export const usePublish = () =>
  useFrameworkWrite(({ code, version }: { code: string; version: number }) =>
    api<VersionResult>('POST', `/api/dx/frameworks/${encodeURIComponent(code)}/versions/${version}/publish`),
  );
