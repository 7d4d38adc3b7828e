import type { FollowUpStatus } from '../../../shared/domain.js';

export interface OverdueInput {
  status: FollowUpStatus;
  dueDate: string;
  withdrawnAt: Date | null;
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;

/**
 * Whole days a follow-up is past its due date on `today` (both Hanoi calendar dates, YYYY-MM-DD);
 * 0 when it is not overdue: done, withdrawn, or due today or later. Never stored: it changes every day.
 */
export function daysOverdue(fu: OverdueInput, today: string): number {
  if (fu.status === 'done' || fu.withdrawnAt) return 0;
  return Math.max(0, dayNumber(today) - dayNumber(fu.dueDate));
}

export const isOverdue = (fu: OverdueInput, today: string) => daysOverdue(fu, today) > 0;
