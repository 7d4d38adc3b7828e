import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../api/client';

export interface AuditEvent {
  id: number;
  at: string;
  actorUserId: string | null;
  actorUsername: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditFilters {
  entityType?: string;
  actorUsername?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export function useAuditEvents(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit-events', filters],
    queryFn: ({ signal }) =>
      api<{ items: AuditEvent[]; total: number }>('GET', withQuery('/api/audit-events', { ...filters }), undefined, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}
