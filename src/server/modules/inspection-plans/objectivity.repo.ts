import { and, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import { rowsOf, type DbOrTx } from '../../db/client.js';
import { inspectionPlans, inspectionTeams, orgUnits, people, teamMembers } from '../../db/schema/index.js';
import type { InspectionsService } from '../inspections/inspections.service.js';
import type { ObjectivityInput, ObjectivityInspection, ObjectivityMember } from './objectivity.js';

/** The inspections' schedule (id, plan, team, target, window): a subquery the inspections service builds. */
export type InspectionWindows = ReturnType<InspectionsService['views']['inspections']>;

const withNames = (db: DbOrTx, inspections: InspectionWindows) =>
  db
    .select({
      id: inspections.id,
      planCode: inspectionPlans.code,
      teamId: inspections.teamId,
      teamName: inspectionTeams.name,
      targetOrgUnitId: inspections.targetOrgUnitId,
      targetName: orgUnits.name,
      windowStart: inspections.windowStart,
      windowEnd: inspections.windowEnd,
    })
    .from(inspections)
    .innerJoin(inspectionTeams, eq(inspectionTeams.id, inspections.teamId))
    .innerJoin(inspectionPlans, eq(inspectionPlans.id, inspections.planId))
    .innerJoin(orgUnits, eq(orgUnits.id, inspections.targetOrgUnitId));

const membersOf = (db: DbOrTx, teamIds: string[]): Promise<ObjectivityMember[]> =>
  teamIds.length
    ? db
        .select({
          teamId: teamMembers.teamId,
          personId: teamMembers.personId,
          fullName: people.fullName,
          orgUnitId: people.orgUnitId,
          representedOrgUnitId: teamMembers.representedOrgUnitId,
        })
        .from(teamMembers)
        .innerJoin(people, eq(people.id, teamMembers.personId))
        .where(inArray(teamMembers.teamId, teamIds))
    : Promise.resolve([]);

const unique = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))];

/**
 * Loads what `computeWarnings` needs about some inspections, in four queries whatever their number. The inspections
 * are joined as the subquery their module builds (`reads.inspectionWindows`, wired in services.ts), not read here.
 */
export function createObjectivityRepo(reads: { inspectionWindows: () => InspectionWindows }) {
  return {
    async input(db: DbOrTx, focus: ObjectivityInspection[]): Promise<ObjectivityInput> {
      const inspections = reads.inspectionWindows();
      const focusIds = focus.map((i) => i.id);
      const focusMembers = await membersOf(db, unique(focus.map((i) => i.teamId)));
      const start = focus.reduce((min, i) => (i.windowStart < min ? i.windowStart : min), '9999-12-31');
      const end = focus.reduce((max, i) => (i.windowEnd > max ? i.windowEnd : max), '0000-01-01');
      // other inspections in the same span that share a target or a person with the focus; exact overlap is checked in memory
      const personIds = unique(focusMembers.map((m) => m.personId));
      const others = focus.length
        ? await withNames(db, inspections).where(
            and(
              lte(inspections.windowStart, end),
              gte(inspections.windowEnd, start),
              or(
                inArray(inspections.targetOrgUnitId, unique(focus.map((i) => i.targetOrgUnitId))),
                personIds.length
                  ? inArray(
                      inspections.teamId,
                      db
                        .select({ teamId: teamMembers.teamId })
                        .from(teamMembers)
                        .where(inArray(teamMembers.personId, personIds)),
                    )
                  : undefined,
              ),
            ),
          )
        : [];
      const all = [...focus, ...others.filter((o) => !focusIds.includes(o.id))];
      const loadedTeams = new Set(focus.map((i) => i.teamId));
      const members = [
        ...focusMembers,
        ...(await membersOf(
          db,
          unique(all.map((i) => i.teamId)).filter((t) => !loadedTeams.has(t)),
        )),
      ];
      const { ancestors, unitNames } = await this.ancestry(
        db,
        unique(members.flatMap((m) => [m.orgUnitId, m.representedOrgUnitId])),
      );
      return { inspections: all, members, ancestors, unitNames, focus: focusIds };
    },

    /** Each unit's chain up the org tree (the unit first) and its name, in one recursive query. */
    async ancestry(db: DbOrTx, unitIds: string[]) {
      const ancestors = new Map<string, string[]>();
      const unitNames = new Map<string, string>();
      if (!unitIds.length) return { ancestors, unitNames };
      const ids = sql.join(
        unitIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      );
      const rows = rowsOf<{ unit_id: string; ancestor_id: string; name: string }>(
        await db.execute(sql`
        with recursive chain (unit_id, ancestor_id, depth) as (
          select id, id, 0 from ${orgUnits} where id in (${ids})
          union all
          select c.unit_id, o.parent_id, c.depth + 1 from chain c join ${orgUnits} o on o.id = c.ancestor_id
          where o.parent_id is not null and c.depth < 20
        )
        select c.unit_id, c.ancestor_id, u.name from chain c join ${orgUnits} u on u.id = c.unit_id order by c.unit_id, c.depth`),
      );
      for (const row of rows) {
        ancestors.set(row.unit_id, [...(ancestors.get(row.unit_id) ?? []), row.ancestor_id]);
        unitNames.set(row.unit_id, row.name);
      }
      return { ancestors, unitNames };
    },

    ofPlan(db: DbOrTx, planId: string) {
      const inspections = reads.inspectionWindows();
      return withNames(db, inspections).where(eq(inspections.planId, planId));
    },
    ofInspection(db: DbOrTx, inspectionId: string) {
      const inspections = reads.inspectionWindows();
      return withNames(db, inspections).where(eq(inspections.id, inspectionId));
    },
  };
}
export type ObjectivityRepo = ReturnType<typeof createObjectivityRepo>;
