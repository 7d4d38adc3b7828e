import { z } from 'zod';
import { isoDate, pageQuery, searchQuery, shortText, uuidField, versionField } from '../fields.js';
import { because } from '../error-reasons.js';

export const orgUnitKinds = [
  'city',
  'party_committee',
  'people_committee',
  'steering_committee',
  'department',
  'district',
  'district_party_committee',
  'commune',
  'center',
  'other',
] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

export const orgUnit = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: z.enum(orgUnitKinds),
  parentId: z.uuid().nullable(),
  parentName: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  /** the unit's head as set by an admin (told of escalations); null: none set */
  headPersonId: z.uuid().nullable(),
  headName: z.string().nullable(),
  /** +1 on every change: the version a write names (If-Match or `version`) */
  version: z.number().int(),
});
export type OrgUnit = z.infer<typeof orgUnit>;

export const orgUnitDetail = orgUnit.extend({
  successors: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      share: z.enum(['whole', 'part']),
      effectiveDate: z.string(),
    }),
  ),
  predecessors: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      name: z.string(),
      share: z.enum(['whole', 'part']),
      effectiveDate: z.string(),
    }),
  ),
});

export const orgUnitListQuery = z.strictObject({
  q: searchQuery,
  kind: z.enum(orgUnitKinds).optional(),
  parentId: uuidField.optional(),
  /** only units valid on this date (default: all) */
  validOn: isoDate.optional(),
  ...pageQuery,
});

export const orgUnitInput = z.strictObject({
  code: z
    .string()
    .trim()
    .min(1, because('NOT_EMPTY'))
    .max(40)
    .regex(/^[\p{L}\p{N}._\-/]+$/u, because('CODE_CHARS')),
  name: shortText(300),
  shortName: shortText(120).nullable().optional(),
  kind: z.enum(orgUnitKinds),
  parentId: uuidField.nullable().optional(),
  validFrom: isoDate.nullable().optional(),
  validTo: isoDate.nullable().optional(),
  /** a person of this unit (so none on creation: no one belongs to it yet) */
  headPersonId: uuidField.nullable().optional(),
});
export type OrgUnitInput = z.infer<typeof orgUnitInput>;
export const orgUnitPatch = orgUnitInput.partial().extend({ version: versionField });
export type OrgUnitPatch = Omit<z.infer<typeof orgUnitPatch>, 'version'>;
