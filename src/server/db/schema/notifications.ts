import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { NotificationKind } from '../../../shared/notifications.js';
import { createdAt, users } from './foundation.js';

export type NotificationMode = 'immediate' | 'digest' | 'off';
export type SendStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * One notice to one account about one event. `(event_key, recipient_user_id)` is unique: the same event reaches the
 * same person once, however many scans, instances or retries produce it.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    recipientUserId: uuid('recipient_user_id')
      .notNull()
      .references(() => users.id),
    eventKey: text('event_key').notNull(),
    kind: text('kind').$type<NotificationKind>().notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    path: text('path').notNull(),
    params: jsonb('params').$type<Record<string, string | number | null>>().notNull().default({}),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_event_recipient_uq').on(t.eventKey, t.recipientUserId),
    index('notifications_recipient_idx').on(t.recipientUserId, t.createdAt),
  ],
);

/** How a person wants one kind of event: at once, in the 07:00 digest, or not by e-mail (escalations: never off). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    mode: text('mode').$type<NotificationMode>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/**
 * One e-mail: a notification sent at once, or a person's daily digest. `key` is unique (`n:<notificationId>`,
 * `digest:<userId>:<date>`); `sending` is committed before the SMTP call, so a send interrupted by a crash is never
 * repeated (at most once) but marked failed for the admin.
 */
export const notificationSends = pgTable(
  'notification_sends',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    key: text('key').notNull().unique(),
    channel: text('channel').$type<'email'>().notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    toAddress: text('to_address'),
    status: text('status').$type<SendStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('notification_sends_status_idx').on(t.status, t.createdAt)],
);

/** Which notifications a send carries; the primary key holds "once per notification and channel". */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    channel: text('channel').$type<'email'>().notNull(),
    sendId: uuid('send_id')
      .notNull()
      .references(() => notificationSends.id),
  },
  (t) => [
    primaryKey({ columns: [t.notificationId, t.channel] }),
    index('notification_deliveries_send_idx').on(t.sendId),
  ],
);
