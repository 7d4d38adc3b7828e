import type { TaskStatus } from '../../../shared/monitoring-domain.js';
import { daysBetween } from '../reporting-rounds/reporting-rounds.service.js';

/** Days a task is past its deadline; 0 when it is finished (completed or cancelled) or not yet due. */
export function taskDaysOverdue(task: { status: TaskStatus; deadline: string }, today: string): number {
  if (task.status === 'completed' || task.status === 'cancelled') return 0;
  return Math.max(0, daysBetween(task.deadline, today));
}
