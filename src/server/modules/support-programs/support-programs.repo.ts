import { and, count, desc, eq, ilike, inArray, sql, sum, type SQLWrapper, type Subquery } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { supportEnrolments, supportGiven, supportPrograms } from '../../db/schema/index.js';

export type SupportProgramRow = typeof supportPrograms.$inferSelect;
export type EnrolmentRow = typeof supportEnrolments.$inferSelect;
export type SupportGivenRow = typeof supportGiven.$inferSelect;

/**
 * The DX assessments' firms with a start and an end score (dx-assessments service `views.impactPairs`): one row per
 * firm, the start's cell and the change of total score.
 */
export type ImpactPairsSubquery = Subquery & {
  enterpriseId: SQLWrapper;
  sectorCode: SQLWrapper;
  sizeClass: SQLWrapper;
  startLevel: SQLWrapper;
  change: SQLWrapper;
};

/** The only SQL on the support tables. */
export function createSupportProgramsRepo() {
  const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
  return {
    async listPrograms(db: DbOrTx, q: { q?: string; limit: number; offset: number }) {
      const where = q.q ? ilike(supportPrograms.name, `%${escapeLike(q.q)}%`) : undefined;
      const [items, [{ n }]] = await Promise.all([
        db
          .select()
          .from(supportPrograms)
          .where(where)
          .orderBy(desc(supportPrograms.periodFrom), supportPrograms.name)
          .limit(q.limit)
          .offset(q.offset),
        db.select({ n: count() }).from(supportPrograms).where(where),
      ]);
      return { items, total: n };
    },

    async getProgram(db: DbOrTx, id: string, lock = false) {
      const query = db.select().from(supportPrograms).where(eq(supportPrograms.id, id));
      const [row] = lock ? await query.for('update') : await query;
      return row;
    },

    programNames: (db: DbOrTx, ids: string[]) =>
      ids.length
        ? db
            .select({ id: supportPrograms.id, name: supportPrograms.name })
            .from(supportPrograms)
            .where(inArray(supportPrograms.id, ids))
        : Promise.resolve([]),

    async insertProgram(db: DbOrTx, v: typeof supportPrograms.$inferInsert) {
      const [row] = await db.insert(supportPrograms).values(v).returning();
      return row;
    },

    /** Applies a change when the row is still at `version`; nothing returned: someone changed it first. */
    async updateProgram(db: DbOrTx, id: string, version: number, set: Partial<typeof supportPrograms.$inferInsert>) {
      const [row] = await db
        .update(supportPrograms)
        .set({ ...set, updatedAt: sql`now()`, version: sql`${supportPrograms.version} + 1` })
        .where(and(eq(supportPrograms.id, id), eq(supportPrograms.version, version)))
        .returning();
      return row;
    },

    /** Per program: enrolled firms and support given (VND). */
    async aggregates(db: DbOrTx, programIds: string[]) {
      if (!programIds.length) return new Map<string, { enrolled: number; givenVnd: number }>();
      const [enrolled, given] = await Promise.all([
        db
          .select({ programId: supportEnrolments.programId, n: count() })
          .from(supportEnrolments)
          .where(inArray(supportEnrolments.programId, programIds))
          .groupBy(supportEnrolments.programId),
        db
          .select({ programId: supportEnrolments.programId, vnd: sum(supportGiven.amountVnd) })
          .from(supportGiven)
          .innerJoin(supportEnrolments, eq(supportEnrolments.id, supportGiven.enrolmentId))
          .where(inArray(supportEnrolments.programId, programIds))
          .groupBy(supportEnrolments.programId),
      ]);
      const out = new Map(programIds.map((id) => [id, { enrolled: 0, givenVnd: 0 }]));
      for (const e of enrolled) out.get(e.programId)!.enrolled = e.n;
      for (const g of given) out.get(g.programId)!.givenVnd = Number(g.vnd ?? 0);
      return out;
    },

    /** The enterprise ids enrolled in a program. */
    enrolledEnterpriseIds: async (db: DbOrTx, programId: string) =>
      (
        await db
          .select({ enterpriseId: supportEnrolments.enterpriseId })
          .from(supportEnrolments)
          .where(eq(supportEnrolments.programId, programId))
      ).map((r) => r.enterpriseId),

    /**
     * Impact of support, in one statement: the firms with a start and an end (`pairs`) grouped by the start's
     * sector, size class and level, split into the program's firms and the others — per side, how many and the sum
     * of their changes in hundredths of a point (exact) — for the groups holding a firm of the program.
     */
    async impactGroups(db: DbOrTx, programId: string, pairs: ImpactPairsSubquery) {
      const e = supportEnrolments;
      const inProgram = sql`${e.enterpriseId} is not null`;
      const rows = await db
        .select({
          sectorCode: sql<string>`${pairs.sectorCode}`,
          sizeClass: sql<string>`${pairs.sizeClass}`,
          startLevel: sql<number>`${pairs.startLevel}::int`,
          enrolledN: sql<number>`count(${e.enterpriseId})::int`,
          enrolledSum: sql<number>`coalesce(sum(${pairs.change}) filter (where ${inProgram}) * 100, 0)::float8`,
          othersN: sql<number>`(count(*) - count(${e.enterpriseId}))::int`,
          othersSum: sql<number>`coalesce(sum(${pairs.change}) filter (where not ${inProgram}) * 100, 0)::float8`,
        })
        .from(pairs)
        .leftJoin(e, and(eq(e.enterpriseId, pairs.enterpriseId), eq(e.programId, programId)))
        .groupBy(sql`${pairs.sectorCode}`, sql`${pairs.sizeClass}`, sql`${pairs.startLevel}`)
        .having(sql`count(${e.enterpriseId}) > 0`);
      return rows.map((r) => ({
        sectorCode: r.sectorCode,
        sizeClass: r.sizeClass,
        startLevel: Number(r.startLevel),
        enrolled: { n: Number(r.enrolledN), sumChange100: Math.round(Number(r.enrolledSum)) },
        others: { n: Number(r.othersN), sumChange100: Math.round(Number(r.othersSum)) },
      }));
    },

    /** How many firms a program enrols. */
    async enrolledCount(db: DbOrTx, programId: string) {
      const [{ n }] = await db
        .select({ n: count() })
        .from(supportEnrolments)
        .where(eq(supportEnrolments.programId, programId));
      return n;
    },

    async listEnrolments(db: DbOrTx, f: { programId?: string; enterpriseId?: string; limit: number; offset: number }) {
      const where = and(
        f.programId ? eq(supportEnrolments.programId, f.programId) : undefined,
        f.enterpriseId ? eq(supportEnrolments.enterpriseId, f.enterpriseId) : undefined,
      );
      const [items, [{ n }]] = await Promise.all([
        db
          .select()
          .from(supportEnrolments)
          .where(where)
          .orderBy(desc(supportEnrolments.enrolledOn), supportEnrolments.id)
          .limit(f.limit)
          .offset(f.offset),
        db.select({ n: count() }).from(supportEnrolments).where(where),
      ]);
      return { items, total: n };
    },

    async getEnrolment(db: DbOrTx, id: string, lock = false) {
      const query = db.select().from(supportEnrolments).where(eq(supportEnrolments.id, id));
      const [row] = lock ? await query.for('update') : await query;
      return row;
    },

    /** Enrols firms; a firm already enrolled is left as it is (not returned). */
    insertEnrolments: (db: DbOrTx, rows: (typeof supportEnrolments.$inferInsert)[]) =>
      rows.length
        ? db.insert(supportEnrolments).values(rows).onConflictDoNothing().returning()
        : Promise.resolve([] as EnrolmentRow[]),

    async updateEnrolment(
      db: DbOrTx,
      id: string,
      version: number,
      set: Partial<typeof supportEnrolments.$inferInsert>,
    ) {
      const [row] = await db
        .update(supportEnrolments)
        .set({ ...set, updatedAt: sql`now()`, version: sql`${supportEnrolments.version} + 1` })
        .where(and(eq(supportEnrolments.id, id), eq(supportEnrolments.version, version)))
        .returning();
      return row;
    },

    givenOf: (db: DbOrTx, enrolmentIds: string[]) =>
      enrolmentIds.length
        ? db
            .select()
            .from(supportGiven)
            .where(inArray(supportGiven.enrolmentId, enrolmentIds))
            .orderBy(supportGiven.givenOn, supportGiven.id)
        : Promise.resolve([] as SupportGivenRow[]),

    async getGiven(db: DbOrTx, id: string) {
      const [row] = await db.select().from(supportGiven).where(eq(supportGiven.id, id));
      return row;
    },

    async insertGiven(db: DbOrTx, v: typeof supportGiven.$inferInsert) {
      const [row] = await db.insert(supportGiven).values(v).returning();
      return row;
    },

    async updateGiven(db: DbOrTx, id: string, version: number, set: Partial<typeof supportGiven.$inferInsert>) {
      const [row] = await db
        .update(supportGiven)
        .set({ ...set, updatedAt: sql`now()`, version: sql`${supportGiven.version} + 1` })
        .where(and(eq(supportGiven.id, id), eq(supportGiven.version, version)))
        .returning();
      return row;
    },

    /**
     * Every enrolment as a subquery (enterpriseId, supportProgramId), for another module to join in its own statement
     * (the DX analytics' change by support program).
     */
    enrolmentsSubquery: (db: DbOrTx) =>
      db
        .select({
          enterpriseId: supportEnrolments.enterpriseId,
          supportProgramId: supportEnrolments.programId,
        })
        .from(supportEnrolments)
        .as('support_enrolments_view'),
  };
}
export type SupportProgramsRepo = ReturnType<typeof createSupportProgramsRepo>;
