import { z } from 'zod';

/**
 * "Việc của tôi": what a person must do and what waits for them, across inspections, program monitoring and DX.
 * Each section is one query of the module that owns the records (the same query its page or list answers), so a
 * section's `count` is the count that module shows for the same person.
 */
export const myWorkSections = [
  // a unit
  'unitReports',
  'unitFollowUps',
  'unitTasks',
  'unitResponses',
  'unitEvidence',
  // a team member
  'teamInspections',
  'teamDrafts',
  'teamDates',
  // the secretariat (and, read-only, a viewer)
  'reportsToApprove',
  'revisionsToApprove',
  'overdueByUnit',
  'lateInspections',
  'dxToVerify',
  'roundsToClose',
  // an enterprise
  'dxInProgress',
  'dxReturned',
  'dxReports',
] as const;
export type MyWorkSection = (typeof myWorkSections)[number];

/** Why a line is on the home page; the web says it in the user's language (`days` fills the number). */
export const myWorkReasons = [
  'REPORT_OVERDUE',
  'REPORT_DUE_SOON',
  'REPORT_RETURNED',
  'REPORT_TO_APPROVE',
  'REVISION_TO_APPROVE',
  'FOLLOW_UP_OVERDUE',
  'FOLLOW_UP_OPEN',
  'FOLLOW_UP_AWAITING_ACCEPTANCE',
  'FOLLOW_UP_RETURNED',
  'TASK_OVERDUE',
  'TASK_OPEN',
  'RESPONSE_NEEDED',
  'NEXT_STEP',
  'DRAFT_TO_FINISH',
  'WINDOW_OPENS',
  'WINDOW_CLOSES',
  'INSPECTION_LATE',
  'UNIT_OVERDUE',
  'DX_TO_VERIFY',
  'DX_IN_PROGRESS',
  'DX_RETURNED',
  'DX_SUBMITTED',
  'DX_VERIFIED',
  'ROUND_READY_TO_CLOSE',
] as const;
export type MyWorkReason = (typeof myWorkReasons)[number];

/** Reasons that mean "late" (marked red so they stand out from what is merely coming) and "returned" (orange). */
export const myWorkLateReasons: ReadonlySet<MyWorkReason> = new Set([
  'REPORT_OVERDUE',
  'FOLLOW_UP_OVERDUE',
  'TASK_OVERDUE',
  'INSPECTION_LATE',
  'UNIT_OVERDUE',
]);
export const myWorkReturnedReasons: ReadonlySet<MyWorkReason> = new Set([
  'REPORT_RETURNED',
  'FOLLOW_UP_RETURNED',
  'DX_RETURNED',
]);
/** How far ahead a team's dates are listed, in days (the empty section says so). */
export const MY_WORK_DATES_AHEAD_DAYS = 14;

export const myWorkKinds = [
  'unitReport',
  'followUp',
  'programTask',
  'inspection',
  'orgUnit',
  'dxAssessment',
  'reportingRound',
] as const;

export const myWorkItem = z.object({
  kind: z.enum(myWorkKinds),
  /** the record's id */
  id: z.string(),
  /** the record's own words: report round, follow-up text, task title, inspected unit, enterprise… */
  title: z.string(),
  /** where it belongs: the unit, the plan or the round */
  context: z.string().nullable(),
  reason: z.enum(myWorkReasons),
  /** days overdue (positive) or days left, as the reason says; null when the reason has no number */
  days: z.number().int().nullable(),
  dueDate: z.string().nullable(),
  /** what the reviewer wrote when returning it */
  comment: z.string().nullable(),
  /** the inspection's next status, for NEXT_STEP */
  nextStatus: z.string().nullable(),
  /** counts per kind, for UNIT_OVERDUE */
  breakdown: z.object({ reports: z.number().int(), followUps: z.number().int(), tasks: z.number().int() }).nullable(),
  /** the web path of the record */
  link: z.string(),
});
export type MyWorkItem = z.infer<typeof myWorkItem>;

export const myWorkSection = z.object({
  key: z.enum(myWorkSections),
  /** every record of the section, as the module counts them (items shows the first ones) */
  count: z.number().int(),
  items: z.array(myWorkItem),
  /** the module page that lists them all */
  more: z.string().nullable(),
});
export type MyWorkSectionData = z.infer<typeof myWorkSection>;

export const myWork = z.object({
  today: z.string(),
  sections: z.array(myWorkSection),
});
export type MyWork = z.infer<typeof myWork>;
