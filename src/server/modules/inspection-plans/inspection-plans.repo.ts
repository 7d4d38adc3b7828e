import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inspectionStatuses, type InspectionStatus, type TeamRole } from '../../../shared/domain.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import {
  contentAreas,
  inspectionPlans,
  inspectionTeams,
  orgUnits,
  people,
  teamMembers,
} from '../../db/schema/index.js';
import { searchCondition } from '../../db/search.js';
import type { ProgramsService } from '../programs/programs.service.js';
import type { InspectionWindows } from './objectivity.repo.js';

export type PlanRow = typeof inspectionPlans.$inferSelect;
export type NewPlan = Omit<typeof inspectionPlans.$inferInsert, 'searchText'>;
export type TeamRow = typeof inspectionTeams.$inferSelect;
export interface MemberValues {
  personId: string;
  role: TeamRole;
  representedOrgUnitId?: string | null;
}
export interface PlanFilter {
  q?: string;
  programId?: string;
  year?: number;
  limit: number;
  offset: number;
}

const represented = alias(orgUnits, 'represented');
const personUnit = alias(orgUnits, 'person_unit');

/** What the plans join from other modules, as subqueries their services build (wired in services.ts). */
export interface InspectionPlansReads {
  programCodes: ProgramsService['codes'];
  /** the inspections (plan, status) for the plan list's counts */
  inspections: () => InspectionWindows;
}

