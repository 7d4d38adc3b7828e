import { z } from 'zod';
import { pageQuery, timestamp } from '../fields.js';
import { notificationKinds, notificationModes, sendStatuses } from '../notifications.js';

export const notificationItem = z.object({
  id: z.uuid(),
  kind: z.enum(notificationKinds),
  recordType: z.string(),
  recordId: z.string(),
  /** the page of the record (src/shared/record-paths.ts) */
  path: z.string(),
  /** what the message names: round, unit, number, due date, days, comment… */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  createdAt: timestamp,
  readAt: timestamp.nullable(),
});
export type NotificationItem = z.infer<typeof notificationItem>;

export const notificationListQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});
export type NotificationListQuery = z.infer<typeof notificationListQuery>;

export const notificationPage = z.object({
  items: z.array(notificationItem),
  total: z.number().int(),
  unread: z.number().int(),
});

export const readAllResponse = z.object({ updated: z.number().int() });

export const notificationPreference = z.object({
  kind: z.enum(notificationKinds),
  mode: z.enum(notificationModes),
  /** false for escalations: they cannot be turned off */
  canTurnOff: z.boolean(),
});
export const notificationPreferences = z.object({ items: z.array(notificationPreference) });

export const notificationPreferencesInput = z.strictObject({
  items: z
    .array(z.strictObject({ kind: z.enum(notificationKinds), mode: z.enum(notificationModes) }))
    .max(notificationKinds.length),
});
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesInput>;

export const notificationSend = z.object({
  id: z.uuid(),
  key: z.string(),
  channel: z.literal('email'),
  user: z.object({ id: z.uuid(), username: z.string(), displayName: z.string() }),
  toAddress: z.string().nullable(),
  status: z.enum(sendStatuses),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  notifications: z.number().int(),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
});
export type NotificationSend = z.infer<typeof notificationSend>;
export const notificationSendQuery = z.strictObject({
  status: z.enum(sendStatuses).optional(),
  ...pageQuery,
});
export type NotificationSendQuery = z.infer<typeof notificationSendQuery>;
