import { z } from 'zod';
import { reportStatuses, taskStatuses, timelinessStates, trafficLights } from '../monitoring-domain.js';
import { shortText, uuidField, versionField } from '../fields.js';
import { indicator, indicatorYear } from './indicators.js';
import { task } from './program-tasks.js';
import { because } from '../error-reasons.js';

const ref = z.object({ id: z.uuid(), name: z.string() });
const yearParam = z.coerce
  .number({ message: because('MUST_BE_YEAR') })
  .int()
  .min(1990)
  .max(2100);

export const dashboardQuery = z.strictObject({
  programId: uuidField.optional(),
  year: yearParam.optional(),
  orgUnitId: uuidField.optional(),
  planId: uuidField.optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuery>;

export const dashboardTables = ['indicators', 'tasks', 'budget', 'timeliness', 'reminders'] as const;
export const dashboardExportQuery = dashboardQuery.extend({ table: z.enum(dashboardTables).optional() });

export const indicatorSummary = indicator
  .pick({
    id: true,
    code: true,
    nameVi: true,
    nameEn: true,
    measureUnit: true,
    direction: true,
    formula: true,
    baselineYear: true,
    baselineValue: true,
  })
  .extend({
    current: indicatorYear,
    trend: z.array(indicatorYear),
  });
export type IndicatorSummary = z.infer<typeof indicatorSummary>;

export const timelinessRow = z.object({
  orgUnit: ref,
  expected: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  pending: z.number().int(),
  completenessPct: z.number().nullable(),
  timelinessPct: z.number().nullable(),
});
export const reminder = z.object({
  roundId: z.uuid(),
  roundTitle: z.string(),
  orgUnit: ref,
  dueDate: z.string(),
  daysLeft: z.number().int(),
  status: z.enum(reportStatuses),
});
export type Reminder = z.infer<typeof reminder>;

export const monitoringDashboard = z.object({
  program: z.object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    periodStart: z.number().int(),
    periodEnd: z.number().int(),
  }),
  year: z.number().int(),
  thresholds: z.object({ green: z.number(), amber: z.number() }),
  indicators: z.array(indicatorSummary),
  lights: z.record(z.enum(trafficLights), z.number().int()),
  tasks: z.object({
    byStatus: z.record(z.enum(taskStatuses), z.number().int()),
    total: z.number().int(),
    overdue: z.array(task),
  }),
  budget: z.object({
    allocatedVnd: z.number(),
    spentVnd: z.number(),
    byUnit: z.array(z.object({ orgUnit: ref, allocatedVnd: z.number(), spentVnd: z.number() })),
  }),
  timeliness: z.array(timelinessRow),
  reminders: z.array(reminder),
});
export type MonitoringDashboard = z.infer<typeof monitoringDashboard>;

export const planInput = z.strictObject({
  programId: uuidField,
  code: shortText(60),
  title: shortText(500),
  legalBasis: shortText(300).nullable().optional(),
  periodStart: z.number().int().min(1990).max(2100),
  periodEnd: z.number().int().min(1990).max(2100),
});
export type PlanInput = z.infer<typeof planInput>;
export const monitoringPlan = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  code: z.string(),
  title: z.string(),
  legalBasis: z.string().nullable(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
});
export type MonitoringPlan = z.infer<typeof monitoringPlan>;

export const thresholdsInput = z
  .strictObject({
    greenPct: z.number().min(0).max(1000),
    amberPct: z.number().min(0).max(1000),
    /** the version the writer read (GET …/monitoring-thresholds) */
    version: versionField,
  })
  .refine((t) => t.amberPct <= t.greenPct, { path: ['amberPct'], message: because('AMBER_ABOVE_GREEN') });

export const findingLinkInput = z
  .strictObject({
    findingId: uuidField,
    indicatorId: uuidField.optional(),
    taskId: uuidField.optional(),
  })
  .refine((l) => !!l.indicatorId !== !!l.taskId, {
    path: ['indicatorId'],
    message: because('ONE_OF_INDICATOR_TASK'),
  });
export type FindingLinkInput = z.infer<typeof findingLinkInput>;
export const findingLinkQuery = z.strictObject({
  inspectionId: uuidField.optional(),
  findingId: uuidField.optional(),
  indicatorId: uuidField.optional(),
  taskId: uuidField.optional(),
});
export const findingLink = z.object({
  id: z.uuid(),
  findingId: z.uuid(),
  findingKind: z.string(),
  findingText: z.string(),
  inspectionId: z.uuid(),
  indicator: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  task: z.object({ id: z.uuid(), code: z.string(), title: z.string() }).nullable(),
});
export type FindingLink = z.infer<typeof findingLink>;

export const unitOverview = z.object({
  orgUnit: z.object({ id: z.uuid(), code: z.string(), name: z.string(), parent: ref.nullable() }),
  indicators: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      nameVi: z.string(),
      measureUnit: z.string(),
      years: z.array(indicatorYear),
    }),
  ),
  tasks: z.array(task.extend({ role: z.enum(['lead', 'delegated', 'coordinating']) })),
  reports: z.array(
    z.object({
      id: z.uuid(),
      roundId: z.uuid(),
      roundTitle: z.string(),
      dueDate: z.string(),
      status: z.enum(reportStatuses),
      timeliness: z.enum(timelinessStates),
      revision: z.number().int(),
    }),
  ),
  inspections: z.array(
    z.object({
      id: z.uuid(),
      planCode: z.string(),
      status: z.string(),
      windowStart: z.string(),
      windowEnd: z.string(),
      conclusionNumber: z.string().nullable(),
      conclusionYear: z.number().int().nullable(),
    }),
  ),
  followUps: z.array(
    z.object({
      id: z.uuid(),
      kind: z.string(),
      text: z.string(),
      dueDate: z.string(),
      status: z.string(),
      overdue: z.boolean(),
    }),
  ),
  findingLinks: z.array(findingLink),
});
export type UnitOverview = z.infer<typeof unitOverview>;

/** Monitoring plans and reminders: optionally of one program. */
export const programFilterQuery = z.strictObject({ programId: uuidField.optional() });
/** A program's attainment thresholds (green from, amber from), as saved. */
export const thresholds = z.object({ green: z.number(), amber: z.number() });
/** A program's own thresholds (the defaults until set) with the version a PUT names. */
export const programThresholds = thresholds.extend({ version: z.number().int() });
