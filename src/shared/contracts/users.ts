import { z } from 'zod';
import { pageQuery, roles, shortText, timestamp, uuidField, versionField } from '../fields.js';
import { sessionUser } from './auth.js';
import { because } from '../error-reasons.js';

/** An account as admins see it: the session's view of a user plus its state. */
export const userAccount = sessionUser.extend({
  active: z.boolean(),
  createdAt: timestamp,
  /** +1 on every change: the version a write names (If-Match or `version`) */
  version: z.number().int(),
});

export const userListQuery = z.strictObject({ ...pageQuery });

const password = z.string().min(8, because('PASSWORD_TOO_SHORT')).max(256);
export const userInput = z.strictObject({
  username: z
    .string()
    .trim()
    .min(3, because('USERNAME_TOO_SHORT'))
    .max(64)
    .regex(/^[a-z0-9._-]+$/, because('USERNAME_CHARS')),
  displayName: shortText(120),
  role: z.enum(roles),
  orgUnitId: uuidField.nullable().optional(),
  personId: uuidField.nullable().optional(),
  password,
});
export type UserInput = z.infer<typeof userInput>;

export const userPatch = z.strictObject({
  displayName: shortText(120).optional(),
  role: z.enum(roles).optional(),
  orgUnitId: uuidField.nullable().optional(),
  personId: uuidField.nullable().optional(),
  active: z.boolean().optional(),
  password: password.optional(),
  version: versionField,
});
export type UserPatch = Omit<z.infer<typeof userPatch>, 'version'>;
