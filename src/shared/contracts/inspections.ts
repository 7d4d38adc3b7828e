import { z } from 'zod';
import { inspectionStatuses, ratings, teamRoles } from '../domain.js';
import { longText, pageQuery, searchQuery, shortText, timestamp, uuidField } from '../fields.js';
import { because } from '../error-reasons.js';
import { conclusionVersion } from './conclusions.js';
import { finding } from './findings.js';
import { objectivityWarning } from './inspection-plans.js';

export const inspectionListQuery = z.strictObject({
  status: z.enum(inspectionStatuses).optional(),
  planId: uuidField.optional(),
  teamId: uuidField.optional(),
  targetOrgUnitId: uuidField.optional(),
  /** true: not yet closed (what still has a next step) */
  open: z.enum(['true', 'false'], { message: because('TRUE_OR_FALSE') }).optional(),
  /**
   * true: the schedule has passed without the next step — still planned or notified after the window opened, or
   * still in progress or drafting after it closed (Hanoi calendar day)
   */
  late: z.enum(['true', 'false'], { message: because('TRUE_OR_FALSE') }).optional(),
  q: searchQuery,
  ...pageQuery,
});
export type InspectionListQuery = z.infer<typeof inspectionListQuery>;

const ref = z.object({ id: z.uuid(), name: z.string() });

export const inspectionListItem = z.object({
  id: z.uuid(),
  plan: z.object({ id: z.uuid(), code: z.string() }),
  team: ref,
  target: ref,
  windowStart: z.string(),
  windowEnd: z.string(),
  status: z.enum(inspectionStatuses),
  findingsCount: z.number().int(),
  conclusionNumber: z.string().nullable(),
  /** the year its number counts in (numbers restart every year) */
  conclusionYear: z.number().int().nullable(),
});
export type InspectionListItem = z.infer<typeof inspectionListItem>;

export const assessmentParams = z.strictObject({ id: uuidField, contentAreaId: uuidField });
export const assessmentInput = z.strictObject({
  rating: z.enum(ratings).nullable(),
  notes: longText(20_000),
  /** the version read (or If-Match); an area never assessed is version 0, so two first saves cannot both land */
  version: z.number().int().min(0).max(999_999_999).optional(),
});
export type AssessmentInput = Omit<z.infer<typeof assessmentInput>, 'version'>;

/** `reason`: why a start comes before the scheduled start (src/shared/inspection-schedule.ts). */
export const transitionInput = z.strictObject({
  to: z.enum(inspectionStatuses),
  reason: shortText(2_000).optional(),
});
export const responseInput = z.strictObject({ text: shortText(20_000) });
export type ResponseInput = z.infer<typeof responseInput>;

export const attachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: timestamp,
  uploadedBy: z.string(),
});
export type Attachment = z.infer<typeof attachment>;

export const inspectionPermissions = z.object({
  canEdit: z.boolean(),
  canRespond: z.boolean(),
  canIssue: z.boolean(),
  canCorrect: z.boolean(),
  /** false for the inspected unit until the draft is shared: assessments, evidence and findings are then left out */
  canReadWork: z.boolean(),
  /** link findings to indicators and tasks (catalogue: findingLink.manage) */
  canLink: z.boolean(),
});
export type InspectionPermissions = z.infer<typeof inspectionPermissions>;

/** A content area's assessment as stored (the answer to saving one, and part of the inspection detail). */
export const savedAssessment = z.object({
  rating: z.enum(ratings).nullable(),
  notes: z.string().nullable(),
  updatedAt: timestamp,
  version: z.number().int(),
});
/** The audited unit's response to the draft conclusion. */
export const inspectionResponse = z.object({
  id: z.uuid(),
  text: z.string(),
  respondedAt: timestamp,
  respondedBy: z.string(),
});
export const inspectionDetail = z.object({
  id: z.uuid(),
  status: z.enum(inspectionStatuses),
  /** the inspection's own version (its window, its status): +1 on every change; also the ETag */
  version: z.number().int(),
  windowStart: z.string(),
  windowEnd: z.string(),
  draftSharedAt: timestamp.nullable(),
  startedOn: z.string().nullable(),
  startReason: z.string().nullable(),
  plan: z.object({
    id: z.uuid(),
    code: z.string(),
    title: z.string(),
    year: z.number().int(),
    programCode: z.string(),
  }),
  team: z.object({
    id: z.uuid(),
    name: z.string(),
    number: z.number().int(),
    members: z.array(
      z.object({
        personId: z.uuid(),
        fullName: z.string(),
        positionTitle: z.string().nullable(),
        role: z.enum(teamRoles),
        representedOrgUnitName: z.string().nullable(),
      }),
    ),
  }),
  target: ref,
  allowedTransitions: z.array(z.enum(inspectionStatuses)),
  permissions: inspectionPermissions,
  /** issued versions as PDF: `available` false when the server has no converter (the UI says so); `signed`: with SIGNING_P12 */
  pdf: z.object({ available: z.boolean(), signed: z.boolean() }),
  contentAreas: z.array(
    z.object({
      id: z.uuid(),
      position: z.number().int(),
      title: z.string(),
      description: z.string().nullable(),
      assessment: savedAssessment.nullable(),
      attachments: z.array(attachment),
    }),
  ),
  findings: z.array(finding),
  responses: z.array(inspectionResponse),
  conclusions: z.array(conclusionVersion),
  warnings: z.array(objectivityWarning),
});
export type InspectionDetail = z.infer<typeof inspectionDetail>;
