/**
 * When an inspection's action contradicts its schedule (the plan's window for that target). Such an action is not
 * forbidden (plans slip, records are entered after the fact) but it needs a reason, kept on the record, in the audit
 * event and in the conclusion's text. The web asks the same questions before the action, so it can warn and ask.
 *
 * - Starting (→ in progress) before the scheduled start: `START_BEFORE_SCHEDULE`. Its actual start is the day it is
 *   started in the system (the Hanoi calendar day). Starting late needs no reason: the plan's window is a deadline to
 *   start by, and late work shows on the dashboards already.
 * - Issuing a conclusion dated before the day the inspection was started in the system: `ISSUE_BEFORE_START` (the
 *   document would conclude work that, by the record, had not begun; usually a paper inspection entered later).
 * - Issuing a conclusion dated before the scheduled end: `ISSUE_BEFORE_SCHEDULED_END` (the inspection was cut short).
 * A correction is dated after the version it corrects, so it adds no new contradiction and needs none of these.
 */
export type ScheduleConflict =
  | { reason: 'START_BEFORE_SCHEDULE'; date: string }
  | { reason: 'ISSUE_BEFORE_START'; date: string }
  | { reason: 'ISSUE_BEFORE_SCHEDULED_END'; date: string };

/** Dates are ISO `YYYY-MM-DD`, so string order is date order. */
export function startConflict(today: string, windowStart: string): ScheduleConflict | null {
  return today < windowStart ? { reason: 'START_BEFORE_SCHEDULE', date: windowStart } : null;
}

/** The first contradiction of an issue date (the actual start first: it is the stronger one). */
export function issueConflict(
  issuedDate: string,
  s: { startedOn: string | null; windowEnd: string },
): ScheduleConflict | null {
  if (s.startedOn && issuedDate < s.startedOn) return { reason: 'ISSUE_BEFORE_START', date: s.startedOn };
  if (issuedDate < s.windowEnd) return { reason: 'ISSUE_BEFORE_SCHEDULED_END', date: s.windowEnd };
  return null;
}
