import { z } from 'zod';
import { pageQuery, searchQuery, shortText, uuidField, versionField } from '../fields.js';
import { because } from '../error-reasons.js';

export const person = z.object({
  id: z.uuid(),
  fullName: z.string(),
  positionTitle: z.string().nullable(),
  orgUnitId: z.uuid().nullable(),
  orgUnitName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isDemo: z.boolean(),
  /** +1 on every change: the version a write names (If-Match or `version`) */
  version: z.number().int(),
});
export type Person = z.infer<typeof person>;

export const personListQuery = z.strictObject({ q: searchQuery, orgUnitId: uuidField.optional(), ...pageQuery });

export const personInput = z.strictObject({
  fullName: shortText(120),
  positionTitle: shortText(300).nullable().optional(),
  orgUnitId: uuidField.nullable().optional(),
  email: z
    .email({ message: because('EMAIL') })
    .max(200)
    .nullable()
    .optional(),
  phone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[0-9 +().-]*$/, because('PHONE_CHARS'))
    .nullable()
    .optional(),
});
export type PersonInput = z.infer<typeof personInput>;
export const personPatch = personInput.partial().extend({ version: versionField });
export type PersonPatch = Omit<z.infer<typeof personPatch>, 'version'>;
