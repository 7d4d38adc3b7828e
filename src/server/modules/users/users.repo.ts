import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { orgUnits, users } from '../../db/schema/index.js';

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  orgUnitId: users.orgUnitId,
  orgUnitName: orgUnits.name,
  personId: users.personId,
  active: users.active,
  createdAt: users.createdAt,
  version: users.version,
};
export type NewUser = typeof users.$inferInsert;

export function createUsersRepo() {
  return {
    async list(db: DbOrTx, f: { limit: number; offset: number }) {
      const [items, [{ total }]] = await Promise.all([
        db
          .select(columns)
          .from(users)
          .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
          .orderBy(asc(users.username))
          .limit(f.limit)
          .offset(f.offset),
        db.select({ total: sql<number>`count(*)::int` }).from(users),
      ]);
      return { items, total };
    },
    async get(db: DbOrTx, id: string) {
      const [row] = await db
        .select(columns)
        .from(users)
        .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
        .where(eq(users.id, id));
      return row;
    },
    async getByUsername(db: DbOrTx, username: string) {
      const [row] = await db
        .select(columns)
        .from(users)
        .leftJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
        .where(eq(users.username, username));
      return row;
    },
    async insert(db: DbOrTx, u: NewUser) {
      const [row] = await db.insert(users).values(u).returning({ id: users.id });
      return row.id;
    },
    /**
     * Changes the account, +1 to its version in the same statement; with `version`, only if it is still that one
     * (false when it changed meanwhile). Without: the account holder's own password change, which reads no version.
     */
    async update(db: DbOrTx, id: string, patch: Partial<NewUser>, version?: number) {
      const rows = await db
        .update(users)
        .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: new Date() })
        .where(and(eq(users.id, id), version === undefined ? undefined : eq(users.version, version)))
        .returning({ id: users.id });
      return rows.length > 0;
    },
    count: async (db: DbOrTx) => (await db.select({ n: sql<number>`count(*)::int` }).from(users))[0].n,
  };
}
export type UsersRepo = ReturnType<typeof createUsersRepo>;
