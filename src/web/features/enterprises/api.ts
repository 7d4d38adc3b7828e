import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnterpriseInput, EnterpriseListQuery, EnterprisePatch } from '../../../shared/contracts/enterprises';
import { api } from '../../api/client';
import type { EnterpriseDetail } from '../../api/types';

export type EnterpriseFilters = Partial<Omit<EnterpriseListQuery, 'limit' | 'offset'>> & {
  limit: number;
  offset: number;
};

export const useEnterprises = (f: EnterpriseFilters) =>
  useQuery({
    queryKey: ['enterprises', 'list', f],
    queryFn: ({ signal }) => api.get('/api/enterprises', { query: f, signal }),
    placeholderData: keepPreviousData,
  });
export const useEnterprise = (taxCode: string | null) =>
  useQuery({
    queryKey: ['enterprises', 'detail', taxCode],
    queryFn: ({ signal }) => api.get('/api/enterprises/{taxCode}', { params: { taxCode: taxCode! }, signal }),
    enabled: !!taxCode,
  });
export const useMyEnterprise = () =>
  useQuery({
    queryKey: ['enterprises', 'me'],
    queryFn: ({ signal }) => api.get('/api/enterprises/me', { signal }),
    retry: false,
  });
export const useVsicSections = () =>
  useQuery({
    queryKey: ['vsic', 1],
    queryFn: ({ signal }) => api.get('/api/vsic-codes', { query: { level: 1 }, signal }),
    staleTime: Infinity,
  });

function useEnterpriseWrite<V>(send: (v: V) => Promise<EnterpriseDetail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['enterprises'] }),
  });
}
export const useCreateEnterprise = () =>
  useEnterpriseWrite((body: EnterpriseInput) => api.post('/api/enterprises', { body }));
export const useUpdateEnterprise = (taxCode: string) =>
  useEnterpriseWrite((body: EnterprisePatch & { version: number }) =>
    api.patch('/api/enterprises/{taxCode}', { params: { taxCode }, body }),
  );
export const useResolveCommune = (taxCode: string) =>
  useEnterpriseWrite((communeCode: string) =>
    api.post('/api/enterprises/{taxCode}/resolve-commune', { params: { taxCode }, body: { communeCode } }),
  );

/** Accounts with role `enterprise` matching `q` (each with the enterprise it acts for now), to pick one to link. */
export const useEnterpriseAccounts = (q: string, enabled = true) =>
  useQuery({
    queryKey: ['enterprises', 'accounts', q],
    queryFn: ({ signal }) => api.get('/api/enterprises/accounts', { query: { q: q || undefined }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useLinkedAccounts = (taxCode: string) =>
  useQuery({
    queryKey: ['enterprises', 'accounts', 'of', taxCode],
    queryFn: ({ signal }) => api.get('/api/enterprises/{taxCode}/accounts', { params: { taxCode }, signal }),
  });
export const useLinkAccount = (taxCode: string) =>
  useEnterpriseWrite((userId: string) =>
    api.put('/api/enterprises/{taxCode}/accounts/{userId}', { params: { taxCode, userId } }),
  );
export const useUnlinkAccount = (taxCode: string) =>
  useEnterpriseWrite((userId: string) =>
    api.delete('/api/enterprises/{taxCode}/accounts/{userId}', { params: { taxCode, userId } }),
  );
