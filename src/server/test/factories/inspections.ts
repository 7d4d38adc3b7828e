import type { TeamRole } from '../../../shared/domain.js';
import { foldText } from '../../../shared/text.js';
import {
  contentAreas,
  inspectionPlans,
  inspections,
  inspectionTeams,
  programs,
  teamMembers,
} from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { type foundationFactories, unique } from './foundation.js';

/** Programs, inspection plans, teams and inspections (direct inserts: fast set-up for the workspace tests). */
export function inspectionFactories(db: Db, base: ReturnType<typeof foundationFactories>) {
  const f = {
    ...base,
    async program() {
      const issuer = await f.orgUnit({ name: 'Thành ủy thử' });
      const [row] = await db
        .insert(programs)
        .values({
          code: `${unique('P')}-CTr/TU`,
          title: 'Chương trình thử',
          issuerOrgUnitId: issuer.id,
          periodStart: 2021,
          periodEnd: 2025,
        })
        .returning();
      return row;
    },
    /** A plan with `areas` content areas (default 5). */
    async plan(o: { programId?: string; year?: number; areas?: number } = {}) {
      const programId = o.programId ?? (await f.program()).id;
      const code = `${unique('KH')}/BCĐ`;
      const [plan] = await db
        .insert(inspectionPlans)
        .values({
          programId,
          code,
          title: `Kế hoạch kiểm tra ${code}`,
          year: o.year ?? 2023,
          issueDate: `${o.year ?? 2023}-03-01`,
          searchText: foldText(code),
        })
        .returning();
      const areas = await db
        .insert(contentAreas)
        .values(
          Array.from({ length: o.areas ?? 5 }, (_, i) => ({
            planId: plan.id,
            position: i + 1,
            title: `Nội dung ${i + 1}`,
          })),
        )
        .returning();
      return { plan, areas: areas.sort((a, b) => a.position - b.position) };
    },
    async team(
      planId: string,
      members: { personId: string; role: TeamRole; representedOrgUnitId?: string | null }[] = [],
      number?: number,
    ) {
      const n = number ?? Math.floor(Math.random() * 1_000_000);
      const [team] = await db
        .insert(inspectionTeams)
        .values({ planId, number: n, name: `Đoàn kiểm tra số ${n}` })
        .returning();
      if (members.length) {
        await db.insert(teamMembers).values(
          members.map((m, i) => ({
            teamId: team.id,
            personId: m.personId,
            role: m.role,
            representedOrgUnitId: m.representedOrgUnitId ?? null,
            position: i,
          })),
        );
      }
      return team;
    },
    async inspection(o: {
      planId: string;
      teamId: string;
      targetOrgUnitId?: string;
      windowStart?: string;
      windowEnd?: string;
      status?: typeof inspections.$inferInsert.status;
    }) {
      const target = o.targetOrgUnitId ?? (await f.orgUnit()).id;
      const [row] = await db
        .insert(inspections)
        .values({
          planId: o.planId,
          teamId: o.teamId,
          targetOrgUnitId: target,
          windowStart: o.windowStart ?? '2023-06-01',
          windowEnd: o.windowEnd ?? '2023-06-10',
          status: o.status ?? 'planned',
        })
        .returning();
      return row;
    },
    /**
     * A whole scene: a plan, a team with an inspector user (as `role`, default head) and a target unit with a
     * `unit` user, and one inspection. The usual starting point of inspection tests.
     */
    async scene(
      o: {
        memberRole?: TeamRole;
        status?: typeof inspections.$inferInsert.status;
        windowStart?: string;
        windowEnd?: string;
      } = {},
    ) {
      const { plan, areas } = await f.plan();
      const target = await f.orgUnit();
      const inspectorPerson = await f.person();
      const inspector = await f.user('inspector', { personId: inspectorPerson.id });
      const team = await f.team(plan.id, [{ personId: inspectorPerson.id, role: o.memberRole ?? 'head' }]);
      const inspection = await f.inspection({
        planId: plan.id,
        teamId: team.id,
        targetOrgUnitId: target.id,
        status: o.status,
        windowStart: o.windowStart,
        windowEnd: o.windowEnd,
      });
      const unitUser = await f.user('unit', { orgUnitId: target.id });
      return { plan, areas, target, team, inspection, inspector, inspectorPerson, unitUser };
    },
  };
  return f;
}
