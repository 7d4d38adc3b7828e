import { and, asc, eq, sql } from 'drizzle-orm';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { orgUnits, people } from '../../db/schema/index.js';
import { searchCondition } from '../../db/search.js';

const columns = {
  id: people.id,
  fullName: people.fullName,
  positionTitle: people.positionTitle,
  orgUnitId: people.orgUnitId,
  orgUnitName: orgUnits.name,
  email: people.email,
  phone: people.phone,
  isDemo: people.isDemo,
  version: people.version,
};
export type PersonRow = typeof people.$inferSelect;
export type NewPerson = Omit<typeof people.$inferInsert, 'searchText'>;

export function createPeopleRepo() {
  return {
    async list(db: DbOrTx, f: { q?: string; orgUnitId?: string; limit: number; offset: number }) {
      const cond = and(
        searchCondition(people.searchText, f.q),
        f.orgUnitId ? eq(people.orgUnitId, f.orgUnitId) : undefined,
      );
      const [items, [{ total }]] = await Promise.all([
        db
          .select(columns)
          .from(people)
          .leftJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
          .where(cond)
          .orderBy(asc(people.fullName))
          .limit(f.limit)
          .offset(f.offset),
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(people)
          .where(cond),
      ]);
      return { items, total };
    },
    async get(db: DbOrTx, id: string) {
      const [row] = await db
        .select(columns)
        .from(people)
        .leftJoin(orgUnits, eq(orgUnits.id, people.orgUnitId))
        .where(eq(people.id, id));
      return row;
    },
    async getRow(db: DbOrTx, id: string) {
      const [row] = await db.select().from(people).where(eq(people.id, id));
      return row;
    },
    async insert(db: DbOrTx, p: NewPerson) {
      const [row] = await db
        .insert(people)
        .values({ ...p, searchText: foldText(p.fullName, p.positionTitle) })
        .returning();
      return row;
    },
    /** Changes the person if still at `version` (+1 in the same statement); undefined when changed meanwhile. */
    async update(db: DbOrTx, id: string, patch: Partial<NewPerson>, current: PersonRow, version: number) {
      const next = { ...current, ...patch };
      const [row] = await db
        .update(people)
        .set({
          ...patch,
          searchText: foldText(next.fullName, next.positionTitle),
          version: sql`${people.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(people.id, id), eq(people.version, version)))
        .returning();
      return row;
    },
  };
}
export type PeopleRepo = ReturnType<typeof createPeopleRepo>;
