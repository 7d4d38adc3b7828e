import type { Timeliness } from '../../../shared/monitoring-domain.js';
import { hanoiDate } from '../../lib/clock.js';

/**
 * DHIS2's rule: a report is on time when first submitted on or before the due date (Hanoi calendar),
 * late when submitted after it, missing when not submitted and the due date has passed, pending before then.
 */
export function timeliness(dueDate: string, firstSubmittedAt: Date | null, today: string): Timeliness {
  if (firstSubmittedAt) return hanoiDate(firstSubmittedAt) <= dueDate ? 'on_time' : 'late';
  return today > dueDate ? 'missing' : 'pending';
}

/** Days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** A report to chase: not yet submitted, due within `withinDays` or already overdue. */
export function needsReminder(
  dueDate: string,
  firstSubmittedAt: Date | null,
  today: string,
  withinDays = 7,
): { due: boolean; daysLeft: number } {
  const daysLeft = daysBetween(today, dueDate);
  return { due: !firstSubmittedAt && daysLeft <= withinDays, daysLeft };
}

/** Share of expected reports that were submitted (on time or late), in percent; null when none were expected. */
export function completeness(states: Timeliness[]): number | null {
  const expected = states.filter((s) => s !== 'pending').length;
  if (!expected) return null;
  return (states.filter((s) => s === 'on_time' || s === 'late').length / expected) * 100;
}
