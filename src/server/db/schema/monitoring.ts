import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  Direction,
  MeasureUnit,
  PeriodAggregation,
  PeriodType,
  ReportAction,
  ReportStatus,
  RoundStatus,
  TaskStatus,
  UnitAggregation,
} from '../../../shared/monitoring-domain.js';
import { createdAt, fileBlobs, orgUnits, updatedAt, users, version } from './foundation.js';
import { findings, programs } from './inspections.js';

const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);
const vnd = (name: string) => bigint(name, { mode: 'number' });

/** Traffic-light thresholds of a program (percent of target); indicators may override them. */
export const programMonitoringSettings = pgTable('program_monitoring_settings', {
  programId: uuid('program_id')
    .primaryKey()
    .references(() => programs.id, { onDelete: 'cascade' }),
  greenPct: doublePrecision('green_pct').notNull(),
  amberPct: doublePrecision('amber_pct').notNull(),
  /** Optimistic concurrency: no row reads as version 1 (the defaults); the first PUT writes 2, then +1 each. */
  version: version(),
  updatedAt: updatedAt(),
});

/** A plan or scheme that makes a program concrete (e.g. Decision 3457/QĐ-UBND's plan): indicators and tasks hang under it. */
export const monitoringPlans = pgTable(
  'monitoring_plans',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    legalBasis: text('legal_basis'),
    periodStart: integer('period_start').notNull(),
    periodEnd: integer('period_end').notNull(),
    searchText: text('search_text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('monitoring_plans_program_code_uq').on(t.programId, t.code)],
);

export const indicators = pgTable(
  'indicators',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    planId: uuid('plan_id').references(() => monitoringPlans.id),
    code: text('code').notNull(),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en'),
    measureUnit: text('measure_unit').$type<MeasureUnit>().notNull(),
    periodType: text('period_type').$type<PeriodType>().notNull(),
    periodAggregation: text('period_aggregation').$type<PeriodAggregation>().notNull(),
    unitAggregation: text('unit_aggregation').$type<UnitAggregation>().notNull(),
    direction: text('direction').$type<Direction>().notNull(),
    // derived indicators: an expression over other indicators' codes, e.g. `TRAINED / TOTAL * 100`; never entered
    formula: text('formula'),
    baselineYear: integer('baseline_year'),
    baselineValue: doublePrecision('baseline_value'),
    greenPct: doublePrecision('green_pct'),
    amberPct: doublePrecision('amber_pct'),
    isDemo: boolean('is_demo').notNull().default(false),
    searchText: text('search_text').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Optimistic concurrency: +1 in the same UPDATE as every change; a write names the version it read. */
    version: version(),
  },
  (t) => [unique('indicators_program_code_uq').on(t.programId, t.code), index('indicators_plan_idx').on(t.planId)],
);

export const indicatorUnits = pgTable(
  'indicator_units',
  {
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
  },
  (t) => [primaryKey({ columns: [t.indicatorId, t.orgUnitId] }), index('indicator_units_unit_idx').on(t.orgUnitId)],
);

/** Target of a year, for the whole city (`orgUnitId` null) or one unit. */
export const indicatorTargets = pgTable(
  'indicator_targets',
  {
    id: id(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    orgUnitId: uuid('org_unit_id').references(() => orgUnits.id),
    value: doublePrecision('value').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [unique('indicator_targets_uq').on(t.indicatorId, t.year, t.orgUnitId).nullsNotDistinct()],
);

export const programTasks = pgTable(
  'program_tasks',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    planId: uuid('plan_id').references(() => monitoringPlans.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    legalBasis: text('legal_basis'),
    leadOrgUnitId: uuid('lead_org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    // a child unit of the lead that carries the task out and reports on it (the Department → its Center)
    delegatedOrgUnitId: uuid('delegated_org_unit_id').references(() => orgUnits.id),
    deliverable: text('deliverable'),
    deadline: date('deadline').notNull(),
    budgetAllocatedVnd: vnd('budget_allocated_vnd').notNull().default(0),
    budgetSpentVnd: vnd('budget_spent_vnd').notNull().default(0),
    status: text('status').$type<TaskStatus>().notNull().default('not_started'),
    progressPercent: integer('progress_percent').notNull().default(0),
    completedDate: date('completed_date'),
    isDemo: boolean('is_demo').notNull().default(false),
    searchText: text('search_text').notNull(),
    /** Optimistic concurrency (progress notes too): +1 in the same UPDATE as every change. */
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('program_tasks_program_code_uq').on(t.programId, t.code),
    index('program_tasks_lead_idx').on(t.leadOrgUnitId),
    index('program_tasks_delegated_idx').on(t.delegatedOrgUnitId),
  ],
);

export const taskCoordinators = pgTable(
  'task_coordinators',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => programTasks.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.orgUnitId] })],
);

