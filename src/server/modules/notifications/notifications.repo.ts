import { and, count, desc, eq, inArray, isNull, like, lte, notExists, or, sql } from 'drizzle-orm';
import { recipientUnitName } from '../../../shared/notifications.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import {
  notificationDeliveries,
  notificationPreferences,
  notifications,
  notificationSends,
  orgUnits,
  people,
  users,
} from '../../db/schema/index.js';
import type { NotificationMode, SendStatus } from '../../db/schema/notifications.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = typeof notifications.$inferInsert;
export type SendRow = typeof notificationSends.$inferSelect;

// a unit's head when the unit names none (org_units.head_person_id), by the person's position title (Giám đốc, Chánh
// Văn phòng, Trưởng ban, Chủ tịch): a unit account stands for the unit, not its head
const HEAD_TITLE = '^(giám đốc|chánh|trưởng|chủ tịch)';

export function createNotificationsRepo() {
  return {
    /** Inserts what is new; an (event, recipient) already notified is skipped. Returns the inserted rows. */
    insert: (db: DbOrTx, rows: NewNotification[]) =>
      rows.length
        ? db
            .insert(notifications)
            .values(rows)
            .onConflictDoNothing({ target: [notifications.eventKey, notifications.recipientUserId] })
            .returning()
        : Promise.resolve([] as NotificationRow[]),

    async unitName(db: DbOrTx, orgUnitId: string) {
      const [row] = await db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, orgUnitId));
      return row?.name ?? '';
    },

    /**
     * The org units that lines of a conclusion's "Nơi nhận" name (by full or short name, ignoring case and
     * diacritics); lines naming no unit, or one not in the directory, give nothing.
     */
    async unitsNamed(db: DbOrTx, lines: string[]) {
      const names = [...new Set(lines.map((l) => recipientUnitName(l, foldText)).filter((n): n is string => !!n))];
      if (!names.length) return [];
      // search_text starts with the folded name (then the short name and the code): the prefix narrows, JS decides
      const rows = await db
        .select({ id: orgUnits.id, name: orgUnits.name, shortName: orgUnits.shortName })
        .from(orgUnits)
        .where(or(...names.map((n) => like(orgUnits.searchText, `%${n.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))));
      return rows
        .filter((r) => names.includes(foldText(r.name)) || (r.shortName && names.includes(foldText(r.shortName))))
        .map((r) => r.id);
    },

    /** Active accounts acting for these org units. */
    async unitUsers(db: DbOrTx, orgUnitIds: string[]) {
      if (!orgUnitIds.length) return [];
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.orgUnitId, orgUnitIds), eq(users.active, true), eq(users.role, 'unit')));
      return rows.map((r) => r.id);
    },

    /**
     * Active accounts linked to the head of an org unit: the head an admin set on the unit (`head_person_id`); when
     * none is set, the fallback: a person of the unit with a head's position title.
     */
    async headUsers(db: DbOrTx, orgUnitId: string) {
      const [unit] = await db
        .select({ headPersonId: orgUnits.headPersonId })
        .from(orgUnits)
        .where(eq(orgUnits.id, orgUnitId));
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .innerJoin(people, eq(people.id, users.personId))
        .where(
          and(
            eq(users.active, true),
            unit?.headPersonId
              ? eq(people.id, unit.headPersonId)
              : and(eq(people.orgUnitId, orgUnitId), sql`lower(coalesce(${people.positionTitle}, '')) ~ ${HEAD_TITLE}`),
          ),
        );
      return rows.map((r) => r.id);
    },

    async roleUsers(db: DbOrTx, role: 'secretariat') {
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, role), eq(users.active, true)));
      return rows.map((r) => r.id);
    },

    /** Each account's e-mail: its linked person's. */
    async addresses(db: DbOrTx, userIds: string[]) {
      if (!userIds.length) return new Map<string, { email: string | null; name: string }>();
      const rows = await db
        .select({ id: users.id, email: people.email, name: users.displayName })
        .from(users)
        .leftJoin(people, eq(people.id, users.personId))
        .where(inArray(users.id, userIds));
      return new Map(rows.map((r) => [r.id, { email: r.email, name: r.name }]));
    },

    async modes(db: DbOrTx, userIds: string[], kind: string) {
      if (!userIds.length) return new Map<string, NotificationMode>();
      const rows = await db
        .select()
        .from(notificationPreferences)
        .where(and(inArray(notificationPreferences.userId, userIds), eq(notificationPreferences.kind, kind)));
      return new Map(rows.map((r) => [r.userId, r.mode]));
    },

    preferences: (db: DbOrTx, userId: string) =>
      db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)),

    async setPreference(db: DbOrTx, userId: string, kind: string, mode: NotificationMode) {
      await db
        .insert(notificationPreferences)
        .values({ userId, kind, mode })
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { mode } });
    },

    async list(db: DbOrTx, userId: string, f: { unread?: boolean; limit: number; offset: number }) {
      const mine = eq(notifications.recipientUserId, userId);
      const where = f.unread ? and(mine, isNull(notifications.readAt)) : mine;
      const [items, [{ total }], [{ unread }]] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(where)
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(f.limit)
          .offset(f.offset),
        db.select({ total: count() }).from(notifications).where(where),
        db
          .select({ unread: count() })
          .from(notifications)
          .where(and(mine, isNull(notifications.readAt))),
      ]);
      return { items, total, unread };
    },

    async markRead(db: DbOrTx, userId: string, id: string, at: Date) {
      const rows = await db
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
        .where(and(eq(notifications.id, id), eq(notifications.recipientUserId, userId)))
        .returning({ id: notifications.id });
      return rows.length > 0;
    },

    async markAllRead(db: DbOrTx, userId: string, at: Date) {
      const rows = await db
        .update(notifications)
        .set({ readAt: at })
        .where(and(eq(notifications.recipientUserId, userId), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return rows.length;
    },

    /** A new send with the notifications it carries; those already carried by e-mail are left out (at most once). */
    async createSend(
      db: DbOrTx,
      send: { key: string; userId: string; toAddress: string | null },
      notificationIds: string[],
    ): Promise<{ sendId: string; carried: number } | null> {
      const [row] = await db
        .insert(notificationSends)
        .values({ ...send, channel: 'email' })
        .onConflictDoNothing({ target: notificationSends.key })
        .returning({ id: notificationSends.id });
      if (!row) return null;
      const carried = notificationIds.length
        ? await db
            .insert(notificationDeliveries)
            .values(
              notificationIds.map((notificationId) => ({ notificationId, channel: 'email' as const, sendId: row.id })),
            )
            .onConflictDoNothing()
            .returning({ id: notificationDeliveries.notificationId })
        : [];
      if (!carried.length) {
        await db.delete(notificationSends).where(eq(notificationSends.id, row.id));
        return null;
      }
      return { sendId: row.id, carried: carried.length };
    },

    /** Digest-mode notifications created up to `until` that no e-mail carries yet, by recipient. */
    async digestPending(db: DbOrTx, until: Date) {
      return db
        .select({ id: notifications.id, userId: notifications.recipientUserId })
        .from(notifications)
        .innerJoin(
          notificationPreferences,
          and(
            eq(notificationPreferences.userId, notifications.recipientUserId),
            eq(notificationPreferences.kind, notifications.kind),
          ),
        )
        .where(
          and(
            eq(notificationPreferences.mode, 'digest'),
            lte(notifications.createdAt, until),
            notExists(
              db
                .select({ one: sql`1` })
                .from(notificationDeliveries)
                .where(
                  and(
                    eq(notificationDeliveries.notificationId, notifications.id),
                    eq(notificationDeliveries.channel, 'email'),
                  ),
                ),
            ),
          ),
        );
    },

    async getSend(db: DbOrTx, id: string) {
      const [row] = await db.select().from(notificationSends).where(eq(notificationSends.id, id));
      return row;
    },

    /** The notifications a send carries, oldest first. */
    sendContents: (db: DbOrTx, sendId: string) =>
      db
        .select({ n: notifications })
        .from(notificationDeliveries)
        .innerJoin(notifications, eq(notifications.id, notificationDeliveries.notificationId))
        .where(eq(notificationDeliveries.sendId, sendId))
        .orderBy(notifications.createdAt, notifications.id)
        .then((rows) => rows.map((r) => r.n)),

    /** Moves a send from one state to another; false when it was not in `from` (someone else moved it). */
    async moveSend(
      db: DbOrTx,
      id: string,
      from: SendStatus,
      patch: { status: SendStatus; lastError?: string | null; sentAt?: Date; attempts?: number },
    ) {
      const rows = await db
        .update(notificationSends)
        .set(patch)
        .where(and(eq(notificationSends.id, id), eq(notificationSends.status, from)))
        .returning({ id: notificationSends.id });
      return rows.length > 0;
    },

    async listSends(db: DbOrTx, f: { status?: SendStatus; limit: number; offset: number }) {
      const where = f.status ? eq(notificationSends.status, f.status) : undefined;
      const carried = db
        .select({ sendId: notificationDeliveries.sendId, n: count().as('n') })
        .from(notificationDeliveries)
        .groupBy(notificationDeliveries.sendId)
        .as('carried');
      const [items, [{ total }]] = await Promise.all([
        db
          .select({
            send: notificationSends,
            username: users.username,
            displayName: users.displayName,
            notifications: sql<number>`coalesce(${carried.n}, 0)::int`,
          })
          .from(notificationSends)
          .innerJoin(users, eq(users.id, notificationSends.userId))
          .leftJoin(carried, eq(carried.sendId, notificationSends.id))
          .where(where)
          .orderBy(desc(notificationSends.createdAt), desc(notificationSends.id))
          .limit(f.limit)
          .offset(f.offset),
        db.select({ total: count() }).from(notificationSends).where(where),
      ]);
      return { items, total };
    },
  };
}
export type NotificationsRepo = ReturnType<typeof createNotificationsRepo>;
