import { and, desc, eq, gt, inArray, isNotNull, lt, lte, ne, sql, type SQLWrapper } from 'drizzle-orm';
import type { AssessmentListQuery, AssessmentStatus } from '../../../shared/contracts/dx-assessments.js';
import { type DbOrTx, rowsOf } from '../../db/client.js';
import { dxAssessments, dxReports } from '../../db/schema/index.js';

export type AssessmentRow = typeof dxAssessments.$inferSelect;
/** The list's filter: the registry's and the frameworks' columns (tax code, framework code) come in as their ids. */
export type AssessmentFilter = Omit<AssessmentListQuery, 'taxCode' | 'frameworkCode' | 'q'> & {
  enterpriseId: string | null;
  frameworkVersionIds?: string[];
  /** the registry's search (its subquery of enterprise ids): the registry alone decides what its search covers */
  enterpriseIn?: SQLWrapper;
};

const SCORED: AssessmentStatus[] = ['submitted', 'verified'];

export function createDxAssessmentsRepo() {
  return {
    async insertReport(db: DbOrTx, row: typeof dxReports.$inferInsert) {
      await db.insert(dxReports).values(row);
    },
    /** the report issued at the assessment's latest verification (null: never verified since reports were kept) */
    async latestReport(db: DbOrTx, assessmentId: string) {
      const [row] = await db
        .select()
        .from(dxReports)
        .where(eq(dxReports.assessmentId, assessmentId))
        .orderBy(desc(dxReports.issuedAt))
        .limit(1);
      return row ?? null;
    },
    /** the report carrying a code, and the next one issued for the same assessment (if any) */
    async reportByCode(db: DbOrTx, code: string) {
      const [row] = await db.select().from(dxReports).where(eq(dxReports.code, code));
      if (!row) return null;
      const [next] = await db
        .select({ issuedDate: dxReports.issuedDate, year: dxReports.year })
        .from(dxReports)
        .where(and(eq(dxReports.assessmentId, row.assessmentId), sql`${dxReports.issuedAt} > ${row.issuedAt}`))
        .orderBy(dxReports.issuedAt)
        .limit(1);
      return { row, replacedBy: next ?? null };
    },
    /**
     * For the support programs' impact comparison, a subquery (built, never run: the reader joins it in its own
     * statement) of one row per firm with a start and an end: the start is its latest scored assessment in or before
     * `baselineYear` (of two versions scored that year, the lower version id), the end its latest scored assessment
     * after that on the start's version. Only assessments with a total, a level, a sector and a size class count.
     * Columns: enterpriseId, and the start's sectorCode, sizeClass and level (startLevel); change (end's total −
     * start's, numeric). Any valid assessment after the start is after `baselineYear` too, so the ends are the
     * latest per firm and version after it: two sorted scans of the scored rows and a join, no probe per firm.
     */
    impactPairs(db: DbOrTx, baselineYear: number) {
      const a = dxAssessments;
      const valid = and(
        inArray(a.status, SCORED),
        isNotNull(a.totalScore),
        isNotNull(a.overallLevel),
        ne(a.sectorCode, ''),
        ne(a.sizeClass, ''),
      );
      const start = db
        .selectDistinctOn([a.enterpriseId], {
          enterpriseId: a.enterpriseId,
          frameworkVersionId: a.frameworkVersionId,
          totalScore: a.totalScore,
          overallLevel: a.overallLevel,
          sectorCode: a.sectorCode,
          sizeClass: a.sizeClass,
        })
        .from(a)
        .where(and(valid, lte(a.year, baselineYear)))
        .orderBy(a.enterpriseId, desc(a.year), a.frameworkVersionId)
        .as('dx_impact_start');
      const end = db
        .selectDistinctOn([a.enterpriseId, a.frameworkVersionId], {
          enterpriseId: a.enterpriseId,
          frameworkVersionId: a.frameworkVersionId,
          totalScore: a.totalScore,
        })
        .from(a)
        .where(and(valid, gt(a.year, baselineYear)))
        .orderBy(a.enterpriseId, a.frameworkVersionId, desc(a.year))
        .as('dx_impact_end');
      return db
        .select({
          enterpriseId: start.enterpriseId,
          sectorCode: start.sectorCode,
          sizeClass: start.sizeClass,
          startLevel: start.overallLevel,
          change: sql<string>`${end.totalScore} - ${start.totalScore}`.as('change'),
        })
        .from(start)
        .innerJoin(
          end,
          and(eq(end.enterpriseId, start.enterpriseId), eq(end.frameworkVersionId, start.frameworkVersionId)),
        )
        .as('dx_impact_pairs');
    },
    /** Enterprise and year of assessments by id, as the audit log names them. */
    subjectRows: (db: DbOrTx, ids: string[]) =>
      db
        .select({ id: dxAssessments.id, enterpriseId: dxAssessments.enterpriseId, year: dxAssessments.year })
        .from(dxAssessments)
        .where(inArray(dxAssessments.id, ids)),
    async getRow(db: DbOrTx, id: string, forUpdate = false) {
      const q = db.select().from(dxAssessments).where(eq(dxAssessments.id, id));
      const [row] = forUpdate ? await q.for('update') : await q;
      return row;
    },
    async list(db: DbOrTx, f: AssessmentFilter) {
      const cond = and(
        f.enterpriseId ? eq(dxAssessments.enterpriseId, f.enterpriseId) : undefined,
        f.enterpriseIn ? inArray(dxAssessments.enterpriseId, f.enterpriseIn) : undefined,
        f.status ? eq(dxAssessments.status, f.status) : undefined,
        f.year ? eq(dxAssessments.year, f.year) : undefined,
        f.frameworkVersionIds ? inArray(dxAssessments.frameworkVersionId, f.frameworkVersionIds) : undefined,
      );
      const [items, [{ total }]] = await Promise.all([
        db
          .select()
          .from(dxAssessments)
          .where(cond)
          .orderBy(desc(dxAssessments.year), desc(dxAssessments.updatedAt), desc(dxAssessments.id))
          .limit(f.limit)
          .offset(f.offset),
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(dxAssessments)
          .where(cond),
      ]);
      return { items, total };
    },
    /** Which of these enterprises have an assessment (any framework, any status) for the year. */
    async assessedIn(db: DbOrTx, year: number, enterpriseIds: string[]) {
      if (!enterpriseIds.length) return new Set<string>();
      const rows = await db
        .selectDistinct({ enterpriseId: dxAssessments.enterpriseId })
        .from(dxAssessments)
        .where(and(eq(dxAssessments.year, year), inArray(dxAssessments.enterpriseId, enterpriseIds)));
      return new Set(rows.map((r) => r.enterpriseId));
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
          // a carried-over answer written (confirmed with the same value, changed or cleared) is no longer marked
          carriedOver: touched.length
            ? sql`${dxAssessments.carriedOver} - array[${sql.join(
                touched.map((c) => sql`${c}`),
                sql`, `,
              )}]::text[]`
            : sql`${dxAssessments.carriedOver}`,
          version: sql`${dxAssessments.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(dxAssessments.id, id), inArray(dxAssessments.status, editable)))
        .returning();
      return row as AssessmentRow | undefined;
    },

    /**
     * The firm's latest scored (submitted or verified) assessment of an earlier year on one of these framework
     * versions: where a new wave starts from.
     */
    async previousScored(db: DbOrTx, enterpriseId: string, frameworkVersionIds: string[], beforeYear: number) {
      if (!frameworkVersionIds.length) return undefined;
      const [row] = await db
        .select()
        .from(dxAssessments)
        .where(
          and(
            eq(dxAssessments.enterpriseId, enterpriseId),
            inArray(dxAssessments.frameworkVersionId, frameworkVersionIds),
            inArray(dxAssessments.status, SCORED),
            lt(dxAssessments.year, beforeYear),
          ),
        )
        .orderBy(desc(dxAssessments.year), desc(dxAssessments.submittedAt))
        .limit(1);
      return row as AssessmentRow | undefined;
    },

    /** The firm's scored assessments (the unique key starts with the enterprise, so this reads only its rows). */
    scoredHistory: (db: DbOrTx, enterpriseId: string) =>
      db
        .select({
          id: dxAssessments.id,
          frameworkVersionId: dxAssessments.frameworkVersionId,
          year: dxAssessments.year,
          totalScore: dxAssessments.totalScore,
          overallLevel: dxAssessments.overallLevel,
          snapshot: dxAssessments.snapshot,
        })
        .from(dxAssessments)
        .where(and(eq(dxAssessments.enterpriseId, enterpriseId), inArray(dxAssessments.status, SCORED)))
        .orderBy(dxAssessments.year),

    /**
     * For the analytics' change measure: each scored assessment of one version and year with the firm's previous
     * scored assessment (the latest of an earlier year on one of `family`, the comparable versions): the current
     * grouping attributes and level, the change of total and of level. Reads the year through
     * `dx_assessments_version_year_idx`, then one probe per firm of the unique key (enterprise, version, year): the
     * firms of one year, never the whole table.
     */
    async changeFacts(db: DbOrTx, frameworkVersionId: string, year: number, family: string[]) {
      if (!family.length) return [];
      const res = await db.execute(sql`
        select c.enterprise_id, c.commune_id, c.sector_code, c.size_class, c.overall_level as level,
          (c.total_score - p.total_score)::float8 as d_total, (c.overall_level - p.overall_level)::int as d_level
        from dx_assessments c
        join lateral (
          select q.total_score, q.overall_level from dx_assessments q
          where q.enterprise_id = c.enterprise_id
            and q.framework_version_id in (${sql.join(
              family.map((f) => sql`${f}::uuid`),
              sql`, `,
            )})
            and q.year < c.year and q.status in ('submitted', 'verified')
            and q.total_score is not null and q.overall_level is not null
          order by q.year desc limit 1) p on true
        where c.framework_version_id = ${frameworkVersionId} and c.year = ${year}
          and c.status in ('submitted', 'verified')
          and c.total_score is not null and c.overall_level is not null
          and c.sector_code is not null and c.size_class is not null`);
      return rowsOf<{
        enterprise_id: string;
        commune_id: string | null;
        sector_code: string;
        size_class: string;
        level: number;
        d_total: number;
        d_level: number;
      }>(res).map((r) => ({
        enterpriseId: r.enterprise_id,
        communeId: r.commune_id,
        sectorCode: r.sector_code,
        sizeClass: r.size_class,
        level: Number(r.level),
        deltaTotal: Number(r.d_total),
        deltaLevel: Number(r.d_level),
      }));
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