/** Progress notes of a task: status, percent and spending as reported, newest last. */
export const taskUpdates = pgTable(
  'task_updates',
  {
    id: id(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => programTasks.id, { onDelete: 'cascade' }),
    status: text('status').$type<TaskStatus>().notNull(),
    progressPercent: integer('progress_percent').notNull(),
    spentVnd: vnd('spent_vnd').notNull(),
    note: text('note'),
    reportId: uuid('report_id'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('task_updates_task_idx').on(t.taskId)],
);

export const reportingRounds = pgTable(
  'reporting_rounds',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    planId: uuid('plan_id').references(() => monitoringPlans.id),
    title: text('title').notNull(),
    periodType: text('period_type').$type<PeriodType>().notNull(),
    year: integer('year').notNull(),
    quarter: integer('quarter'),
    dueDate: date('due_date').notNull(),
    status: text('status').$type<RoundStatus>().notNull().default('open'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('reporting_rounds_program_idx').on(t.programId),
    index('reporting_rounds_year_idx').on(t.year),
    // one round per program and period (a yearly round has no quarter)
    unique('reporting_rounds_program_period_uq').on(t.programId, t.periodType, t.year, t.quarter).nullsNotDistinct(),
  ],
);

/** One unit's report in a round: indicator values, task progress, narrative; draft → submitted → approved | returned. */
export const unitReports = pgTable(
  'unit_reports',
  {
    id: id(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => reportingRounds.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    status: text('status').$type<ReportStatus>().notNull().default('draft'),
    narrative: text('narrative').notNull().default(''),
    // first submission: timeliness is judged on it, as DHIS2 does
    firstSubmittedAt: timestamp('first_submitted_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: uuid('approved_by').references(() => users.id),
    reviewComment: text('review_comment'),
    revision: integer('revision').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Optimistic concurrency: +1 in the same UPDATE as every change; a write names the version it read. */
    version: version(),
  },
  (t) => [
    unique('unit_reports_round_unit_uq').on(t.roundId, t.orgUnitId),
    index('unit_reports_unit_idx').on(t.orgUnitId),
  ],
);

export const reportValues = pgTable(
  'report_values',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => unitReports.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    value: doublePrecision('value'),
    comment: text('comment'),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.indicatorId] }), index('report_values_indicator_idx').on(t.indicatorId)],
);

export const reportTaskProgress = pgTable(
  'report_task_progress',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => unitReports.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id')
      .notNull()
      .references(() => programTasks.id),
    status: text('status').$type<TaskStatus>().notNull(),
    progressPercent: integer('progress_percent').notNull(),
    spentVnd: vnd('spent_vnd').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.taskId] })],
);

/** Every step of a report (save, submit, approve, return, revise) with its comment; revisions keep a full snapshot. */
export const reportEvents = pgTable(
  'report_events',
  {
    id: id(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => unitReports.id, { onDelete: 'cascade' }),
    action: text('action').$type<ReportAction>().notNull(),
    fromStatus: text('from_status').$type<ReportStatus>().notNull(),
    toStatus: text('to_status').$type<ReportStatus>().notNull(),
    revision: integer('revision').notNull(),
    comment: text('comment'),
    snapshot: jsonb('snapshot'),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('report_events_report_idx').on(t.reportId)],
);

/** Evidence files of monitoring: on a unit report (optionally one indicator) or on a task. */
export const monitoringAttachments = pgTable(
  'monitoring_attachments',
  {
    id: id(),
    reportId: uuid('report_id').references(() => unitReports.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id').references(() => programTasks.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id').references(() => indicators.id),
    sha256: text('sha256')
      .notNull()
      .references(() => fileBlobs.sha256),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('monitoring_attachments_report_idx').on(t.reportId),
    index('monitoring_attachments_task_idx').on(t.taskId),
    check('monitoring_attachments_owner_ck', sql`(${t.reportId} is not null) <> (${t.taskId} is not null)`),
  ],
);

/** A finding or recommendation of an inspection that concerns an indicator or a task. */
export const findingLinks = pgTable(
  'finding_links',
  {
    id: id(),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => findings.id, { onDelete: 'cascade' }),
    indicatorId: uuid('indicator_id').references(() => indicators.id, { onDelete: 'cascade' }),
    taskId: uuid('task_id').references(() => programTasks.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('finding_links_finding_idx').on(t.findingId),
    unique('finding_links_uq').on(t.findingId, t.indicatorId, t.taskId).nullsNotDistinct(),
    check('finding_links_one_ck', sql`(${t.indicatorId} is not null) <> (${t.taskId} is not null)`),
  ],
);
