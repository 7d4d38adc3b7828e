import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  EnterpriseAccount,
  EnterpriseDetail,
  EnterpriseInput,
  EnterpriseItem,
  EnterpriseListQuery,
  EnterprisePatch,
} from '../../../shared/contracts/enterprises';
import { api, withQuery } from '../../api/client';

export type EnterpriseFilters = Partial<Omit<EnterpriseListQuery, 'limit' | 'offset'>> & {
  limit: number;
  offset: number;
};
const path = (taxCode: string) => `/api/enterprises/${encodeURIComponent(taxCode)}`;

export const useEnterprises = (f: EnterpriseFilters) =>
  useQuery({
    queryKey: ['enterprises', 'list', f],
    queryFn: ({ signal }) =>
      api<{ items: EnterpriseItem[]; total: number }>('GET', withQuery('/api/enterprises', f), undefined, { signal }),
    placeholderData: keepPreviousData,
  });
export const useEnterprise = (taxCode: string | null) =>
  useQuery({
    queryKey: ['enterprises', 'detail', taxCode],
    queryFn: ({ signal }) => api<EnterpriseDetail>('GET', path(taxCode!), undefined, { signal }),
    enabled: !!taxCode,
  });
export const useMyEnterprise = () =>
  useQuery({
    queryKey: ['enterprises', 'me'],
    queryFn: ({ signal }) => api<EnterpriseDetail>('GET', '/api/enterprises/me', undefined, { signal }),
    retry: false,
  });
export const useVsicSections = () =>
  useQuery({
    queryKey: ['vsic', 1],
    queryFn: ({ signal }) =>
      api<{ code: string; nameVi: string; nameEn: string }[]>('GET', '/api/vsic-codes?level=1', undefined, { signal }),
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
  useEnterpriseWrite((body: EnterpriseInput) => api<EnterpriseDetail>('POST', '/api/enterprises', body));
export const useUpdateEnterprise = (taxCode: string) =>
  useEnterpriseWrite((body: EnterprisePatch & { version: number }) =>
    api<EnterpriseDetail>('PATCH', path(taxCode), body),
  );
export const useResolveCommune = (taxCode: string) =>
  useEnterpriseWrite((communeCode: string) =>
    api<EnterpriseDetail>('POST', `${path(taxCode)}/resolve-commune`, { communeCode }),
  );

/** Accounts with role `enterprise` matching `q` (each with the enterprise it acts for now), to pick one to link. */
export const useEnterpriseAccounts = (q: string, enabled = true) =>
  useQuery({
    queryKey: ['enterprises', 'accounts', q],
    queryFn: ({ signal }) =>
      api<EnterpriseAccount[]>('GET', withQuery('/api/enterprises/accounts', { q: q || undefined }), undefined, {
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
export const useLinkedAccounts = (taxCode: string) =>
  useQuery({
    queryKey: ['enterprises', 'accounts', 'of', taxCode],
    queryFn: ({ signal }) => api<EnterpriseAccount[]>('GET', `${path(taxCode)}/accounts`, undefined, { signal }),
  });
export const useLinkAccount = (taxCode: string) =>
  useEnterpriseWrite((userId: string) =>
    api<EnterpriseDetail>('PUT', `${path(taxCode)}/accounts/${encodeURIComponent(userId)}`),
  );
export const useUnlinkAccount = (taxCode: string) =>
  useEnterpriseWrite((userId: string) =>
    api<EnterpriseDetail>('DELETE', `${path(taxCode)}/accounts/${encodeURIComponent(userId)}`),
  );
