import { and, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { AssessmentListQuery, AssessmentStatus } from '../../../shared/contracts/dx-assessments.js';
import type { DbOrTx } from '../../db/client.js';
import { dxAssessments, dxFrameworks, dxFrameworkVersions, enterprises } from '../../db/schema/index.js';
import { searchCondition } from '../../db/search.js';

export type AssessmentRow = typeof dxAssessments.$inferSelect;
export type AssessmentFilter = AssessmentListQuery & { enterpriseId: string | null };

const SCORED: AssessmentStatus[] = ['submitted', 'verified'];

export function createDxAssessmentsRepo() {
  const selectItems = (db: DbOrTx) =>
    db
      .select({
        row: dxAssessments,
        enterprise: { id: enterprises.id, taxCode: enterprises.taxCode, name: enterprises.name },
        framework: { code: dxFrameworks.code, version: dxFrameworkVersions.version },
      })
      .from(dxAssessments)
      .innerJoin(enterprises, eq(enterprises.id, dxAssessments.enterpriseId))
      .innerJoin(dxFrameworkVersions, eq(dxFrameworkVersions.id, dxAssessments.frameworkVersionId))
      .innerJoin(dxFrameworks, eq(dxFrameworks.id, dxFrameworkVersions.frameworkId));

  return {
    async get(db: DbOrTx, id: string) {
      const [row] = await selectItems(db).where(eq(dxAssessments.id, id));
      return row;
    },
    async getRow(db: DbOrTx, id: string, forUpdate = false) {
      const q = db.select().from(dxAssessments).where(eq(dxAssessments.id, id));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },
    async list(db: DbOrTx, f: AssessmentFilter) {
      const where: (SQL | undefined)[] = [];
      if (f.enterpriseId) where.push(eq(dxAssessments.enterpriseId, f.enterpriseId));
      if (f.taxCode) where.push(eq(enterprises.taxCode, f.taxCode));
      // the enterprise's folded name, tax code and address
      where.push(searchCondition(enterprises.searchText, f.q));
      if (f.status) where.push(eq(dxAssessments.status, f.status));
      if (f.year) where.push(eq(dxAssessments.year, f.year));
      if (f.frameworkCode) where.push(eq(dxFrameworks.code, f.frameworkCode));
      const cond = and(...where);
      const [items, [{ total }]] = await Promise.all([
        selectItems(db)
          .where(cond)
          .orderBy(desc(dxAssessments.year), desc(dxAssessments.updatedAt), desc(dxAssessments.id))
          .limit(f.limit)
          .offset(f.offset),
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(dxAssessments)
          .innerJoin(enterprises, eq(enterprises.id, dxAssessments.enterpriseId))
          .innerJoin(dxFrameworkVersions, eq(dxFrameworkVersions.id, dxAssessments.frameworkVersionId))
          .innerJoin(dxFrameworks, eq(dxFrameworks.id, dxFrameworkVersions.frameworkId))
          .where(cond),
      ]);
      return { items, total };
    },
    async findOne(db: DbOrTx, enterpriseId: string, frameworkVersionId: string, year: number, forUpdate = false) {
      const q = db
        .select()
        .from(dxAssessments)
        .where(
          and(
            eq(dxAssessments.enterpriseId, enterpriseId),
            eq(dxAssessments.frameworkVersionId, frameworkVersionId),
            eq(dxAssessments.year, year),
          ),
        );
      const [row] = forUpdate ? await q.for('update') : await q;
      return row as AssessmentRow | undefined;
    },
    async insert(tx: DbOrTx, a: typeof dxAssessments.$inferInsert) {
      const [row] = await tx.insert(dxAssessments).values(a).onConflictDoNothing().returning();
      return row as AssessmentRow | undefined;
    },
    async update(tx: DbOrTx, id: string, patch: Partial<typeof dxAssessments.$inferInsert>) {
      const [row] = await tx
        .update(dxAssessments)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(dxAssessments.id, id))
        .returning();
      return row;
    },

    /**
     * Merges answers in one statement (`answers || patch`, cleared codes removed), only while the
     * assessment is still editable. Two respondents saving different questions at once both keep theirs.
     * Every written or cleared question's version moves by one (in SQL, from the stored one, so the count is
     * right even for a caller that holds no row lock); the record's version moves too.
     */
    async mergeAnswers(
      tx: DbOrTx,
      id: string,
      set: Record<string, unknown>,
      cleared: string[],
      by: string,
      editable: AssessmentStatus[],
    ) {
      const touched = [...Object.keys(set), ...cleared];
      // a subquery over the codes, not jsonb_build_object: that takes at most 100 arguments, and a write 1000 answers
      const bumped = touched.length
        ? sql`${dxAssessments.answerVersions} || (select jsonb_object_agg(k, coalesce((${dxAssessments.answerVersions} ->> k)::int, 0) + 1) from unnest(array[${sql.join(
            touched.map((c) => sql`${c}`),
            sql`, `,
          )}]::text[]) as k)`
        : sql`${dxAssessments.answerVersions}`;
      const minus = cleared.length
        ? sql` - array[${sql.join(
            cleared.map((c) => sql`${c}`),
            sql`, `,
          )}]::text[]`
        : sql``;
      const byMap = Object.fromEntries(Object.keys(set).map((k) => [k, by]));
      const [row] = await tx
        .update(dxAssessments)
        .set({
          answers: sql`(${dxAssessments.answers} || ${JSON.stringify(set)}::jsonb)${minus}`,
          answeredBy: sql`(${dxAssessments.answeredBy} || ${JSON.stringify(byMap)}::jsonb)${minus}`,
          answerVersions: bumped,
          version: sql`${dxAssessments.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(dxAssessments.id, id), inArray(dxAssessments.status, editable)))
        .returning();
      return row as AssessmentRow | undefined;
    },

    /** The other scored assessments of a peer cell (same version, year, sector, size class): how many, Σ total. */
    async peerAggregate(
      db: DbOrTx,
      a: { frameworkVersionId: string; year: number; sectorCode: string; sizeClass: string },
      excludeId: string,
    ) {
      const [row] = await db
        .select({
          n: sql<number>`count(*)::int`,
          sumTotal: sql<number>`coalesce(sum(${dxAssessments.totalScore}), 0)::float8`,
        })
        .from(dxAssessments)
        .where(
          and(
            eq(dxAssessments.frameworkVersionId, a.frameworkVersionId),
            eq(dxAssessments.year, a.year),
            eq(dxAssessments.sectorCode, a.sectorCode),
            eq(dxAssessments.sizeClass, a.sizeClass),
            inArray(dxAssessments.status, SCORED),
            ne(dxAssessments.id, excludeId),
          ),
        );
      return { n: Number(row.n), sumTotal: Number(row.sumTotal) };
    },
  };
}
export type DxAssessmentsRepo = ReturnType<typeof createDxAssessmentsRepo>;