/** Plans, their content areas, teams, members and targets: all SQL of the inspection-plans module. */
export function createInspectionPlansRepo(reads: InspectionPlansReads) {
  return {
    /**
     * Subqueries (built, not run) that other modules join in their own statements, so a list or a one-statement
     * detail page keeps its query count (docs/architecture.md, "Reading across modules"). Each names the columns it
     * offers: these are what this module keeps stable for them.
     */
    views: {
      plans: (db: DbOrTx) =>
        db
          .select({
            id: inspectionPlans.id,
            programId: inspectionPlans.programId,
            code: inspectionPlans.code,
            title: inspectionPlans.title,
            year: inspectionPlans.year,
            issueDate: inspectionPlans.issueDate,
          })
          .from(inspectionPlans)
          .as('plan_v'),
      teams: (db: DbOrTx) =>
        db
          .select({
            id: inspectionTeams.id,
            planId: inspectionTeams.planId,
            number: inspectionTeams.number,
            name: inspectionTeams.name,
          })
          .from(inspectionTeams)
          .as('team_v'),
      members: (db: DbOrTx) =>
        db
          .select({
            teamId: teamMembers.teamId,
            personId: teamMembers.personId,
            role: teamMembers.role,
            representedOrgUnitId: teamMembers.representedOrgUnitId,
            position: teamMembers.position,
          })
          .from(teamMembers)
          .as('member_v'),
      contentAreas: (db: DbOrTx) =>
        db
          .select({
            id: contentAreas.id,
            planId: contentAreas.planId,
            position: contentAreas.position,
            title: contentAreas.title,
            description: contentAreas.description,
          })
          .from(contentAreas)
          .as('area_v'),
      /** The ids of the teams a person sits on (none for null). */
      teamIdsOf: (db: DbOrTx, personId: string | null) =>
        db
          .select({ id: teamMembers.teamId })
          .from(teamMembers)
          .where(eq(teamMembers.personId, personId ?? '00000000-0000-0000-0000-000000000000')),
    },
    /** Plans and teams by id, as the audit log names them. */
    planSubjectRows: (db: DbOrTx, ids: string[]) =>
      db
        .select({ id: inspectionPlans.id, code: inspectionPlans.code, title: inspectionPlans.title })
        .from(inspectionPlans)
        .where(inArray(inspectionPlans.id, ids)),
    teamSubjectRows: (db: DbOrTx, ids: string[]) =>
      db
        .select({
          id: inspectionTeams.id,
          name: inspectionTeams.name,
          planId: inspectionTeams.planId,
          planCode: inspectionPlans.code,
        })
        .from(inspectionTeams)
        .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspectionTeams.planId))
        .where(inArray(inspectionTeams.id, ids)),
    /**
     * A page of plans with their total, team count and inspections by status, in one statement: the count is a window
     * over the filtered plans (taken before LIMIT), the counts scalar subqueries (the inspections through their
     * module's subquery). A page past the end has no row to carry the total: it counts apart.
     */
    async list(db: DbOrTx, f: PlanFilter) {
      const program = reads.programCodes();
      const inspection = reads.inspections();
      const cond = and(
        searchCondition(inspectionPlans.searchText, f.q),
        f.programId ? eq(inspectionPlans.programId, f.programId) : undefined,
        f.year ? eq(inspectionPlans.year, f.year) : undefined,
      );
      const byStatus = sql.join(
        inspectionStatuses.map((s) => sql`${s}::text, count(*) filter (where ${inspection.status} = ${s})::int`),
        sql`, `,
      );
      const rows = await db
        .select({
          id: inspectionPlans.id,
          code: inspectionPlans.code,
          title: inspectionPlans.title,
          year: inspectionPlans.year,
          issueDate: inspectionPlans.issueDate,
          programId: inspectionPlans.programId,
          programCode: program.code,
          teamCount: sql<number>`(select count(*)::int from ${inspectionTeams} where ${inspectionTeams.planId} = ${inspectionPlans.id})`,
          inspectionsByStatus: sql<
            Record<InspectionStatus, number>
          >`(select jsonb_build_object(${byStatus}) from ${inspection} where ${inspection.planId} = ${inspectionPlans.id})`,
          total: sql<number>`(count(*) over ())::int`,
        })
        .from(inspectionPlans)
        .innerJoin(program, eq(program.id, inspectionPlans.programId))
        .where(cond)
        .orderBy(sql`${inspectionPlans.year} desc`, sql`${inspectionPlans.issueDate} desc`, asc(inspectionPlans.code))
        .limit(f.limit)
        .offset(f.offset);
      if (rows.length === 0 && f.offset > 0) {
        const [{ total }] = await db
          .select({ total: sql<number>`count(*)::int` })
          .from(inspectionPlans)
          .where(cond);
        return { items: [], total };
      }
      return {
        items: rows.map(({ total: _total, ...item }) => item),
        total: rows.length ? rows[0].total : 0,
      };
    },

    async getRow(db: DbOrTx, id: string) {
      const [row] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.id, id));
      return row;
    },
    async getByCode(db: DbOrTx, code: string) {
      const [row] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.code, code));
      return row;
    },
    async insertPlan(db: DbOrTx, p: NewPlan) {
      const [row] = await db
        .insert(inspectionPlans)
        .values({ ...p, searchText: foldText(p.code, p.title) })
        .returning();
      return row;
    },
    /** Changes the plan if it is still at `version` (+1 in the same statement); undefined when it changed meanwhile. */
    async updatePlan(db: DbOrTx, id: string, patch: Partial<NewPlan>, current: PlanRow, version: number) {
      const next = { ...current, ...patch };
      const [row] = await db
        .update(inspectionPlans)
        .set({
          ...patch,
          searchText: foldText(next.code, next.title),
          version: sql`${inspectionPlans.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(inspectionPlans.id, id), eq(inspectionPlans.version, version)))
        .returning();
      return row;
    },

    contentAreas: (db: DbOrTx, planId: string) =>
      db
        .select({
          id: contentAreas.id,
          position: contentAreas.position,
          title: contentAreas.title,
          description: contentAreas.description,
        })
        .from(contentAreas)
        .where(eq(contentAreas.planId, planId))
        .orderBy(asc(contentAreas.position)),
    async insertContentAreas(
      db: DbOrTx,
      planId: string,
      areas: { position: number; title: string; description?: string | null }[],
    ) {
      if (areas.length) await db.insert(contentAreas).values(areas.map((a) => ({ planId, ...a })));
    },
    async updateContentArea(
      db: DbOrTx,
      id: string,
      a: { position: number; title: string; description?: string | null },
    ) {
      await db.update(contentAreas).set(a).where(eq(contentAreas.id, id));
    },
    async deleteContentAreas(db: DbOrTx, ids: string[]) {
      if (ids.length) await db.delete(contentAreas).where(inArray(contentAreas.id, ids));
    },

    teamsOfPlan: (db: DbOrTx, planId: string) =>
      db.select().from(inspectionTeams).where(eq(inspectionTeams.planId, planId)).orderBy(asc(inspectionTeams.number)),
    async getTeam(db: DbOrTx, id: string) {
      const [row] = await db.select().from(inspectionTeams).where(eq(inspectionTeams.id, id));
      return row;
    },
    async teamByNumber(db: DbOrTx, planId: string, number: number) {
      const [row] = await db
        .select()
        .from(inspectionTeams)
        .where(and(eq(inspectionTeams.planId, planId), eq(inspectionTeams.number, number)));
      return row;
    },
    async insertTeam(db: DbOrTx, t: { planId: string; number: number; name: string }) {
      const [row] = await db.insert(inspectionTeams).values(t).returning();
      return row;
    },
    /**
     * Renames the team (name undefined: keeps it) if it is still at `version`, +1 in the same statement: every edit of
     * the team, its members too, goes through here first. Undefined when it changed meanwhile (or is gone).
     */
    async updateTeam(db: DbOrTx, id: string, name: string | undefined, version: number) {
      const [row] = await db
        .update(inspectionTeams)
        .set({
          ...(name === undefined ? {} : { name }),
          version: sql`${inspectionTeams.version} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(inspectionTeams.id, id), eq(inspectionTeams.version, version)))
        .returning();
      return row;
    },
    /** The team and its members (members cascade); its planned inspections go first (the inspections service). */
    async deleteTeam(db: DbOrTx, id: string) {
      await db.delete(inspectionTeams).where(eq(inspectionTeams.id, id));
    },
    async replaceMembers(db: DbOrTx, teamId: string, members: MemberValues[]) {
      await db.delete(teamMembers).where(eq(teamMembers.teamId, teamId));
      await db.insert(teamMembers).values(
        members.map((m, position) => ({
          teamId,
          personId: m.personId,
          role: m.role,
          representedOrgUnitId: m.representedOrgUnitId ?? null,
          position,
        })),
      );
    },
    members: (db: DbOrTx, teamIds: string[]) =>
      teamIds.length
        ? db
            .select({
              id: teamMembers.id,
              teamId: teamMembers.teamId,
              personId: teamMembers.personId,
              fullName: people.fullName,
              positionTitle: people.positionTitle,
              personOrgUnitId: people.orgUnitId,
              personOrgUnitName: personUnit.name,
              role: teamMembers.role,
              representedOrgUnitId: teamMembers.representedOrgUnitId,
              representedOrgUnitName: represented.name,
            })
            .from(teamMembers)
            .innerJoin(people, eq(people.id, teamMembers.personId))
            .leftJoin(personUnit, eq(personUnit.id, people.orgUnitId))
            .leftJoin(represented, eq(represented.id, teamMembers.representedOrgUnitId))
            .where(inArray(teamMembers.teamId, teamIds))
            .orderBy(asc(teamMembers.teamId), asc(teamMembers.position))
        : Promise.resolve([]),

    async existingPeople(db: DbOrTx, ids: string[]) {
      if (!ids.length) return new Set<string>();
      return new Set((await db.select({ id: people.id }).from(people).where(inArray(people.id, ids))).map((r) => r.id));
    },
    async existingOrgUnits(db: DbOrTx, ids: string[]) {
      if (!ids.length) return new Set<string>();
      return new Set(
        (await db.select({ id: orgUnits.id }).from(orgUnits).where(inArray(orgUnits.id, ids))).map((r) => r.id),
      );
    },
    async orgUnitName(db: DbOrTx, id: string) {
      const [row] = await db.select({ name: orgUnits.name }).from(orgUnits).where(eq(orgUnits.id, id));
      return row?.name;
    },
  };
}
export type InspectionPlansRepo = ReturnType<typeof createInspectionPlansRepo>;
