import { inspectionStatuses, type InspectionStatus } from '../../../shared/domain';
import type { InspectionFilters } from './api';

/** The list's filters that travel in its URL (what "Việc của tôi" links to: `?open=true`, `?late=true`, `?status=…`). */
export type InspectionUrlFilters = Pick<InspectionFilters, 'status' | 'planId' | 'open' | 'late'>;

const flag = (v: string | null) => (v === 'true' ? ('true' as const) : undefined);

export function inspectionFiltersFromUrl(params: URLSearchParams): InspectionUrlFilters {
  const status = params.get('status');
  return {
    status: inspectionStatuses.includes(status as InspectionStatus) ? (status as InspectionStatus) : undefined,
    planId: params.get('plan') ?? undefined,
    open: flag(params.get('open')),
    late: flag(params.get('late')),
  };
}

/** The URL parameters of a change to the filters (null removes one), for `useUrlFilters().set`. */
export function inspectionFiltersToUrl(f: Partial<InspectionUrlFilters>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if ('status' in f) out.status = f.status ?? null;
  if ('planId' in f) out.plan = f.planId ?? null;
  if ('open' in f) out.open = f.open === 'true' ? 'true' : null;
  if ('late' in f) out.late = f.late === 'true' ? 'true' : null;
  return out;
}
