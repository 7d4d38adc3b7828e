import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEvent as AuditEventData, AuditListQuery } from '../../../shared/contracts/audit';
import type { Wire } from '../../../shared/fields';
import { api } from '../../api/client';

/** One audit event as the page receives it (its time as an ISO string). */
export type AuditEvent = Wire<AuditEventData>;

export type AuditFilters = Omit<AuditListQuery, 'limit' | 'offset'> & { limit: number; offset: number };

export function useAuditEvents(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit-events', filters],
    queryFn: ({ signal }) => api.get('/api/audit-events', { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}
