import { z } from 'zod';
import { roles, timestamp } from '../fields.js';
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
/** Who is logged in, if anyone: the web's start-up probe, which must not log a 401 for every logged-out visit. */
export const sessionProbe = z.object({ user: sessionUser.nullable() });

/** Users change their own password; the new one follows the same rule as an admin-set password. */
export const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1, because('NOT_EMPTY')).max(256),
  newPassword: z.string().min(8, because('PASSWORD_TOO_SHORT')).max(256),
});
export type PasswordChangeBody = z.infer<typeof passwordChangeBody>;

/** One of the user's own sessions (the token never leaves the server; `id` names the session). */
export const sessionInfo = z.object({
  id: z.uuid(),
  createdAt: timestamp,
  lastSeenAt: timestamp,
  expiresAt: timestamp,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;
export const sessionList = z.object({ items: z.array(sessionInfo) });
export const sessionsEnded = z.object({ ended: z.number().int() });
