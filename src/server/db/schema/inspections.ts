import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type {
  CauseType,
  CommitteeRole,
  FindingKind,
  FollowUpStatus,
  InspectionStatus,
  Rating,
  TeamRole,
} from '../../../shared/domain.js';
import type { FollowUpUpdateAction, FollowUpWithdrawnReason } from '../../../shared/contracts/follow-ups.js';
import { bytea, createdAt, fileBlobs, orgUnits, people, updatedAt, users, version } from './foundation.js';

const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);

export const programs = pgTable('programs', {
  id: id(),
  code: text('code').notNull().unique(),
  title: text('title').notNull(),
  issuerOrgUnitId: uuid('issuer_org_unit_id')
    .notNull()
    .references(() => orgUnits.id),
  steeringCommitteeOrgUnitId: uuid('steering_committee_org_unit_id').references(() => orgUnits.id),
  periodStart: integer('period_start').notNull(),
  periodEnd: integer('period_end').notNull(),
  description: text('description'),
  /** A follow-up of this program overdue by this many days is escalated; null: the ESCALATION_DAYS default. */
  escalationDays: integer('escalation_days'),
  // folded code and title (see foldText); empty for rows written outside the service
  searchText: text('search_text').notNull().default(''),
  /** Optimistic concurrency (the committee too): +1 in the same UPDATE as every change; a write names the version. */
  version: version(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const programCommitteeMembers = pgTable(
  'program_committee_members',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').$type<CommitteeRole>().notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [unique('program_committee_members_uq').on(t.programId, t.personId)],
);

export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    id: id(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    code: text('code').notNull().unique(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    issueDate: date('issue_date').notNull(),
    requirements: text('requirements'),
    searchText: text('search_text').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Optimistic concurrency: +1 in the same UPDATE as every change; a write names the version it read. */
    version: version(),
  },
  (t) => [index('inspection_plans_program_idx').on(t.programId)],
);

export const contentAreas = pgTable(
  'content_areas',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => inspectionPlans.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
  },
  (t) => [index('content_areas_plan_idx').on(t.planId)],
);

export const inspectionTeams = pgTable(
  'inspection_teams',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => inspectionPlans.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Optimistic concurrency (name and members): +1 in the same UPDATE as every change. */
    version: version(),
  },
  (t) => [unique('inspection_teams_plan_number_uq').on(t.planId, t.number)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    id: id(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => inspectionTeams.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').$type<TeamRole>().notNull(),
    representedOrgUnitId: uuid('represented_org_unit_id').references(() => orgUnits.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    unique('team_members_team_person_uq').on(t.teamId, t.personId),
    index('team_members_person_idx').on(t.personId),
  ],
);

/** One team × one target org unit in a window: the unit of work that ends with a conclusion. */
export const inspections = pgTable(
  'inspections',
  {
    id: id(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => inspectionPlans.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => inspectionTeams.id),
    targetOrgUnitId: uuid('target_org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    windowStart: date('window_start').notNull(),
    windowEnd: date('window_end').notNull(),
    status: text('status').$type<InspectionStatus>().notNull().default('planned'),
    draftSharedAt: timestamp('draft_shared_at', { withTimezone: true }),
    // the Hanoi day it was first started (→ in_progress), and why, when that was before the scheduled start
    startedOn: date('started_on'),
    startReason: text('start_reason'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Optimistic concurrency: +1 in the same UPDATE as every change, the window's and every status move alike. */
    version: version(),
  },
  (t) => [
    index('inspections_team_idx').on(t.teamId),
    index('inspections_target_idx').on(t.targetOrgUnitId),
    index('inspections_plan_idx').on(t.planId),
    index('inspections_status_idx').on(t.status),
    // one inspection per team and target unit (a team belongs to one plan)
    unique('inspections_team_target_uq').on(t.teamId, t.targetOrgUnitId),
  ],
);

/** The target unit's answer to the draft conclusion (kept with the inspection; several rounds possible). */
export const targetResponses = pgTable(
  'target_responses',
  {
    id: id(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    respondedBy: uuid('responded_by')
      .notNull()
      .references(() => users.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('target_responses_inspection_idx').on(t.inspectionId)],
);

export const assessments = pgTable(
  'assessments',
  {
    id: id(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    contentAreaId: uuid('content_area_id')
      .notNull()
      .references(() => contentAreas.id),
    rating: text('rating').$type<Rating>(),
    notes: text('notes'),
    updatedAt: updatedAt(),
    /** Optimistic concurrency: +1 on every change; an area never assessed has no row, which a writer names as 0. */
    version: version(),
  },
  (t) => [unique('assessments_inspection_area_uq').on(t.inspectionId, t.contentAreaId)],
);

export const findings = pgTable(
  'findings',
  {
    id: id(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    contentAreaId: uuid('content_area_id')
      .notNull()
      .references(() => contentAreas.id),
    kind: text('kind').$type<FindingKind>().notNull(),
    text: text('text').notNull(),
    causeType: text('cause_type').$type<CauseType>(),
    addresseeOrgUnitId: uuid('addressee_org_unit_id').references(() => orgUnits.id),
    dueDate: date('due_date'),
    position: integer('position').notNull().default(0),
    // set when a conclusion is issued: from then on the finding is frozen
    conclusionId: uuid('conclusion_id'),
    // a correction copies findings; this points at the finding it replaces
    supersedesFindingId: uuid('supersedes_finding_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** Optimistic concurrency: +1 in the same UPDATE as every change; a write names the version it read. */
    version: version(),
  },
  (t) => [index('findings_inspection_idx').on(t.inspectionId), index('findings_conclusion_idx').on(t.conclusionId)],
);

export const conclusions = pgTable(
  'conclusions',
  {
    id: id(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    version: integer('version').notNull(),
    // numbers restart every year (01-KL/ĐKT of 2023 and of 2024 are different documents)
    number: text('number').notNull(),
    sequence: integer('sequence').notNull(),
    year: integer('year').notNull(),
    issuedDate: date('issued_date').notNull(),
    signerName: text('signer_name').notNull(),
    signerTitle: text('signer_title').notNull(),
    summary: text('summary'),
    recipients: jsonb('recipients').$type<string[]>().notNull(),
    content: jsonb('content').notNull(),
    contentSha256: text('content_sha256').notNull(),
    // printed with a QR code in the document's footer: anyone holding a copy checks it at /verify/{code}
    verificationCode: text('verification_code').notNull(),
    // SHA-256 of the DOCX as issued (null for conclusions issued before it was recorded: computed when asked)
    fileSha256: text('file_sha256'),
    supersedesId: uuid('supersedes_id'),
    correctionReason: text('correction_reason'),
    // why it was dated before the inspection's start or scheduled end (src/shared/inspection-schedule.ts)
    scheduleReason: text('schedule_reason'),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('conclusions_inspection_version_uq').on(t.inspectionId, t.version),
    unique('conclusions_year_number_uq').on(t.year, t.number),
    unique('conclusions_verification_code_uq').on(t.verificationCode),
  ],
);

/**
 * The PDF of an issued conclusion version, made once (LibreOffice, then signed when a certificate is configured) and
 * kept: a converted or signed PDF is not byte-stable (dates, document ids, the signing time), so the stored one is
 * the issued one. One row per version (the primary key): two simultaneous first requests keep the first stored.
 */
export const conclusionPdfs = pgTable('conclusion_pdfs', {
  conclusionId: uuid('conclusion_id')
    .primaryKey()
    .references(() => conclusions.id),
  data: bytea('data').notNull(),
  sha256: text('sha256').notNull(),
  // signed with SIGNING_P12 when made (a PDF made without a certificate stays unsigned)
  signed: boolean('signed').notNull(),
  createdAt: createdAt(),
});

export const followUps = pgTable(
  'follow_ups',
  {
    id: id(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => findings.id),
    conclusionId: uuid('conclusion_id')
      .notNull()
      .references(() => conclusions.id),
    kind: text('kind').$type<'remedy' | 'recommendation'>().notNull(),
    text: text('text').notNull(),
    addresseeOrgUnitId: uuid('addressee_org_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    dueDate: date('due_date').notNull(),
    status: text('status').$type<FollowUpStatus>().notNull().default('open'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    // set when a corrected conclusion drops the finding: kept for history, never overdue, hidden by default
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason').$type<FollowUpWithdrawnReason>(),
    // folded text, for search that ignores diacritics
    searchText: text('search_text').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('follow_ups_addressee_idx').on(t.addresseeOrgUnitId),
    index('follow_ups_inspection_idx').on(t.inspectionId),
    index('follow_ups_due_idx').on(t.dueDate),
  ],
);

export const followUpUpdates = pgTable(
  'follow_up_updates',
  {
    id: id(),
    followUpId: uuid('follow_up_id')
      .notNull()
      .references(() => followUps.id, { onDelete: 'cascade' }),
    // report: the addressee's progress; accept / return: the secretariat's verdict on a `done` report
    action: text('action').$type<FollowUpUpdateAction>().notNull().default('report'),
    note: text('note'),
    status: text('status').$type<FollowUpStatus>().notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('follow_up_updates_fu_idx').on(t.followUpId)],
);

/** Evidence files: on an assessment (content area of an inspection) or on a follow-up update. */
export const attachments = pgTable(
  'attachments',
  {
    id: id(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id),
    contentAreaId: uuid('content_area_id').references(() => contentAreas.id),
    followUpId: uuid('follow_up_id').references(() => followUps.id),
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
  (t) => [index('attachments_inspection_idx').on(t.inspectionId), index('attachments_follow_up_idx').on(t.followUpId)],
);
