import { z } from 'zod';
import {
  measureUnits,
  periodTypes,
  reportActions,
  reportStatuses,
  roundStatuses,
  taskStatuses,
  timelinessStates,
} from '../monitoring-domain.js';
import { isoDate, longText, pageQuery, shortText, timestamp, uuidField, versionField, year } from '../fields.js';
import { figure } from './indicators.js';
import { monitoringFile, vndAmount } from './program-tasks.js';
import { because } from '../error-reasons.js';

const ref = z.object({ id: z.uuid(), name: z.string() });

export const roundInput = z
  .strictObject({
    programId: uuidField,
    planId: uuidField.nullable().optional(),
    title: shortText(200),
    periodType: z.enum(periodTypes),
    year,
    quarter: z.number().int().min(1).max(4).nullable().optional(),
    dueDate: isoDate,
    /** the units asked to report; default: every unit responsible for an indicator or a task of the program (or plan) */
    orgUnitIds: z.array(uuidField).max(500).optional(),
  })
  .refine((r) => (r.periodType === 'quarter') === (r.quarter != null), {
    path: ['quarter'],
    message: because('QUARTER_FOR_QUARTERLY'),
  });
export type RoundInput = z.infer<typeof roundInput>;

export const roundListQuery = z.strictObject({
  programId: uuidField.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  status: z.enum(roundStatuses).optional(),
  ...pageQuery,
});
export type RoundListQuery = z.infer<typeof roundListQuery>;

/** Unit reports across rounds, for work queues: what waits for approval, what was returned. */
export const reportListQuery = z.strictObject({
  status: z.enum(reportStatuses).optional(),
  /** true: a change to an approved report (revision ≥ 1); false: a first submission */
  revised: z.enum(['true', 'false'], { message: because('TRUE_OR_FALSE') }).optional(),
  orgUnitId: uuidField.optional(),
  ...pageQuery,
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const reportListItem = z.object({
  reportId: z.uuid(),
  round: z.object({ id: z.uuid(), title: z.string(), period: z.string(), status: z.enum(roundStatuses) }),
  orgUnit: ref,
  dueDate: z.string(),
  /** days from today to the due date (negative: overdue) */
  daysLeft: z.number().int(),
  status: z.enum(reportStatuses),
  revision: z.number().int(),
  reviewComment: z.string().nullable(),
  timeliness: z.enum(timelinessStates),
  submittedAt: z.date().nullable(),
});
export type ReportListItem = z.infer<typeof reportListItem>;

export const roundUnit = z.object({
  orgUnit: ref,
  reportId: z.uuid(),
  status: z.enum(reportStatuses),
  timeliness: z.enum(timelinessStates),
  firstSubmittedAt: timestamp.nullable(),
  approvedAt: timestamp.nullable(),
  revision: z.number().int(),
});
export type RoundUnit = z.infer<typeof roundUnit>;

export const round = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  plan: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  title: z.string(),
  periodType: z.enum(periodTypes),
  year: z.number().int(),
  quarter: z.number().int().nullable(),
  period: z.string(),
  dueDate: z.string(),
  status: z.enum(roundStatuses),
  isDemo: z.boolean(),
  counts: z.object({
    expected: z.number().int(),
    submitted: z.number().int(),
    approved: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
  }),
  completenessPct: z.number().nullable(),
});
export type Round = z.infer<typeof round>;
export const roundDetail = round.extend({ units: z.array(roundUnit) });
export type RoundDetail = z.infer<typeof roundDetail>;

export const reportParams = z.strictObject({ id: uuidField, orgUnitId: uuidField });
/** One indicator value of a unit's report, for the evidence attached to that value alone. */
export const valueEvidenceParams = reportParams.extend({ indicatorId: uuidField });

const valueInput = z.strictObject({
  indicatorId: uuidField,
  value: figure.nullable(),
  comment: z.string().trim().max(2000).nullable().optional(),
});
const taskProgressRow = z.strictObject({
  taskId: uuidField,
  status: z.enum(taskStatuses),
  progressPercent: z.number().int().min(0).max(100),
  spentVnd: vndAmount,
  note: z.string().trim().max(5000).nullable().optional(),
});

