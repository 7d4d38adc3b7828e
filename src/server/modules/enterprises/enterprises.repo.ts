import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { EnterpriseListQuery } from '../../../shared/contracts/enterprises.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import { enterprises, enterpriseUsers, orgUnits, orgUnitSuccessors, users, vsicCodes } from '../../db/schema/index.js';
import { searchCondition } from '../../db/search.js';

const recorded = alias(orgUnits, 'recorded_commune');
const current = alias(orgUnits, 'current_commune');

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type NewEnterprise = Omit<typeof enterprises.$inferInsert, 'searchText' | 'id'>;

const searchTextOf = (e: { name: string; taxCode: string; address?: string | null }) =>
  foldText(e.name, e.taxCode, e.address);

export function createEnterprisesRepo() {
  const selectItems = (db: DbOrTx) =>
    db
      .select({
        row: enterprises,
        commune: { id: recorded.id, code: recorded.code, name: recorded.name },
        currentCommune: { id: current.id, code: current.code, name: current.name },
      })
      .from(enterprises)
      .leftJoin(recorded, eq(recorded.id, enterprises.communeId))
      .leftJoin(current, eq(current.id, enterprises.currentCommuneId));

  return {
    async insert(tx: DbOrTx, e: NewEnterprise) {
      const [row] = await tx
        .insert(enterprises)
        .values({ ...e, searchText: searchTextOf(e) })
        .returning();
      return row;
    },
    async update(tx: DbOrTx, id: string, patch: Partial<NewEnterprise>, before: EnterpriseRow) {
      const merged = { ...before, ...patch };
      const [row] = await tx
        .update(enterprises)
        .set({
          ...patch,
          searchText: searchTextOf(merged),
          version: sql`${enterprises.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(enterprises.id, id))
        .returning();
      return row;
    },
    async getRowByTaxCode(db: DbOrTx, taxCode: string, forUpdate = false) {
      const q = db.select().from(enterprises).where(eq(enterprises.taxCode, taxCode));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },
    async getRow(db: DbOrTx, id: string) {
      const [row] = await db.select().from(enterprises).where(eq(enterprises.id, id));
      return row;
    },
    names: (db: DbOrTx, ids: string[]) =>
      ids.length
        ? db
            .select({
              id: enterprises.id,
              taxCode: enterprises.taxCode,
              name: enterprises.name,
              sizeClass: enterprises.sizeClass,
            })
            .from(enterprises)
            .where(inArray(enterprises.id, ids))
        : Promise.resolve([]),
    /** The ids a registry search matches, as a subquery (not run here): a filter however many match. */
    matchingIds: (db: DbOrTx, q: string) =>
      db.select({ id: enterprises.id }).from(enterprises).where(searchCondition(enterprises.searchText, q)),
    async getByTaxCode(db: DbOrTx, taxCode: string) {
      const [row] = await selectItems(db).where(eq(enterprises.taxCode, taxCode));
      return row;
    },
    async list(db: DbOrTx, f: EnterpriseListQuery) {
      const where: (SQL | undefined)[] = [searchCondition(enterprises.searchText, f.q)];
      if (f.sectorCode) where.push(eq(enterprises.sectorCode, f.sectorCode));
      if (f.sizeClass) where.push(eq(enterprises.sizeClass, f.sizeClass));
      if (f.communeResolution) where.push(eq(enterprises.communeResolution, f.communeResolution));
      if (f.currentCommuneId) where.push(eq(enterprises.currentCommuneId, f.currentCommuneId));
      const cond = and(...where);
      const [items, [{ total }]] = await Promise.all([
        selectItems(db)
          .where(cond)
          .orderBy(asc(enterprises.name), asc(enterprises.taxCode))
          .limit(f.limit)
          .offset(f.offset),
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(enterprises)
          .where(cond),
      ]);
      return { items, total };
    },

    /** A commune org unit by code, with validity, to tell a commune from 2025-07-01 from an older one. */
    async communeByCode(db: DbOrTx, code: string) {
      const [row] = await db
        .select({
          id: orgUnits.id,
          code: orgUnits.code,
          name: orgUnits.name,
          kind: orgUnits.kind,
          validTo: orgUnits.validTo,
        })
        .from(orgUnits)
        .where(eq(orgUnits.code, code));
      return row;
    },
    /** Where a pre-2025 commune went: `whole` to one commune, or `part` to several. */
    successorsOf: (db: DbOrTx, predecessorId: string) =>
      db
        .select({ id: orgUnits.id, code: orgUnits.code, name: orgUnits.name, share: orgUnitSuccessors.share })
        .from(orgUnitSuccessors)
        .innerJoin(orgUnits, eq(orgUnits.id, orgUnitSuccessors.successorId))
        .where(eq(orgUnitSuccessors.predecessorId, predecessorId))
        .orderBy(asc(orgUnits.code)),

    async vsic(db: DbOrTx, version: string, code: string) {
      const [row] = await db
        .select()
        .from(vsicCodes)
        .where(and(eq(vsicCodes.version, version), eq(vsicCodes.code, code)));
      return row;
    },
    listVsic: (db: DbOrTx, version: string, level?: number) =>
      db
        .select()
        .from(vsicCodes)
        .where(and(eq(vsicCodes.version, version), level ? eq(vsicCodes.level, level) : undefined))
        .orderBy(asc(vsicCodes.level), asc(vsicCodes.code)),

    async enterpriseIdOfUser(db: DbOrTx, userId: string) {
      const [row] = await db
        .select({ id: enterpriseUsers.enterpriseId })
        .from(enterpriseUsers)
        .where(eq(enterpriseUsers.userId, userId));
      return row?.id ?? null;
    },
    /** The active `enterprise` accounts linked to an enterprise. */
    /** Every enterprise that has active accounts, with its name and those accounts (few: accounts are made by hand). */
    async withAccounts(db: DbOrTx) {
      const rows = await db
        .select({ enterpriseId: enterprises.id, name: enterprises.name, userId: users.id })
        .from(enterpriseUsers)
        .innerJoin(users, eq(users.id, enterpriseUsers.userId))
        .innerJoin(enterprises, eq(enterprises.id, enterpriseUsers.enterpriseId))
        .where(and(eq(users.active, true), eq(users.role, 'enterprise')));
      const by = new Map<string, { enterpriseId: string; name: string; accountIds: string[] }>();
      for (const r of rows) {
        const e = by.get(r.enterpriseId) ?? { enterpriseId: r.enterpriseId, name: r.name, accountIds: [] };
        e.accountIds.push(r.userId);
        by.set(r.enterpriseId, e);
      }
      return [...by.values()];
    },
    async activeAccountIds(db: DbOrTx, enterpriseId: string) {
      const rows = await db
        .select({ id: users.id })
        .from(enterpriseUsers)
        .innerJoin(users, eq(users.id, enterpriseUsers.userId))
        .where(
          and(eq(enterpriseUsers.enterpriseId, enterpriseId), eq(users.active, true), eq(users.role, 'enterprise')),
        );
      return rows.map((r) => r.id);
    },
    async userRole(db: DbOrTx, userId: string) {
      const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
      return row?.role ?? null;
    },
    /** Accounts with role `enterprise` (of one enterprise, or matching `q` on username / display name), with their link. */
    enterpriseAccounts(db: DbOrTx, f: { enterpriseId?: string; q?: string; limit: number }) {
      const like = f.q?.trim() ? `%${f.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      return db
        .select({
          id: users.id,
          username: users.username,
          displayName: users.displayName,
          active: users.active,
          taxCode: enterprises.taxCode,
          enterpriseName: enterprises.name,
        })
        .from(users)
        .leftJoin(enterpriseUsers, eq(enterpriseUsers.userId, users.id))
        .leftJoin(enterprises, eq(enterprises.id, enterpriseUsers.enterpriseId))
        .where(
          and(
            eq(users.role, 'enterprise'),
            f.enterpriseId ? eq(enterpriseUsers.enterpriseId, f.enterpriseId) : undefined,
            like ? or(ilike(users.username, like), ilike(users.displayName, like)) : undefined,
          ),
        )
        .orderBy(asc(users.username))
        .limit(f.limit);
    },
    async linkUser(tx: DbOrTx, userId: string, enterpriseId: string) {
      await tx
        .insert(enterpriseUsers)
        .values({ userId, enterpriseId })
        .onConflictDoUpdate({ target: enterpriseUsers.userId, set: { enterpriseId } });
    },
    /** Removes the link; false when the account did not act for this enterprise. */
    async unlinkUser(tx: DbOrTx, userId: string, enterpriseId: string): Promise<boolean> {
      const gone = await tx
        .delete(enterpriseUsers)
        .where(and(eq(enterpriseUsers.userId, userId), eq(enterpriseUsers.enterpriseId, enterpriseId)))
        .returning({ userId: enterpriseUsers.userId });
      return gone.length > 0;
    },
  };
}
export type EnterprisesRepo = ReturnType<typeof createEnterprisesRepo>;
