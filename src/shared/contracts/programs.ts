import { z } from 'zod';

// custom messages are i18n keys of the web app (src/web/features/*/i18n.ts): forms and API errors show them translated
import { committeeRoles } from '../domain.js';
import { longText, pageQuery, searchQuery, shortText, uuidField, versionField, year } from '../fields.js';
import { because } from '../error-reasons.js';

/** Party-style document symbols: number, kind, issuer — "07-CTr/TU", "15-KH/BCĐ". */
export const documentCode = z
  .string()
  .trim()
  .min(1, because('NOT_EMPTY'))
  .max(40)
  .regex(/^\d{1,4}-[\p{L}]+(\/[\p{L}\p{N}.-]+)+$/u, because('DOCUMENT_CODE'));

export const program = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  issuerOrgUnitId: z.uuid(),
  issuerName: z.string(),
  steeringCommitteeOrgUnitId: z.uuid().nullable(),
  steeringCommitteeName: z.string().nullable(),
  periodStart: z.number().int(),
  periodEnd: z.number().int(),
  description: z.string().nullable(),
  /** a follow-up overdue by this many days is escalated; null: the server's default (defaultEscalationDays) */
  escalationDays: z.number().int().nullable(),
  /** +1 on every change of the program or its committee: the version a write names (If-Match or `version`) */
  version: z.number().int(),
});
export type Program = z.infer<typeof program>;

export const committeeMember = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  fullName: z.string(),
  positionTitle: z.string().nullable(),
  orgUnitName: z.string().nullable(),
  role: z.enum(committeeRoles),
});
export type CommitteeMember = z.infer<typeof committeeMember>;

export const programDetail = program.extend({
  committee: z.array(committeeMember),
  /** the escalation day of programs that set none (ESCALATION_DAYS) */
  defaultEscalationDays: z.number().int(),
});
export type ProgramDetail = z.infer<typeof programDetail>;

export const programListQuery = z.strictObject({ q: searchQuery, ...pageQuery });

const programFields = {
  code: documentCode,
  title: shortText(500),
  issuerOrgUnitId: uuidField,
  steeringCommitteeOrgUnitId: uuidField.nullable().optional(),
  periodStart: year,
  periodEnd: year,
  description: longText(5000).nullable().optional(),
  escalationDays: z
    .number()
    .int()
    .min(1, because('ESCALATION_DAYS_RANGE'))
    .max(365, because('ESCALATION_DAYS_RANGE'))
    .nullable()
    .optional(),
};
export const programInput = z.strictObject(programFields);
export type ProgramInput = z.infer<typeof programInput>;
export const programPatch = z.strictObject(programFields).partial().extend({ version: versionField });
export type ProgramPatch = Omit<z.infer<typeof programPatch>, 'version'>;

export const committeeInput = z.strictObject({
  members: z
    .array(z.strictObject({ personId: uuidField, role: z.enum(committeeRoles) }))
    .max(100)
    .superRefine((members, ctx) => {
      if (members.filter((m) => m.role === 'head').length > 1)
        ctx.addIssue({ code: 'custom', message: because('ONE_HEAD') });
      members.forEach((m, i) => {
        if (members.findIndex((o) => o.personId === m.personId) < i) {
          ctx.addIssue({ code: 'custom', path: [i, 'personId'], message: because('PERSON_TWICE') });
        }
      });
    }),
  /** the program's version: the committee is part of it */
  version: versionField,
});
export type CommitteeInput = Omit<z.infer<typeof committeeInput>, 'version'>;
