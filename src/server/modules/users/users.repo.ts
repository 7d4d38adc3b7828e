import { asc, eq, sql } from 'drizzle-orm';
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
    update: (db: DbOrTx, id: string, patch: Partial<NewUser>) =>
      db
        .update(users)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(users.id, id)),
    count: async (db: DbOrTx) => (await db.select({ n: sql<number>`count(*)::int` }).from(users))[0].n,
  };
}
export type UsersRepo = ReturnType<typeof createUsersRepo>;
