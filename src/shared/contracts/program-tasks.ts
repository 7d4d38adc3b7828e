import { z } from 'zod';
import { taskStatuses } from '../monitoring-domain.js';
import { isoDate, pageQuery, searchQuery, shortText, timestamp, uuidField, versionField } from '../fields.js';
import { because } from '../error-reasons.js';

export const vndAmount = z
  .number({ message: because('MUST_BE_NUMBER') })
  .int(because('WHOLE_VND'))
  .min(0)
  .max(1e15);
const ref = z.object({ id: z.uuid(), name: z.string() });
const flag = z.enum(['true', 'false'], { message: because('TRUE_OR_FALSE') });

const taskFields = {
  planId: uuidField.nullable().optional(),
  code: z
    .string()
    .trim()
    .min(1, because('NOT_EMPTY'))
    .max(40)
    .regex(/^[\p{L}\p{N}._\-/]+$/u, because('CODE_CHARS')),
  title: shortText(1000),
  legalBasis: shortText(300).nullable().optional(),
  leadOrgUnitId: uuidField,
  coordinatingOrgUnitIds: z.array(uuidField).max(100).optional(),
  delegatedOrgUnitId: uuidField.nullable().optional(),
  deliverable: shortText(2000).nullable().optional(),
  deadline: isoDate,
  budgetAllocatedVnd: vndAmount.optional(),
  budgetSpentVnd: vndAmount.optional(),
  status: z.enum(taskStatuses).optional(),
  progressPercent: z.number().int().min(0).max(100).optional(),
};

export const taskInput = z.strictObject({ programId: uuidField, ...taskFields });
export type TaskInput = z.infer<typeof taskInput>;
export const taskPatch = z.strictObject(taskFields).partial().extend({ version: versionField });
export type TaskPatch = Omit<z.infer<typeof taskPatch>, 'version'>;

export const taskProgressInput = z.strictObject({
  status: z.enum(taskStatuses),
  progressPercent: z.number().int().min(0).max(100),
  spentVnd: vndAmount,
  note: shortText(10_000),
  /** the task's version: a progress note moves the task's status, percent and spending */
  version: versionField,
});
export type TaskProgressInput = Omit<z.infer<typeof taskProgressInput>, 'version'>;

export const taskListQuery = z.strictObject({
  programId: uuidField.optional(),
  planId: uuidField.optional(),
  /** tasks the unit leads, carries out by delegation, or coordinates */
  orgUnitId: uuidField.optional(),
  status: z.enum(taskStatuses).optional(),
  overdue: flag.optional(),
  /** true: neither completed nor cancelled (still to do) */
  active: flag.optional(),
  q: searchQuery,
  ...pageQuery,
});
export type TaskListQuery = z.infer<typeof taskListQuery>;

export const task = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  plan: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  code: z.string(),
  title: z.string(),
  legalBasis: z.string().nullable(),
  leadUnit: ref,
  delegatedUnit: ref.nullable(),
  coordinatingUnits: z.array(ref),
  deliverable: z.string().nullable(),
  deadline: z.string(),
  budgetAllocatedVnd: z.number(),
  budgetSpentVnd: z.number(),
  status: z.enum(taskStatuses),
  progressPercent: z.number().int(),
  completedDate: z.string().nullable(),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  isDemo: z.boolean(),
  /** +1 on every change (progress notes too): the version a write names (If-Match or `version`) */
  version: z.number().int(),
});
export type Task = z.infer<typeof task>;

export const monitoringFile = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  uploadedByName: z.string(),
  uploadedAt: timestamp,
});
export type MonitoringFile = z.infer<typeof monitoringFile>;

export const taskDetail = task.extend({
  history: z.array(
    z.object({
      id: z.uuid(),
      status: z.enum(taskStatuses),
      progressPercent: z.number().int(),
      spentVnd: z.number(),
      note: z.string().nullable(),
      authorName: z.string(),
      at: timestamp,
    }),
  ),
  evidence: z.array(monitoringFile),
  canReport: z.boolean(),
  canEdit: z.boolean(),
});
export type TaskDetail = z.infer<typeof taskDetail>;
