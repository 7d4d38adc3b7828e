import { and, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditEvents, orgUnits, people, users } from '../../db/schema/index.js';
import type { AuditSubject } from './audit-subjects.js';

export type NewAuditEvent = typeof auditEvents.$inferInsert;

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorUsername?: string;
  action?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

export function createAuditRepo() {
  return {
    insert: (db: DbOrTx, event: NewAuditEvent) => db.insert(auditEvents).values(event),

    /** Who made the latest recorded change to an entity, and when. */
    /** The last change of a record; several types: a record audited under more than one (a program and its committee). */
    async lastChange(db: DbOrTx, entityType: string | readonly string[], entityId: string) {
      const [row] = await db
        .select({
          at: auditEvents.at,
          by: sql<string | null>`coalesce(${users.displayName}, ${auditEvents.actorUsername})`,
        })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorUserId))
        .where(
          and(
            typeof entityType === 'string'
              ? eq(auditEvents.entityType, entityType)
              : inArray(auditEvents.entityType, [...entityType]),
            eq(auditEvents.entityId, entityId),
          ),
        )
        .orderBy(desc(auditEvents.id))
        .limit(1);
      return row;
    },

    /** Names of units, people and accounts: the directory every module may read. */
    async directoryNames(
      db: DbOrTx,
      type: 'orgUnit' | 'person' | 'user',
      ids: string[],
      path: (id: string) => string,
    ): Promise<Map<string, AuditSubject>> {
      const rows =
        type === 'orgUnit'
          ? await db.select({ id: orgUnits.id, name: orgUnits.name }).from(orgUnits).where(inArray(orgUnits.id, ids))
          : type === 'person'
            ? await db.select({ id: people.id, name: people.fullName }).from(people).where(inArray(people.id, ids))
            : await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
      return new Map(rows.map((r) => [r.id, { name: r.name, path: path(r.id) }]));
    },

    async list(db: DbOrTx, f: AuditFilter) {
      const where: SQL[] = [];
      if (f.entityType) where.push(eq(auditEvents.entityType, f.entityType));
      if (f.entityId) where.push(eq(auditEvents.entityId, f.entityId));
      if (f.actorUsername) where.push(eq(auditEvents.actorUsername, f.actorUsername));
      if (f.action) where.push(eq(auditEvents.action, f.action));
      if (f.from) where.push(gte(auditEvents.at, new Date(`${f.from}T00:00:00+07:00`)));
      if (f.to) where.push(lte(auditEvents.at, new Date(`${f.to}T23:59:59.999+07:00`)));
      const cond = where.length ? and(...where) : undefined;
      const [items, [{ total }]] = await Promise.all([
        db.select().from(auditEvents).where(cond).orderBy(desc(auditEvents.id)).limit(f.limit).offset(f.offset),
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(auditEvents)
          .where(cond),
      ]);
      return { items, total };
    },
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;
