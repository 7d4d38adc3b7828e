import { z } from 'zod';

// custom messages are i18n keys of the web app (src/web/features/*/i18n.ts): forms and API errors show them translated
import { inspectionStatuses, teamRoles } from '../domain.js';
import { isoDate, longText, pageQuery, searchQuery, shortText, uuidField, versionField, year } from '../fields.js';
import { documentCode } from './programs.js';
import { because, type ErrorReason } from '../error-reasons.js';

export const warningCodes = [
  'MEMBER_FROM_TARGET',
  'TARGET_WINDOW_OVERLAP',
  'PERSON_WINDOW_OVERLAP',
] as const satisfies readonly ErrorReason[];
export type WarningCode = (typeof warningCodes)[number];

/** An objectivity warning: `code` is an ErrorReason the UI translates with `params`; `message` is its English text. */
export const objectivityWarning = z.object({
  code: z.enum(warningCodes),
  inspectionIds: z.array(z.uuid()),
  teamId: z.uuid().optional(),
  personId: z.uuid().optional(),
  params: z.record(z.string(), z.string()),
  message: z.string(),
});
export type ObjectivityWarning = z.infer<typeof objectivityWarning>;

// ---- plans

export const contentArea = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
});
export type ContentArea = z.infer<typeof contentArea>;

const contentAreaFields = { title: shortText(500), description: longText(5000).nullable().optional() };
const contentAreaList = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(20);

export const planInput = z.strictObject({
  programId: uuidField,
  code: documentCode,
  title: shortText(500),
  year,
  issueDate: isoDate,
  requirements: longText(20_000).nullable().optional(),
  contentAreas: contentAreaList(z.strictObject(contentAreaFields)),
});
export type PlanInput = z.infer<typeof planInput>;

/** `contentAreas` is the whole ordered list: existing areas carry their `id`, new ones have none, missing ones are removed. */
export const planPatch = z.strictObject({
  title: shortText(500).optional(),
  issueDate: isoDate.optional(),
  requirements: longText(20_000).nullable().optional(),
  contentAreas: contentAreaList(z.strictObject({ id: uuidField.optional(), ...contentAreaFields }))
    .superRefine((areas, ctx) => {
      areas.forEach((a, i) => {
        if (a.id && areas.findIndex((o) => o.id === a.id) < i)
          ctx.addIssue({ code: 'custom', path: [i, 'id'], message: because('LISTED_TWICE') });
      });
    })
    .optional(),
  version: versionField,
});
export type PlanPatch = Omit<z.infer<typeof planPatch>, 'version'>;

export const planListQuery = z.strictObject({
  q: searchQuery,
  programId: uuidField.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  ...pageQuery,
});

const statusCounts = z.object(
  Object.fromEntries(inspectionStatuses.map((s) => [s, z.number().int()])) as Record<
    (typeof inspectionStatuses)[number],
    z.ZodNumber
  >,
);

export const planListItem = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  year: z.number().int(),
  issueDate: z.string(),
  programId: z.uuid(),
  programCode: z.string(),
  teamCount: z.number().int(),
  inspectionCount: z.number().int(),
  inspectionsByStatus: statusCounts,
});
export type PlanListItem = z.infer<typeof planListItem>;

// ---- teams and targets

export const teamMember = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  fullName: z.string(),
  positionTitle: z.string().nullable(),
  personOrgUnitName: z.string().nullable(),
  role: z.enum(teamRoles),
  representedOrgUnitId: z.uuid().nullable(),
  representedOrgUnitName: z.string().nullable(),
});
export type TeamMember = z.infer<typeof teamMember>;

export const target = z.object({
  inspectionId: z.uuid(),
  targetOrgUnitId: z.uuid(),
  targetName: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  status: z.enum(inspectionStatuses),
  /** the inspection's version: +1 on every change of it, its window's and every status move alike */
  version: z.number().int(),
});
export type Target = z.infer<typeof target>;

export const team = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  number: z.number().int(),
  name: z.string(),
  members: z.array(teamMember),
  targets: z.array(target),
  /** +1 on every change of the name or the members */
  version: z.number().int(),
});
export type Team = z.infer<typeof team>;

/** Exactly one head, each person once: checked here so the form and the API agree. */
export const teamMembersInput = z
  .array(
    z.strictObject({
      personId: uuidField,
      role: z.enum(teamRoles),
      representedOrgUnitId: uuidField.nullable().optional(),
    }),
  )
  .min(1)
  .max(50)
  .superRefine((members, ctx) => {
    const heads = members.filter((m) => m.role === 'head').length;
    if (heads !== 1)
      ctx.addIssue({
        code: 'custom',
        message: heads ? because('ONE_HEAD') : because('HEAD_REQUIRED'),
      });
    members.forEach((m, i) => {
      if (members.findIndex((o) => o.personId === m.personId) < i)
        ctx.addIssue({ code: 'custom', path: [i, 'personId'], message: because('PERSON_TWICE') });
    });
  });
export type TeamMembersInput = z.infer<typeof teamMembersInput>;

export const teamInput = z.strictObject({
  number: z.number().int().min(1).max(99),
  name: shortText(200),
  members: teamMembersInput,
});
export type TeamInput = z.infer<typeof teamInput>;
export const teamPatch = z.strictObject({
  name: shortText(200).optional(),
  members: teamMembersInput.optional(),
  version: versionField,
});
export type TeamPatch = Omit<z.infer<typeof teamPatch>, 'version'>;

const windowOrder = (w: { windowStart?: string; windowEnd?: string }, ctx: z.RefinementCtx) => {
  if (w.windowStart && w.windowEnd && w.windowEnd < w.windowStart) {
    ctx.addIssue({ code: 'custom', path: ['windowEnd'], message: because('DATE_BEFORE_START') });
  }
};
export const targetInput = z
  .strictObject({ targetOrgUnitId: uuidField, windowStart: isoDate, windowEnd: isoDate })
  .superRefine(windowOrder);
export type TargetInput = z.infer<typeof targetInput>;
export const targetPatch = z
  .strictObject({ windowStart: isoDate.optional(), windowEnd: isoDate.optional(), version: versionField })
  .superRefine(windowOrder);
export type TargetPatch = Omit<z.infer<typeof targetPatch>, 'version'>;
export const targetParams = z.strictObject({ teamId: uuidField, inspectionId: uuidField });

// ---- the plan page

export const planDetail = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  year: z.number().int(),
  issueDate: z.string(),
  requirements: z.string().nullable(),
  program: z.object({ id: z.uuid(), code: z.string(), title: z.string() }),
  contentAreas: z.array(contentArea),
  teams: z.array(team),
  warnings: z.array(objectivityWarning),
  version: z.number().int(),
  /** what the caller may do with this plan, from the catalogue (src/shared/permissions.ts) */
  permissions: z.object({ canManage: z.boolean() }),
});
export type PlanDetail = z.infer<typeof planDetail>;
