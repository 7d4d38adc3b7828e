import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { InspectionStatus, TeamRole } from '../../../shared/domain.js';
import { foldText } from '../../../shared/text.js';
import type { DbOrTx } from '../../db/client.js';
import {
  assessments,
  attachments,
  contentAreas,
  findings,
  inspectionPlans,
  inspections,
  inspectionTeams,
  orgUnits,
  people,
  programs,
  teamMembers,
} from '../../db/schema/index.js';
import { searchCondition } from '../../db/search.js';

export type PlanRow = typeof inspectionPlans.$inferSelect;
export type NewPlan = Omit<typeof inspectionPlans.$inferInsert, 'searchText'>;
export type TeamRow = typeof inspectionTeams.$inferSelect;
export type InspectionRow = typeof inspections.$inferSelect;
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
const issuer = alias(orgUnits, 'issuer');
const committeeUnit = alias(orgUnits, 'committee_unit');

/** Plans, their content areas, teams, members and targets: all SQL of the inspection-plans module. */
export function createInspectionPlansRepo() {
  return {
    async list(db: DbOrTx, f: PlanFilter) {
      const cond = and(
        searchCondition(inspectionPlans.searchText, f.q),
        f.programId ? eq(inspectionPlans.programId, f.programId) : undefined,
        f.year ? eq(inspectionPlans.year, f.year) : undefined,
      );
      const [items, [{ total }]] = await Promise.all([
        db
          .select({
            id: inspectionPlans.id,
            code: inspectionPlans.code,
            title: inspectionPlans.title,
            year: inspectionPlans.year,
            issueDate: inspectionPlans.issueDate,
            programId: inspectionPlans.programId,
            programCode: programs.code,
          })
          .from(inspectionPlans)
          .innerJoin(programs, eq(programs.id, inspectionPlans.programId))
          .where(cond)
          .orderBy(sql`${inspectionPlans.year} desc`, sql`${inspectionPlans.issueDate} desc`, asc(inspectionPlans.code))
          .limit(f.limit)
          .offset(f.offset),
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(inspectionPlans)
          .where(cond),
      ]);
      return { items, total };
    },

    /** Team counts and inspection counts by status, for a page of plans (two queries whatever the page size). */
    async counts(db: DbOrTx, planIds: string[]) {
      if (!planIds.length) return { teams: [], inspections: [] };
      const [teams, byStatus] = await Promise.all([
        db
          .select({ planId: inspectionTeams.planId, n: sql<number>`count(*)::int` })
          .from(inspectionTeams)
          .where(inArray(inspectionTeams.planId, planIds))
          .groupBy(inspectionTeams.planId),
        db
          .select({ planId: inspections.planId, status: inspections.status, n: sql<number>`count(*)::int` })
          .from(inspections)
          .where(inArray(inspections.planId, planIds))
          .groupBy(inspections.planId, inspections.status),
      ]);
      return { teams, inspections: byStatus };
    },

    async getRow(db: DbOrTx, id: string) {
      const [row] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.id, id));
      return row;
    },
    async getByCode(db: DbOrTx, code: string) {
      const [row] = await db.select().from(inspectionPlans).where(eq(inspectionPlans.code, code));
      return row;
    },
    async program(db: DbOrTx, id: string) {
      const [row] = await db
        .select({
          id: programs.id,
          code: programs.code,
          title: programs.title,
          issuerName: issuer.name,
          steeringCommitteeName: committeeUnit.name,
        })
        .from(programs)
        .innerJoin(issuer, eq(issuer.id, programs.issuerOrgUnitId))
        .leftJoin(committeeUnit, eq(committeeUnit.id, programs.steeringCommitteeOrgUnitId))
        .where(eq(programs.id, id));
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
    /** Content areas among `ids` that an assessment, finding or evidence file refers to. */
    async contentAreasInUse(db: DbOrTx, ids: string[]) {
      if (!ids.length) return new Set<string>();
      const rows = await db
        .select({ id: assessments.contentAreaId })
        .from(assessments)
        .where(inArray(assessments.contentAreaId, ids))
        .union(db.select({ id: findings.contentAreaId }).from(findings).where(inArray(findings.contentAreaId, ids)))
        .union(
          db
            .select({ id: sql<string>`${attachments.contentAreaId}` })
            .from(attachments)
            .where(inArray(attachments.contentAreaId, ids)),
        );
      return new Set(rows.map((r) => r.id));
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
    async updateTeam(db: DbOrTx, id: string, name: string) {
      await db.update(inspectionTeams).set({ name, updatedAt: new Date() }).where(eq(inspectionTeams.id, id));
    },
    /** The team, its planned inspections and its members (members cascade). */
    async deleteTeam(db: DbOrTx, id: string) {
      await db.delete(inspections).where(eq(inspections.teamId, id));
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
    targets: (db: DbOrTx, teamIds: string[]) =>
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
            })
            .from(inspections)
            .innerJoin(orgUnits, eq(orgUnits.id, inspections.targetOrgUnitId))
            .where(inArray(inspections.teamId, teamIds))
            .orderBy(asc(inspections.windowStart), asc(orgUnits.name))
        : Promise.resolve([]),

    async getInspection(db: DbOrTx, id: string) {
      const [row] = await db.select().from(inspections).where(eq(inspections.id, id));
      return row;
    },
    async teamTarget(db: DbOrTx, teamId: string, targetOrgUnitId: string) {
      const [row] = await db
        .select({ id: inspections.id })
        .from(inspections)
        .where(and(eq(inspections.teamId, teamId), eq(inspections.targetOrgUnitId, targetOrgUnitId)));
      return row;
    },
    async insertInspection(
      db: DbOrTx,
      i: { planId: string; teamId: string; targetOrgUnitId: string; windowStart: string; windowEnd: string },
    ) {
      const [row] = await db
        .insert(inspections)
        .values({ ...i, status: 'planned' })
        .returning();
      return row;
    },
    /** Moves the window only while the status is one of `statuses` (checked in the same statement). */
    async updateWindow(
      db: DbOrTx,
      id: string,
      w: { windowStart: string; windowEnd: string },
      statuses: InspectionStatus[],
    ) {
      const [row] = await db
        .update(inspections)
        .set({ ...w, updatedAt: new Date() })
        .where(and(eq(inspections.id, id), inArray(inspections.status, statuses)))
        .returning();
      return row;
    },
    /** Deletes a still-planned inspection; false when it moved on meanwhile (or is gone). */
    async deleteInspection(db: DbOrTx, id: string) {
      const rows = await db
        .delete(inspections)
        .where(and(eq(inspections.id, id), eq(inspections.status, 'planned')))
        .returning({ id: inspections.id });
      return rows.length > 0;
    },
    /** The statuses of a team's inspections, their rows locked until the caller's transaction ends. */
    async lockTeamInspections(db: DbOrTx, teamId: string) {
      return db
        .select({ id: inspections.id, status: inspections.status })
        .from(inspections)
        .where(eq(inspections.teamId, teamId))
        .for('update');
    },
    async hasEvidence(db: DbOrTx, inspectionIds: string[]) {
      if (!inspectionIds.length) return false;
      const [row] = await db
        .select({ id: attachments.id })
        .from(attachments)
        .where(inArray(attachments.inspectionId, inspectionIds))
        .limit(1);
      return !!row;
    },

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
