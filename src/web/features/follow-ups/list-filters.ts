import { followUpKinds, type FollowUpKind } from '../../../shared/contracts/follow-ups';
import { followUpStatuses, type FollowUpStatus } from '../../../shared/domain';
import type { FollowUpFilters } from './api';

/** The board's filters that travel in its URL (what "Việc của tôi" links to: `?accepted=false`, `?returned=true`). */
export type FollowUpUrlFilters = Pick<
  FollowUpFilters,
  'status' | 'kind' | 'addresseeOrgUnitId' | 'overdue' | 'accepted' | 'returned'
>;

const flag = (v: string | null) => (v === 'true' || v === 'false' ? v : undefined);

export function followUpFiltersFromUrl(params: URLSearchParams): FollowUpUrlFilters {
  const status = params.get('status');
  const kind = params.get('kind');
  return {
    status: followUpStatuses.includes(status as FollowUpStatus) ? (status as FollowUpStatus) : undefined,
    kind: followUpKinds.includes(kind as FollowUpKind) ? (kind as FollowUpKind) : undefined,
    addresseeOrgUnitId: params.get('addressee') ?? undefined,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    accepted: flag(params.get('accepted')),
    returned: params.get('returned') === 'true' ? 'true' : undefined,
  };
}

/** The URL parameters of a change to the filters (null removes one), for `useUrlFilters().set`. */
export function followUpFiltersToUrl(f: Partial<FollowUpUrlFilters>): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if ('status' in f) out.status = f.status ?? null;
  if ('kind' in f) out.kind = f.kind ?? null;
  if ('addresseeOrgUnitId' in f) out.addressee = f.addresseeOrgUnitId ?? null;
  if ('overdue' in f) out.overdue = f.overdue === 'true' ? 'true' : null;
  if ('accepted' in f) out.accepted = f.accepted ?? null;
  if ('returned' in f) out.returned = f.returned === 'true' ? 'true' : null;
  return out;
}
