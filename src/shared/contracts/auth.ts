import { z } from 'zod';
import { roles } from '../fields.js';
import { because } from '../error-reasons.js';

export const loginBody = z.strictObject({
  username: z.string().trim().min(1, because('NOT_EMPTY')).max(64),
  password: z.string().min(1, because('NOT_EMPTY')).max(256),
});
export type LoginBody = z.infer<typeof loginBody>;

export const sessionUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  orgUnitId: z.uuid().nullable(),
  orgUnitName: z.string().nullable(),
  personId: z.uuid().nullable(),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const meResponse = z.object({ user: sessionUser });
