import { z } from 'zod';
import { inspectionStatuses, ratings, teamRoles } from '../domain.js';
import { longText, pageQuery, searchQuery, shortText, uuidField } from '../fields.js';
import { conclusionVersion } from './conclusions.js';
import { finding } from './findings.js';
import { objectivityWarning } from './inspection-plans.js';

export const inspectionListQuery = z.strictObject({
  status: z.enum(inspectionStatuses).optional(),
  planId: uuidField.optional(),
  teamId: uuidField.optional(),
  targetOrgUnitId: uuidField.optional(),
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
});
export type InspectionListItem = z.infer<typeof inspectionListItem>;

export const assessmentParams = z.strictObject({ id: uuidField, contentAreaId: uuidField });
export const assessmentInput = z.strictObject({ rating: z.enum(ratings).nullable(), notes: longText(20_000) });
export type AssessmentInput = z.infer<typeof assessmentInput>;

export const transitionInput = z.strictObject({ to: z.enum(inspectionStatuses) });
export const responseInput = z.strictObject({ text: shortText(20_000) });
export type ResponseInput = z.infer<typeof responseInput>;

export const attachment = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.date(),
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

export const inspectionDetail = z.object({
  id: z.uuid(),
  status: z.enum(inspectionStatuses),
  windowStart: z.string(),
  windowEnd: z.string(),
  draftSharedAt: z.date().nullable(),
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
  contentAreas: z.array(
    z.object({
      id: z.uuid(),
      position: z.number().int(),
      title: z.string(),
      description: z.string().nullable(),
      assessment: z
        .object({ rating: z.enum(ratings).nullable(), notes: z.string().nullable(), updatedAt: z.date() })
        .nullable(),
      attachments: z.array(attachment),
    }),
  ),
  findings: z.array(finding),
  responses: z.array(z.object({ id: z.uuid(), text: z.string(), respondedAt: z.date(), respondedBy: z.string() })),
  conclusions: z.array(conclusionVersion),
  warnings: z.array(objectivityWarning),
});
export type InspectionDetail = z.infer<typeof inspectionDetail>;
