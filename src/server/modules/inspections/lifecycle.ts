import type { InspectionStatus } from '../../../shared/domain.js';

/**
 * Who may make a move: `member` any member of the team (and the secretariat), `lead` the head or a deputy head
 * (and the secretariat), `staff` the secretariat or an admin only, `issue` only through the issue endpoint.
 */
export type Authority = 'member' | 'lead' | 'staff' | 'issue';

/**
 * The inspection lifecycle. `issued → follow_up` is a deliberate step of the secretariat (not automatic on issue):
 * the conclusion is sent first, and tracking opens when the secretariat says so.
 */
const moves: Record<InspectionStatus, Partial<Record<InspectionStatus, Authority>>> = {
  planned: { notified: 'member' },
  notified: { in_progress: 'member' },
  in_progress: { drafting: 'lead' },
  // back to in_progress: the draft goes back for rework after the unit's response
  drafting: { in_progress: 'lead', issued: 'issue' },
  issued: { follow_up: 'staff' },
  follow_up: { closed: 'staff' },
  closed: {},
};

/** The authority a move needs, or null when the lifecycle has no such move. */
export function authorityFor(from: InspectionStatus, to: InspectionStatus): Authority | null {
  return moves[from][to] ?? null;
}

export function nextStatuses(from: InspectionStatus): InspectionStatus[] {
  return Object.keys(moves[from]) as InspectionStatus[];
}

/** Assessments, evidence and findings change only while the team works on them. */
export const isEditable = (status: InspectionStatus) => status === 'in_progress' || status === 'drafting';

/** Once a conclusion is issued the inspection's content is frozen for good. */
export const isConcluded = (status: InspectionStatus) =>
  status === 'issued' || status === 'follow_up' || status === 'closed';
