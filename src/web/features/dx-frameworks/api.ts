import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FrameworkVersionResult } from '../../../shared/contracts/dx-frameworks';
import { api } from '../../api/client';

export const useFrameworks = () =>
  useQuery({
    queryKey: ['dx-frameworks', 'list'],
    queryFn: ({ signal }) => api.get('/api/dx/frameworks', { signal }),
  });
export const useDiff = (code: string | undefined, from: number | undefined, to: number | undefined) =>
  useQuery({
    queryKey: ['dx-frameworks', 'diff', code, from, to],
    queryFn: ({ signal }) =>
      api.get('/api/dx/frameworks/{code}/diff', { params: { code: code! }, query: { from: from!, to: to! }, signal }),
    enabled: !!code && !!from && !!to && from !== to,
  });
function useFrameworkWrite<V>(send: (v: V) => Promise<FrameworkVersionResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['dx-frameworks', 'list'] }),
  });
}
export const useImportFramework = () =>
  useFrameworkWrite((definition: unknown) =>
    // any JSON the admin picked: the server checks it is a definition and answers 400 naming what is wrong
    api.post('/api/dx/frameworks/import', { body: definition as Record<string, unknown> }),
  );
export const usePublish = () =>
  useFrameworkWrite(({ code, version }: { code: string; version: number }) =>
    api.post('/api/dx/frameworks/{code}/versions/{version}/publish', { params: { code, version } }),
  );
