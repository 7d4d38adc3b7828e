import { and, asc, desc, eq, inArray, isNull, lt, ne, not, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { CauseType, FindingKind, InspectionStatus, Rating, TeamRole } from '../../../shared/domain.js';
import type { DbOrTx } from '../../db/client.js';
import {
  assessments,
  conclusionPdfs,
  conclusions,
  findings,
  inspections,
  numberSequences,
  orgUnits,
  people,
  targetResponses,
  users,
} from '../../db/schema/index.js';
import { searchCondition } from '../../db/search.js';
import type { InspectionPlansService } from '../inspection-plans/inspection-plans.service.js';
import type { ProgramsService } from '../programs/programs.service.js';

export interface InspectionFilter {
  /** only the inspections of teams this person sits on (an inspector's reading scope); null: none */
  teamPersonId?: string | null;
  status?: InspectionStatus;
  planId?: string;
  teamId?: string;
  targetOrgUnitId?: string;
  /** not closed */
  open?: 'true' | 'false';
  /** `late` with the day it is judged on: see `lateCondition` */
  late?: 'true' | 'false';
  today?: string;
  q?: string;
  limit: number;
  offset: number;
}
/** The JSON parts of `detail` as PostgreSQL writes them (timestamps as strings, converted by `detail`). */
interface DetailJson {
  members: {
    personId: string;
    fullName: string;
    positionTitle: string | null;
    role: TeamRole;
    representedOrgUnitName: string | null;
  }[];
  areas: { id: string; position: number; title: string; description: string | null }[];
  assessments: {
    contentAreaId: string;
    rating: Rating | null;
    notes: string | null;
    updatedAt: string;
    version: number;
  }[];
  conclusions: {
    id: string;
    number: string;
    year: number;
    version: number;
    issuedDate: string;
    signerName: string;
    signerTitle: string;
    summary: string | null;
    recipients: string[];
    contentSha256: string;
    correctionReason: string | null;
    scheduleReason: string | null;
    supersedesId: string | null;
    issuedAt: string;
    verificationCode: string;
  }[];
  responses: { id: string; text: string; respondedAt: string; respondedBy: string }[];
  findings: {
    id: string;
    contentAreaId: string;
    kind: FindingKind;
    text: string;
    causeType: CauseType | null;
    addresseeOrgUnitId: string | null;
    addresseeName: string | null;
    dueDate: string | null;
    position: number;
    conclusionId: string | null;
    supersedesFindingId: string | null;
    version: number;
  }[];
}
export type InspectionRow = typeof inspections.$inferSelect;
export type FindingRow = typeof findings.$inferSelect;
export type NewFinding = typeof findings.$inferInsert;
export type ConclusionRow = typeof conclusions.$inferSelect;
export interface AssessmentValues {
  inspectionId: string;
  contentAreaId: string;
  rating: Rating | null;
  notes: string;
}

const latestConclusionId = sql`(select c.id from ${conclusions} c where c.inspection_id = ${inspections.id} order by c.version desc limit 1)`;
const addressee = alias(orgUnits, 'addressee');
const findingColumns = {
  id: findings.id,
  contentAreaId: findings.contentAreaId,
  kind: findings.kind,
  text: findings.text,
  causeType: findings.causeType,
  addresseeOrgUnitId: findings.addresseeOrgUnitId,
  addresseeName: addressee.name,
  dueDate: findings.dueDate,
  position: findings.position,
  conclusionId: findings.conclusionId,
  supersedesFindingId: findings.supersedesFindingId,
  version: findings.version,
};

/** The schedule passed without the next step: not started after the window opened, not concluded after it closed. */
export const lateCondition = (today: string) =>
  or(
    and(inArray(inspections.status, ['planned', 'notified']), lt(inspections.windowStart, today)),
    and(inArray(inspections.status, ['in_progress', 'drafting']), lt(inspections.windowEnd, today)),
  );

/**
 * What an inspection shows from other modules (its plan, program, team, the team's members, the plan's content areas),
 * as subqueries their services build (wired in services.ts), joined in the inspection's own statements: the list and
 * the one-statement workspace keep their query counts (docs/benchmarks.md, "Fewer queries per read").
 */
export interface InspectionsReads {
  plans: InspectionPlansService['views']['plans'];
  teams: InspectionPlansService['views']['teams'];
  members: InspectionPlansService['views']['members'];
  contentAreas: InspectionPlansService['views']['contentAreas'];
  teamIdsOf: InspectionPlansService['views']['teamIdsOf'];
  programCodes: ProgramsService['codes'];
}

export function createInspectionsRepo(reads: InspectionsReads) {
  /** An inspection with its plan, program, team and target: the header's FROM, and its columns. */
  function withHeader() {
    const plan = reads.plans();
    const program = reads.programCodes();
    const team = reads.teams();
    const columns = {
      inspection: inspections,
      plan: { id: plan.id, code: plan.code, title: plan.title, year: plan.year },
      programCode: program.code,
      team: { id: team.id, name: team.name, number: team.number },
      target: { id: orgUnits.id, name: orgUnits.name },
    };
    return { plan, program, team, columns };
  }

  return {
    /**
     * Subqueries (built, not run) that other modules join in their own statements, so a list keeps its query count
     * (docs/architecture.md, "Reading across modules"). Each names the columns this module keeps stable for them.
     */
    views: {
      /** the schedule and state of each inspection: its plan, team, target, window and status */
      inspections: (db: DbOrTx) =>
        db
          .select({
            id: inspections.id,
            planId: inspections.planId,
            teamId: inspections.teamId,
            targetOrgUnitId: inspections.targetOrgUnitId,
            windowStart: inspections.windowStart,
            windowEnd: inspections.windowEnd,
            status: inspections.status,
          })
          .from(inspections)
          .as('inspection_v'),
      /** each finding's kind and text, and its inspection */
      findings: (db: DbOrTx) =>
        db
          .select({ id: findings.id, inspectionId: findings.inspectionId, kind: findings.kind, text: findings.text })
          .from(findings)
          .as('finding_v'),
      /** each conclusion version's number and year */
      conclusions: (db: DbOrTx) =>
        db
          .select({
            id: conclusions.id,
            inspectionId: conclusions.inspectionId,
            number: conclusions.number,
            year: conclusions.year,
          })
          .from(conclusions)
          .as('conclusion_v'),
    },
    /** Inspections, findings, conclusions and area assessments by id, as the audit log names them. */
    inspectionSubjectRows(db: DbOrTx, ids: string[]) {
      const plan = reads.plans();
      return db
        .select({ id: inspections.id, unit: orgUnits.name, planCode: plan.code })
        .from(inspections)
        .innerJoin(orgUnits, eq(orgUnits.id, inspections.targetOrgUnitId))
        .innerJoin(plan, eq(plan.id, inspections.planId))
        .where(inArray(inspections.id, ids));
    },
    findingSubjectRows: (db: DbOrTx, ids: string[]) =>
      db
        .select({ id: findings.id, text: findings.text, inspectionId: findings.inspectionId })
        .from(findings)
        .where(inArray(findings.id, ids)),
    conclusionSubjectRows: (db: DbOrTx, ids: string[]) =>
      db
        .select({
          id: conclusions.id,
          number: conclusions.number,
          year: conclusions.year,
          inspectionId: conclusions.inspectionId,
        })
        .from(conclusions)
        .where(inArray(conclusions.id, ids)),
    assessmentSubjectRows(db: DbOrTx, ids: string[]) {
      const area = reads.contentAreas();
      return db
        .select({
          id: assessments.id,
          inspectionId: assessments.inspectionId,
          area: area.title,
          unit: orgUnits.name,
        })
        .from(assessments)
        .innerJoin(area, eq(area.id, assessments.contentAreaId))
        .innerJoin(inspections, eq(inspections.id, assessments.inspectionId))
        .innerJoin(orgUnits, eq(orgUnits.id, inspections.targetOrgUnitId))
        .where(inArray(assessments.id, ids));
    },
    async list(db: DbOrTx, f: InspectionFilter) {
      const cond = and(
        f.status ? eq(inspections.status, f.status) : undefined,
        f.planId ? eq(inspections.planId, f.planId) : undefined,
        f.teamId ? eq(inspections.teamId, f.teamId) : undefined,
        f.targetOrgUnitId ? eq(inspections.targetOrgUnitId, f.targetOrgUnitId) : undefined,
        f.open === 'true'
          ? ne(inspections.status, 'closed')
          : f.open === 'false'
            ? eq(inspections.status, 'closed')
            : undefined,
        f.late && f.today ? (f.late === 'true' ? lateCondition(f.today) : not(lateCondition(f.today)!)) : undefined,
        f.teamPersonId !== undefined ? inArray(inspections.teamId, reads.teamIdsOf(f.teamPersonId)) : undefined,
        searchCondition(orgUnits.searchText, f.q),
      );
      const plan = reads.plans();
      const team = reads.teams();
      const base = () =>
        db
          .select({
            id: inspections.id,
            total: sql<number>`(count(*) over ())::int`,
            planId: plan.id,
            planCode: plan.code,
            teamId: team.id,
            teamName: team.name,
            targetId: orgUnits.id,
            targetName: orgUnits.name,
            windowStart: inspections.windowStart,
            windowEnd: inspections.windowEnd,
            status: inspections.status,
            // the current findings: the draft ones, or those of the latest conclusion
            findingsCount: sql<number>`(select count(*)::int from ${findings} f where f.inspection_id = ${inspections.id} and f.conclusion_id is not distinct from ${latestConclusionId})`,
            conclusionNumber: sql<
              string | null
            >`(select c.number from ${conclusions} c where c.inspection_id = ${inspections.id} order by c.version desc limit 1)`,
            conclusionYear: sql<
              number | null
            >`(select c.year from ${conclusions} c where c.inspection_id = ${inspections.id} order by c.version desc limit 1)`,
          })
          .from(inspections)
          .innerJoin(plan, eq(plan.id, inspections.planId))
          .innerJoin(team, eq(team.id, inspections.teamId))
          .innerJoin(orgUnits, eq(orgUnits.id, inspections.targetOrgUnitId));
      // the page and the count in one statement (a window count is taken before LIMIT): one round trip, not two
      const rows = await base()
        .where(cond)
        .orderBy(asc(inspections.windowStart), asc(orgUnits.name), asc(inspections.id))
        .limit(f.limit)
        .offset(f.offset);
      if (rows.length === 0 && f.offset > 0) {
        // a page past the end has no row to carry the count
        const [{ total }] = await db
          .select({ total: sql<number>`count(*)::int` })
          .from(inspections)
          .innerJoin(orgUnits, eq(orgUnits.id, inspections.targetOrgUnitId))
          .where(cond);
        return { rows: [], total };
      }
      return { rows, total: rows.length ? rows[0].total : 0 };
    },

    /**
     * The inspection's status under a share lock on its row, for a write's own transaction: the issue (and every
     * status move, an UPDATE of this row) waits until the write commits, and a write that comes after an issue sees it.
     */
    async lockStatus(db: DbOrTx, id: string): Promise<InspectionStatus | undefined> {
      const [row] = await db
        .select({ status: inspections.status })
        .from(inspections)
        .where(eq(inspections.id, id))
        .for('share');
      return row?.status;
    },

    async getRow(db: DbOrTx, id: string) {
      const [row] = await db.select().from(inspections).where(eq(inspections.id, id));
      return row;
    },

    /** The inspection with its plan, program code, team and target: everything a header or document needs. */
    async getHeader(db: DbOrTx, id: string) {
      const { plan, program, team, columns } = withHeader();
      const [row] = await db
        .select({ ...columns, plan: { ...columns.plan, issueDate: plan.issueDate } })
        .from(inspections)
        .innerJoin(plan, eq(plan.id, inspections.planId))
        .innerJoin(program, eq(program.id, plan.programId))
        .innerJoin(team, eq(team.id, inspections.teamId))
        .innerJoin(orgUnits, eq(orgUnits.id, inspections.targetOrgUnitId))
        .where(eq(inspections.id, id));
      return row;
    },

    /**
     * The workspace in one statement: the header, the actor's roles on the team, and as JSON the team, content areas,
     * assessments, conclusion versions (without their content), responses and the current findings. One round trip
     * instead of eight: on both engines the cost of a read is per query (docs/benchmarks.md, "Read API").
     */
    async detail(db: DbOrTx, id: string, personId: string | null) {
      const { plan, program, team, columns } = withHeader();
      // the team's members and the plan's areas as their module's subqueries; each is named once per scalar subquery
      const [roles, tm, a] = [reads.members(), reads.members(), reads.contentAreas()];
      const [row] = await db
        .select({
          ...columns,
          teamRoles: sql<TeamRole[]>`(select coalesce(jsonb_agg(${roles.role}), '[]'::jsonb) from ${roles}
            where ${roles.teamId} = ${inspections.teamId} and ${roles.personId} = ${personId}::uuid)`,
          members: sql<DetailJson['members']>`(select coalesce(jsonb_agg(jsonb_build_object(
              'personId', p.id, 'fullName', p.full_name, 'positionTitle', p.position_title, 'role', ${tm.role},
              'representedOrgUnitName', r.name) order by ${tm.position}, p.full_name), '[]'::jsonb)
            from ${tm} join ${people} p on p.id = ${tm.personId}
            left join ${orgUnits} r on r.id = ${tm.representedOrgUnitId} where ${tm.teamId} = ${inspections.teamId})`,
          areas: sql<DetailJson['areas']>`(select coalesce(jsonb_agg(jsonb_build_object(
              'id', ${a.id}, 'position', ${a.position}, 'title', ${a.title}, 'description', ${a.description})
              order by ${a.position}), '[]'::jsonb) from ${a} where ${a.planId} = ${inspections.planId})`,
          assessments: sql<DetailJson['assessments']>`(select coalesce(jsonb_agg(jsonb_build_object(
              'contentAreaId', s.content_area_id, 'rating', s.rating, 'notes', s.notes, 'updatedAt', s.updated_at,
              'version', s.version)),
              '[]'::jsonb) from ${assessments} s where s.inspection_id = ${inspections.id})`,
          conclusions: sql<DetailJson['conclusions']>`(select coalesce(jsonb_agg(jsonb_build_object(
              'id', c.id, 'number', c.number, 'year', c.year, 'version', c.version, 'issuedDate', c.issued_date,
              'signerName', c.signer_name, 'signerTitle', c.signer_title, 'summary', c.summary,
              'recipients', c.recipients, 'contentSha256', c.content_sha256, 'correctionReason', c.correction_reason,
              'scheduleReason', c.schedule_reason, 'supersedesId', c.supersedes_id, 'issuedAt', c.issued_at,
              'verificationCode', c.verification_code) order by c.version desc), '[]'::jsonb)
            from ${conclusions} c where c.inspection_id = ${inspections.id})`,
          responses: sql<DetailJson['responses']>`(select coalesce(jsonb_agg(jsonb_build_object(
              'id', t.id, 'text', t.text, 'respondedAt', t.responded_at, 'respondedBy', u.display_name)
              order by t.responded_at), '[]'::jsonb)
            from ${targetResponses} t join ${users} u on u.id = t.responded_by where t.inspection_id = ${inspections.id})`,
          // the current findings: the drafts, or those of the latest conclusion
          findings: sql<DetailJson['findings']>`(select coalesce(jsonb_agg(jsonb_build_object(
              'id', f.id, 'contentAreaId', f.content_area_id, 'kind', f.kind, 'text', f.text,
              'causeType', f.cause_type, 'addresseeOrgUnitId', f.addressee_org_unit_id, 'addresseeName', ad.name,
              'dueDate', f.due_date, 'position', f.position, 'conclusionId', f.conclusion_id,
              'supersedesFindingId', f.supersedes_finding_id, 'version', f.version) order by f.position, f.created_at),
              '[]'::jsonb)
            from ${findings} f left join ${orgUnits} ad on ad.id = f.addressee_org_unit_id
            where f.inspection_id = ${inspections.id} and f.conclusion_id is not distinct from ${latestConclusionId})`,
        })
        .from(inspections)
        .innerJoin(plan, eq(plan.id, inspections.planId))
        .innerJoin(program, eq(program.id, plan.programId))
        .innerJoin(team, eq(team.id, inspections.teamId))
        .innerJoin(orgUnits, eq(orgUnits.id, inspections.targetOrgUnitId))
        .where(eq(inspections.id, id));
      if (!row) return undefined;
      // timestamps inside JSON arrive as ISO strings
      return {
        ...row,
        assessments: row.assessments.map((a) => ({ ...a, updatedAt: new Date(a.updatedAt) })),
        conclusions: row.conclusions.map((c) => ({ ...c, issuedAt: new Date(c.issuedAt) })),
        responses: row.responses.map((r) => ({ ...r, respondedAt: new Date(r.respondedAt) })),
      };
    },

    teamMembers(db: DbOrTx, teamId: string) {
      const represented = alias(orgUnits, 'represented');
      const tm = reads.members();
      return db
        .select({
          personId: people.id,
          fullName: people.fullName,
          positionTitle: people.positionTitle,
          role: tm.role,
          representedOrgUnitName: represented.name,
        })
        .from(tm)
        .innerJoin(people, eq(people.id, tm.personId))
        .leftJoin(represented, eq(represented.id, tm.representedOrgUnitId))
        .where(eq(tm.teamId, teamId))
        .orderBy(asc(tm.position), asc(people.fullName));
    },

    async teamRolesOf(db: DbOrTx, teamId: string, personId: string | null) {
      if (!personId) return [];
      const tm = reads.members();
      const rows = await db
        .select({ role: tm.role })
        .from(tm)
        .where(and(eq(tm.teamId, teamId), eq(tm.personId, personId)));
      return rows.map((r) => r.role);
    },

    contentAreas(db: DbOrTx, planId: string) {
      const a = reads.contentAreas();
      return db
        .select({ id: a.id, position: a.position, title: a.title, description: a.description })
        .from(a)
        .where(eq(a.planId, planId))
        .orderBy(asc(a.position));
    },

    assessments(db: DbOrTx, inspectionId: string) {
      return db.select().from(assessments).where(eq(assessments.inspectionId, inspectionId));
    },

    async assessment(db: DbOrTx, inspectionId: string, contentAreaId: string) {
      const [row] = await db
        .select()
        .from(assessments)
        .where(and(eq(assessments.inspectionId, inspectionId), eq(assessments.contentAreaId, contentAreaId)));
      return row;
    },

    /**
     * Saves an area's assessment if it is still at `version`, in one statement: from 0 (never assessed) an INSERT
     * that does nothing when another writer's row is there (the unique key makes it wait for that writer's commit);
     * otherwise an UPDATE matching the version, +1. Undefined when the assessment changed meanwhile.
     */
    async saveAssessment(db: DbOrTx, a: AssessmentValues, version: number) {
      const [row] =
        version === 0
          ? await db
              .insert(assessments)
              .values(a)
              .onConflictDoNothing({ target: [assessments.inspectionId, assessments.contentAreaId] })
              .returning()
          : await db
              .update(assessments)
              .set({
                rating: a.rating,
                notes: a.notes,
                version: sql`${assessments.version} + 1`,
                updatedAt: new Date(),
              })
              .where(
                and(
                  eq(assessments.inspectionId, a.inspectionId),
                  eq(assessments.contentAreaId, a.contentAreaId),
                  eq(assessments.version, version),
                ),
              )
              .returning();
      return row;
    },

    /** The current findings: drafts (`conclusionId` null) or those of one conclusion. */
    findings(db: DbOrTx, inspectionId: string, conclusionId: string | null) {
      return db
        .select(findingColumns)
        .from(findings)
        .leftJoin(addressee, eq(addressee.id, findings.addresseeOrgUnitId))
        .where(
          and(
            eq(findings.inspectionId, inspectionId),
            conclusionId ? eq(findings.conclusionId, conclusionId) : isNull(findings.conclusionId),
          ),
        )
        .orderBy(asc(findings.position), asc(findings.createdAt));
    },

    async findingIdsOfConclusion(db: DbOrTx, conclusionId: string) {
      const rows = await db.select({ id: findings.id }).from(findings).where(eq(findings.conclusionId, conclusionId));
      return rows.map((r) => r.id);
    },

    async findingView(db: DbOrTx, id: string) {
      const [row] = await db
        .select(findingColumns)
        .from(findings)
        .leftJoin(addressee, eq(addressee.id, findings.addresseeOrgUnitId))
        .where(eq(findings.id, id));
      return row;
    },

    async getFinding(db: DbOrTx, id: string) {
      const [row] = await db.select().from(findings).where(eq(findings.id, id));
      return row;
    },

    async insertFinding(db: DbOrTx, f: NewFinding) {
      const [row] = await db.insert(findings).values(f).returning();
      return row;
    },

    async nextFindingPosition(db: DbOrTx, inspectionId: string) {
      const [{ next }] = await db
        .select({ next: sql<number>`coalesce(max(${findings.position}), 0)::int + 1` })
        .from(findings)
        .where(and(eq(findings.inspectionId, inspectionId), isNull(findings.conclusionId)));
      return next;
    },

    /** Updates a draft finding still at `version`; undefined when it is frozen, gone or changed meanwhile. */
    async updateFinding(db: DbOrTx, id: string, patch: Partial<NewFinding>, version: number) {
      const [row] = await db
        .update(findings)
        .set({ ...patch, version: sql`${findings.version} + 1`, updatedAt: new Date() })
        .where(and(eq(findings.id, id), isNull(findings.conclusionId), eq(findings.version, version)))
        .returning();
      return row;
    },

    /** Deletes a draft finding; false when it is frozen under a conclusion (or gone). */
    async deleteFinding(db: DbOrTx, id: string) {
      const rows = await db
        .delete(findings)
        .where(and(eq(findings.id, id), isNull(findings.conclusionId)))
        .returning({ id: findings.id });
      return rows.length > 0;
    },

    /** Freezes the draft findings under the conclusion just issued. */
    freezeDraftFindings: (db: DbOrTx, inspectionId: string, conclusionId: string) =>
      db
        .update(findings)
        .set({ conclusionId, version: sql`${findings.version} + 1`, updatedAt: new Date() })
        .where(and(eq(findings.inspectionId, inspectionId), isNull(findings.conclusionId)))
        .returning(),

    responses(db: DbOrTx, inspectionId: string) {
      return db
        .select({
          id: targetResponses.id,
          text: targetResponses.text,
          respondedAt: targetResponses.respondedAt,
          respondedBy: users.displayName,
        })
        .from(targetResponses)
        .innerJoin(users, eq(users.id, targetResponses.respondedBy))
        .where(eq(targetResponses.inspectionId, inspectionId))
        .orderBy(asc(targetResponses.respondedAt));
    },

    async insertResponse(db: DbOrTx, r: typeof targetResponses.$inferInsert) {
      const [row] = await db.insert(targetResponses).values(r).returning();
      return row;
    },

    conclusions(db: DbOrTx, inspectionId: string) {
      return db
        .select()
        .from(conclusions)
        .where(eq(conclusions.inspectionId, inspectionId))
        .orderBy(desc(conclusions.version));
    },

    async setConclusionFileSha256(db: DbOrTx, id: string, fileSha256: string) {
      await db.update(conclusions).set({ fileSha256 }).where(eq(conclusions.id, id));
    },
    /** The version carrying a verification code, and the version that corrected it (if any). */
    async conclusionByCode(db: DbOrTx, code: string) {
      const [row] = await db.select().from(conclusions).where(eq(conclusions.verificationCode, code));
      if (!row) return null;
      const [next] = await db
        .select({ number: conclusions.number, year: conclusions.year, issuedDate: conclusions.issuedDate })
        .from(conclusions)
        .where(eq(conclusions.supersedesId, row.id));
      return { row, replacedBy: next ?? null };
    },
    /** The stored PDF of an issued version (null until made). */
    async conclusionPdf(db: DbOrTx, conclusionId: string) {
      const [row] = await db.select().from(conclusionPdfs).where(eq(conclusionPdfs.conclusionId, conclusionId));
      return row ?? null;
    },
    /** Stores a version's PDF unless one is stored already (then that one stays): returns the stored one. */
    async storeConclusionPdf(db: DbOrTx, pdf: typeof conclusionPdfs.$inferInsert) {
      const [inserted] = await db.insert(conclusionPdfs).values(pdf).onConflictDoNothing().returning();
      if (inserted) return inserted;
      const [kept] = await db.select().from(conclusionPdfs).where(eq(conclusionPdfs.conclusionId, pdf.conclusionId));
      return kept;
    },
    async insertConclusion(db: DbOrTx, c: typeof conclusions.$inferInsert) {
      const [row] = await db.insert(conclusions).values(c).returning();
      return row;
    },

    /** Takes the next number of a yearly sequence; the row lock of the upsert serialises concurrent issues. */
    async nextSequence(db: DbOrTx, scope: string, year: number) {
      const [row] = await db
        .insert(numberSequences)
        .values({ scope, year, last: 1 })
        .onConflictDoUpdate({
          target: [numberSequences.scope, numberSequences.year],
          set: { last: sql`${numberSequences.last} + 1` },
        })
        .returning({ last: numberSequences.last });
      return row.last;
    },

    /** Moves the status only if nobody moved it meanwhile; undefined when the inspection was not in `from`. */
    async setStatus(
      db: DbOrTx,
      id: string,
      from: InspectionStatus,
      to: InspectionStatus,
      extra: { draftSharedAt?: Date; startedOn?: string; startReason?: string | null } = {},
    ) {
      const [row] = await db
        .update(inspections)
        // a status move is a change like any other: it moves the version (a window edit read before it is stale)
        .set({ status: to, ...extra, version: sql`${inspections.version} + 1`, updatedAt: new Date() })
        .where(and(eq(inspections.id, id), eq(inspections.status, from)))
        .returning();
      return row;
    },

    async existingOrgUnitIds(db: DbOrTx, ids: string[]) {
      if (!ids.length) return new Set<string>();
      const rows = await db.select({ id: orgUnits.id }).from(orgUnits).where(inArray(orgUnits.id, ids));
      return new Set(rows.map((r) => r.id));
    },
    // Planned inspections: the targets of an inspection plan's teams (inspection-plans asks through the service).
    statusCountsByPlan: (db: DbOrTx, planIds: string[]) =>
      planIds.length
        ? db
            .select({ planId: inspections.planId, status: inspections.status, n: sql<number>`count(*)::int` })
            .from(inspections)
            .where(inArray(inspections.planId, planIds))
            .groupBy(inspections.planId, inspections.status)
        : Promise.resolve([]),
    /** Content areas among `ids` that an assessment or a finding refers to. */
    async contentAreasAssessed(db: DbOrTx, ids: string[]) {
      if (!ids.length) return new Set<string>();
      const rows = await db
        .select({ id: assessments.contentAreaId })
        .from(assessments)
        .where(inArray(assessments.contentAreaId, ids))
        .union(db.select({ id: findings.contentAreaId }).from(findings).where(inArray(findings.contentAreaId, ids)));
      return new Set(rows.map((r) => r.id));
    },
    targetsOfTeams: (db: DbOrTx, teamIds: string[]) =>
      teamIds.length
        ? db
            .select({
              inspectionId: inspections.id,
              teamId: inspections.teamId,
              targetOrgUnitId: inspections.targetOrgUnitId,
              targetName: orgUnits.name,
              windowStart: inspections.windowStart,
              windowEnd: inspections.windowEnd,
              status: inspections.status,
              version: inspections.version,
            })
            .from(inspections)
            .innerJoin(orgUnits, eq(orgUnits.id, inspections.targetOrgUnitId))
            .where(inArray(inspections.teamId, teamIds))
            .orderBy(asc(inspections.windowStart), asc(orgUnits.name))
        : Promise.resolve([]),
    async teamTarget(db: DbOrTx, teamId: string, targetOrgUnitId: string) {
      const [row] = await db
        .select({ id: inspections.id })
        .from(inspections)
        .where(and(eq(inspections.teamId, teamId), eq(inspections.targetOrgUnitId, targetOrgUnitId)));
      return row;
    },
    async insertPlanned(
      db: DbOrTx,
      i: { planId: string; teamId: string; targetOrgUnitId: string; windowStart: string; windowEnd: string },
    ) {
      const [row] = await db
        .insert(inspections)
        .values({ ...i, status: 'planned' })
        .returning();
      return row;
    },
    /**
     * Moves the window only while the status is one of `statuses` and the inspection is still at `version` (both
     * checked in the same statement, +1); undefined when either no longer holds.
     */
    async updateWindow(
      db: DbOrTx,
      id: string,
      w: { windowStart: string; windowEnd: string },
      statuses: InspectionStatus[],
      version: number,
    ) {
      const [row] = await db
        .update(inspections)
        .set({ ...w, version: sql`${inspections.version} + 1`, updatedAt: new Date() })
        .where(and(eq(inspections.id, id), inArray(inspections.status, statuses), eq(inspections.version, version)))
        .returning();
      return row;
    },
    /** Deletes a still-planned inspection; false when it moved on meanwhile (or is gone). */
    async deletePlanned(db: DbOrTx, id: string) {
      const rows = await db
        .delete(inspections)
        .where(and(eq(inspections.id, id), eq(inspections.status, 'planned')))
        .returning({ id: inspections.id });
      return rows.length > 0;
    },
    async deleteOfTeam(db: DbOrTx, teamId: string) {
      await db.delete(inspections).where(eq(inspections.teamId, teamId));
    },
    /** The statuses of a team's inspections, their rows locked until the caller's transaction ends. */
    lockOfTeam: (db: DbOrTx, teamId: string) =>
      db
        .select({ id: inspections.id, status: inspections.status })
        .from(inspections)
        .where(eq(inspections.teamId, teamId))
        .for('update'),
  };
}
export type InspectionsRepo = ReturnType<typeof createInspectionsRepo>;
