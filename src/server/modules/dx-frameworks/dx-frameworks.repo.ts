import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { dxFrameworks, dxFrameworkVersions } from '../../db/schema/index.js';

export type FrameworkVersionRow = typeof dxFrameworkVersions.$inferSelect;

export function createDxFrameworksRepo() {
  return {
    /** Frameworks by id, as the audit log names them. */
    subjectRows: (db: DbOrTx, ids: string[]) =>
      db
        .select({
          id: dxFrameworks.id,
          code: dxFrameworks.code,
          nameVi: dxFrameworks.nameVi,
          nameEn: dxFrameworks.nameEn,
        })
        .from(dxFrameworks)
        .where(inArray(dxFrameworks.id, ids)),
    listFrameworks: (db: DbOrTx) => db.select().from(dxFrameworks).orderBy(asc(dxFrameworks.code)),
    listVersions: (db: DbOrTx) =>
      db
        .select({
          frameworkId: dxFrameworkVersions.frameworkId,
          version: dxFrameworkVersions.version,
          status: dxFrameworkVersions.status,
          definitionSha256: dxFrameworkVersions.definitionSha256,
          generation: dxFrameworkVersions.generation,
          publishedAt: dxFrameworkVersions.publishedAt,
          createdAt: dxFrameworkVersions.createdAt,
        })
        .from(dxFrameworkVersions)
        .orderBy(asc(dxFrameworkVersions.version)),
    /** Every version with its framework's code and name, newest first within a framework; `published` only if asked. */
    catalogue: (db: DbOrTx, f: { code?: string; publishedOnly?: boolean } = {}) =>
      db
        .select({
          id: dxFrameworkVersions.id,
          frameworkCode: dxFrameworks.code,
          frameworkName: dxFrameworks.nameVi,
          version: dxFrameworkVersions.version,
          status: dxFrameworkVersions.status,
          generation: dxFrameworkVersions.generation,
        })
        .from(dxFrameworkVersions)
        .innerJoin(dxFrameworks, eq(dxFrameworks.id, dxFrameworkVersions.frameworkId))
        .where(
          and(
            f.code ? eq(dxFrameworks.code, f.code) : undefined,
            f.publishedOnly ? eq(dxFrameworkVersions.status, 'published') : undefined,
          ),
        )
        .orderBy(asc(dxFrameworks.code), desc(dxFrameworkVersions.version)),
    /** The published versions with their definitions (the bulk import scores against them). */
    published: (db: DbOrTx) =>
      db
        .select({
          id: dxFrameworkVersions.id,
          code: dxFrameworks.code,
          version: dxFrameworkVersions.version,
          generation: dxFrameworkVersions.generation,
          definition: dxFrameworkVersions.definition,
        })
        .from(dxFrameworkVersions)
        .innerJoin(dxFrameworks, eq(dxFrameworks.id, dxFrameworkVersions.frameworkId))
        .where(eq(dxFrameworkVersions.status, 'published')),
    async framework(db: DbOrTx, code: string) {
      const [row] = await db.select().from(dxFrameworks).where(eq(dxFrameworks.code, code));
      return row;
    },
    async insertFramework(tx: DbOrTx, f: { code: string; nameVi: string; nameEn: string }) {
      const [row] = await tx.insert(dxFrameworks).values(f).returning();
      return row;
    },
    async updateFrameworkNames(tx: DbOrTx, id: string, names: { nameVi: string; nameEn: string }) {
      await tx.update(dxFrameworks).set(names).where(eq(dxFrameworks.id, id));
    },
    async version(db: DbOrTx, frameworkId: string, version: number, forUpdate = false) {
      const q = db
        .select()
        .from(dxFrameworkVersions)
        .where(and(eq(dxFrameworkVersions.frameworkId, frameworkId), eq(dxFrameworkVersions.version, version)));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },
    async versionById(db: DbOrTx, id: string) {
      const [row] = await db.select().from(dxFrameworkVersions).where(eq(dxFrameworkVersions.id, id));
      return row;
    },
    /** A version and its framework's code in one query. */
    async versionWithCode(db: DbOrTx, id: string) {
      const [hit] = await db
        .select({ row: dxFrameworkVersions, code: dxFrameworks.code })
        .from(dxFrameworkVersions)
        .innerJoin(dxFrameworks, eq(dxFrameworks.id, dxFrameworkVersions.frameworkId))
        .where(eq(dxFrameworkVersions.id, id));
      return hit;
    },
    /** The newest published version: the one new assessments use. */
    async latestPublished(db: DbOrTx, frameworkId: string) {
      const [row] = await db
        .select()
        .from(dxFrameworkVersions)
        .where(and(eq(dxFrameworkVersions.frameworkId, frameworkId), eq(dxFrameworkVersions.status, 'published')))
        .orderBy(desc(dxFrameworkVersions.version))
        .limit(1);
      return row;
    },
    async insertVersion(tx: DbOrTx, v: typeof dxFrameworkVersions.$inferInsert) {
      const [row] = await tx.insert(dxFrameworkVersions).values(v).returning();
      return row;
    },
    async updateVersion(tx: DbOrTx, id: string, patch: Partial<typeof dxFrameworkVersions.$inferInsert>) {
      const [row] = await tx.update(dxFrameworkVersions).set(patch).where(eq(dxFrameworkVersions.id, id)).returning();
      return row;
    },
  };
}
export type DxFrameworksRepo = ReturnType<typeof createDxFrameworksRepo>;
