import { and, asc, eq, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { OrgUnitKind } from '../../../shared/contracts/org-units.js';
import { foldText } from '../../../shared/text.js';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { orgUnits, orgUnitSuccessors, people } from '../../db/schema/index.js';
import { searchCondition } from '../../db/search.js';

const parent = alias(orgUnits, 'parent');
// the directory's people, joined for the head's name
const head = alias(people, 'head');
const columns = {
  id: orgUnits.id,
  code: orgUnits.code,
  name: orgUnits.name,
  shortName: orgUnits.shortName,
  kind: orgUnits.kind,
  parentId: orgUnits.parentId,
  parentName: parent.name,
  validFrom: orgUnits.validFrom,
  validTo: orgUnits.validTo,
  headPersonId: orgUnits.headPersonId,
  headName: head.fullName,
  version: orgUnits.version,
};

export interface OrgUnitFilter {
  q?: string;
  kind?: OrgUnitKind;
  parentId?: string;
  validOn?: string;
  limit: number;
  offset: number;
}
export type OrgUnitRow = typeof orgUnits.$inferSelect;
export type NewOrgUnit = Omit<typeof orgUnits.$inferInsert, 'searchText'>;

export function createOrgUnitsRepo() {
  return {
    async list(db: DbOrTx, f: OrgUnitFilter) {
      const where: (SQL | undefined)[] = [searchCondition(orgUnits.searchText, f.q)];
      if (f.kind) where.push(eq(orgUnits.kind, f.kind));
      if (f.parentId) where.push(eq(orgUnits.parentId, f.parentId));
      if (f.validOn) {
        where.push(or(isNull(orgUnits.validFrom), lte(orgUnits.validFrom, f.validOn)));
        where.push(or(isNull(orgUnits.validTo), gte(orgUnits.validTo, f.validOn)));
      }
      const cond = and(...where);
      const [items, [{ total }]] = await Promise.all([
        db
          .select(columns)
          .from(orgUnits)
          .leftJoin(parent, eq(parent.id, orgUnits.parentId))
          .leftJoin(head, eq(head.id, orgUnits.headPersonId))
          .where(cond)
          .orderBy(asc(orgUnits.kind), asc(orgUnits.code))
          .limit(f.limit)
          .offset(f.offset),
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(orgUnits)
          .where(cond),
      ]);
      return { items, total };
    },

    async get(db: DbOrTx, id: string) {
      const [row] = await db
        .select(columns)
        .from(orgUnits)
        .leftJoin(parent, eq(parent.id, orgUnits.parentId))
        .leftJoin(head, eq(head.id, orgUnits.headPersonId))
        .where(eq(orgUnits.id, id));
      return row;
    },

    async getByCode(db: DbOrTx, code: string) {
      const [row] = await db.select().from(orgUnits).where(eq(orgUnits.code, code));
      return row;
    },

    async links(db: DbOrTx, id: string) {
      const other = alias(orgUnits, 'other');
      const base = {
        id: other.id,
        code: other.code,
        name: other.name,
        share: orgUnitSuccessors.share,
        effectiveDate: orgUnitSuccessors.effectiveDate,
      };
      const [successors, predecessors] = await Promise.all([
        db
          .select(base)
          .from(orgUnitSuccessors)
          .innerJoin(other, eq(other.id, orgUnitSuccessors.successorId))
          .where(eq(orgUnitSuccessors.predecessorId, id))
          .orderBy(asc(other.code)),
        db
          .select(base)
          .from(orgUnitSuccessors)
          .innerJoin(other, eq(other.id, orgUnitSuccessors.predecessorId))
          .where(eq(orgUnitSuccessors.successorId, id))
          .orderBy(asc(other.code)),
      ]);
      return { successors, predecessors };
    },

    async insert(db: DbOrTx, unit: NewOrgUnit) {
      const [row] = await db
        .insert(orgUnits)
        .values({ ...unit, searchText: foldText(unit.name, unit.shortName, unit.code) })
        .returning();
      return row;
    },

    /** Changes the unit if it is still at `version` (+1 in the same statement); undefined when it changed meanwhile. */
    async update(db: DbOrTx, id: string, patch: Partial<NewOrgUnit>, current: OrgUnitRow, version: number) {
      const next = { ...current, ...patch };
      const [row] = await db
        .update(orgUnits)
        .set({
          ...patch,
          searchText: foldText(next.name, next.shortName, next.code),
          version: sql`${orgUnits.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(orgUnits.id, id), eq(orgUnits.version, version)))
        .returning();
      return row;
    },

    /** The unit a person belongs to (undefined: no such person; null: of no unit). */
    async personUnit(db: DbOrTx, personId: string) {
      const [row] = await db.select({ orgUnitId: people.orgUnitId }).from(people).where(eq(people.id, personId));
      return row ? row.orgUnitId : undefined;
    },

    async getRow(db: DbOrTx, id: string) {
      const [row] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
      return row;
    },

    /** Ancestors from the unit up, the unit itself first (for "target or its parent" checks). */
    async ancestorIds(db: DbOrTx, id: string): Promise<string[]> {
      const chain: string[] = [];
      let current: string | null = id;
      while (current && !chain.includes(current) && chain.length < 20) {
        chain.push(current);
        const [row] = await db.select({ parentId: orgUnits.parentId }).from(orgUnits).where(eq(orgUnits.id, current));
        current = row?.parentId ?? null;
      }
      return chain;
    },
  };
}
export type OrgUnitsRepo = ReturnType<typeof createOrgUnitsRepo>;