export const reportSaveInput = z.strictObject({
  narrative: longText(20_000).optional(),
  values: z.array(valueInput).max(500).optional(),
  tasks: z.array(taskProgressRow).max(500).optional(),
  version: versionField,
});
export type ReportSaveInput = z.infer<typeof reportSaveInput>;

/** `receivedOn`: the secretariat records the day a paper report arrived. */
export const reportSubmitInput = z.strictObject({ receivedOn: isoDate.optional() });
export type ReportSubmitInput = z.infer<typeof reportSubmitInput>;

/** A change to an approved report: a new revision with its reason, the earlier one kept. */
export const reportRevisionInput = reportSaveInput.extend({ reason: shortText(2000) });
export type ReportRevisionInput = z.infer<typeof reportRevisionInput>;

export const reportReviewInput = z
  .strictObject({
    decision: z.enum(['approve', 'return']),
    comment: z.string().trim().min(1, because('NOT_EMPTY')).max(5000).optional(),
  })
  .refine((r) => r.decision === 'approve' || r.comment, {
    path: ['comment'],
    message: because('REASON_REQUIRED_TO_RETURN'),
  });
export type ReportReviewInput = z.infer<typeof reportReviewInput>;

export const reportIndicatorRow = z.object({
  indicatorId: z.uuid(),
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  measureUnit: z.enum(measureUnits),
  period: z.string(),
  value: z.number().nullable(),
  comment: z.string().nullable(),
  target: z.number().nullable(),
  /** evidence attached to this value alone; the report's own evidence is in `ReportDetail.evidence` */
  evidence: z.array(monitoringFile),
});
export const reportTaskRow = z.object({
  taskId: z.uuid(),
  code: z.string(),
  title: z.string(),
  deadline: z.string(),
  budgetAllocatedVnd: z.number(),
  status: z.enum(taskStatuses),
  progressPercent: z.number().int(),
  spentVnd: z.number(),
  note: z.string().nullable(),
  delegated: z.boolean(),
});

export const reportEvent = z.object({
  id: z.uuid(),
  action: z.enum(reportActions),
  fromStatus: z.enum(reportStatuses),
  toStatus: z.enum(reportStatuses),
  revision: z.number().int(),
  comment: z.string().nullable(),
  actorName: z.string(),
  at: timestamp,
  snapshot: z.unknown().nullable(),
});

export const reportDetail = z.object({
  id: z.uuid(),
  round: z.object({
    id: z.uuid(),
    title: z.string(),
    period: z.string(),
    dueDate: z.string(),
    year: z.number().int(),
    quarter: z.number().int().nullable(),
  }),
  orgUnit: ref,
  status: z.enum(reportStatuses),
  narrative: z.string(),
  revision: z.number().int(),
  /** +1 on every change of the report (values, tasks, narrative, status): the version a save names */
  version: z.number().int(),
  reviewComment: z.string().nullable(),
  firstSubmittedAt: timestamp.nullable(),
  submittedAt: timestamp.nullable(),
  approvedAt: timestamp.nullable(),
  timeliness: z.enum(timelinessStates),
  indicators: z.array(reportIndicatorRow),
  tasks: z.array(reportTaskRow),
  events: z.array(reportEvent),
  evidence: z.array(monitoringFile),
  permissions: z.object({
    canEdit: z.boolean(),
    canSubmit: z.boolean(),
    canReview: z.boolean(),
    canRevise: z.boolean(),
    canAttachValueEvidence: z.boolean(),
  }),
});
export type ReportDetail = z.infer<typeof reportDetail>;

/** One bad cell of an uploaded report workbook: `code` is its ErrorReason, `message` the English text. */
export const cellIssue = z.object({
  sheet: z.string(),
  cell: z.string(),
  field: z.string(),
  message: z.string(),
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type CellIssue = z.infer<typeof cellIssue>;

/** Open or close a round. */
export const roundPatch = z.strictObject({ status: z.enum(roundStatuses) });
/** A submission may come without a body (the unit's own submission). */
export const reportSubmitBody = reportSubmitInput.nullish();
