import type { PlanInput, PlanPatch } from '../../../shared/contracts/inspection-plans.js';
import { inspectionStatuses } from '../../../shared/domain.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FilesService } from '../files/files.service.js';
import type { PlannedInspections } from '../inspections/inspections.service.js';
import type { ProgramsService } from '../programs/programs.service.js';
import { renderPlanDocx, renderPlanXlsx, type PlanExportInput } from '../documents/plan-export.js';
import { computeWarnings, warningTextVi, type ObjectivityInspection } from './objectivity.js';
import type { ObjectivityRepo } from './objectivity.repo.js';
import { inspectionPlansPolicy } from './inspection-plans.policy.js';
import type { InspectionPlansRepo, PlanFilter } from './inspection-plans.repo.js';
import { subjectsOf, type DescribeSubjects } from '../audit/audit.service.js';
import { recordPath } from '../../../shared/record-paths.js';

export interface PlansDeps {
  db: Db;
  repo: InspectionPlansRepo;
  objectivity: ObjectivityRepo;
  audit: AuditService;
  /** the teams' targets (inspections module) */
  inspections: PlannedInspections;
  files: Pick<FilesService, 'contentAreasWithEvidence'>;
  /** the program a plan belongs to (its heading on the plan page; that it exists, on create) */
  programs: Pick<ProgramsService, 'heading'>;
}

/** Teams of the given ids with their members and targets, in team-number order. */
export async function teamViews(
  db: Db,
  repo: InspectionPlansRepo,
  inspections: PlannedInspections,
  teams: { id: string; planId: string; number: number; name: string; version: number }[],
) {
  const ids = teams.map((t) => t.id);
  const [members, targets] = await Promise.all([repo.members(db, ids), inspections.targetsOfTeams(db, ids)]);
  return teams.map((t) => ({
    id: t.id,
    planId: t.planId,
    number: t.number,
    name: t.name,
    members: members.filter((m) => m.teamId === t.id),
    targets: targets.filter((g) => g.teamId === t.id),
    version: t.version,
  }));
}

export function createInspectionPlansService({
  db,
  repo,
  objectivity,
  audit,
  inspections,
  files,
  programs,
}: PlansDeps) {
  async function warningsOf(focus: ObjectivityInspection[]) {
    return focus.length ? computeWarnings(await objectivity.input(db, focus)) : [];
  }

  /** The plan page; `actor` (the caller) gets what it may do with the plan (catalogue: plan.manage). */
  async function get(id: string, actor?: Actor) {
    const plan = await repo.getRow(db, id);
    if (!plan) throw notFound('inspectionPlan', id);
    const [program, contentAreas, teams, focus] = await Promise.all([
      programs.heading(plan.programId),
      repo.contentAreas(db, id),
      repo.teamsOfPlan(db, id),
      objectivity.ofPlan(db, id),
    ]);
    return {
      id,
      code: plan.code,
      title: plan.title,
      year: plan.year,
      issueDate: plan.issueDate,
      requirements: plan.requirements,
      program: program,
      contentAreas,
      teams: await teamViews(db, repo, inspections, teams),
      warnings: await warningsOf(focus),
      version: plan.version,
      permissions: { canManage: !!actor && inspectionPlansPolicy.canWrite(actor) },
    };
  }

  async function exportInput(id: string): Promise<PlanExportInput> {
    const plan = await get(id);
    return {
      planCode: plan.code,
      planTitle: plan.title,
      year: plan.year,
      issueDate: plan.issueDate,
      programCode: plan.program.code,
      issuerLines: [plan.program.issuerName, plan.program.steeringCommitteeName].filter((l): l is string => !!l),
      contentAreas: plan.contentAreas,
      teams: plan.teams.map((t) => ({
        number: t.number,
        name: t.name,
        members: t.members.map((m) => ({
          fullName: m.fullName,
          positionTitle: m.positionTitle,
          role: m.role,
          representedOrgUnitName: m.representedOrgUnitName,
        })),
        targets: t.targets.map((g) => ({
          orgUnitName: g.targetName,
          windowStart: g.windowStart,
          windowEnd: g.windowEnd,
          status: g.status,
        })),
      })),
      warnings: plan.warnings.map((w) => ({ message: warningTextVi(w) })),
    };
  }

  return {
    /**
     * Plans, teams, members and content areas as subqueries (built, not run) for the inspections, follow-ups and
     * dashboard modules to join in their own statements; no permission check (the joining module checks).
     */
    views: {
      plans: () => repo.views.plans(db),
      teams: () => repo.views.teams(db),
      members: () => repo.views.members(db),
      contentAreas: () => repo.views.contentAreas(db),
      teamIdsOf: (personId: string | null) => repo.views.teamIdsOf(db, personId),
    },
    /** How the audit log names plans and their teams (a team is shown on its plan's page). */
    auditSubjects: {
      inspectionPlan: (async (tx, ids) =>
        subjectsOf(await repo.planSubjectRows(tx, ids), (r) => ({
          name: `${r.code} · ${r.title}`,
          path: recordPath.inspectionPlan(r.id),
        }))) satisfies DescribeSubjects,
      inspectionTeam: (async (tx, ids) =>
        subjectsOf(await repo.teamSubjectRows(tx, ids), (r) => ({
          name: `${r.name} · ${r.planCode}`,
          path: recordPath.inspectionPlan(r.planId),
        }))) satisfies DescribeSubjects,
    },
    async list(filter: PlanFilter) {
      const page = await repo.list(db, filter);
      return {
        total: page.total,
        items: page.items.map(({ inspectionsByStatus, ...p }) => {
          // the statuses in their catalogue order, as the response always listed them
          const byStatus = Object.fromEntries(
            inspectionStatuses.map((s) => [s, inspectionsByStatus[s] ?? 0]),
          ) as Record<(typeof inspectionStatuses)[number], number>;
          return {
            ...p,
            inspectionCount: Object.values(byStatus).reduce((a, b) => a + b, 0),
            inspectionsByStatus: byStatus,
          };
        }),
      };
    },
    get,

    /** Objectivity warnings that involve one inspection (for the inspection workspace). */
    async warningsForInspection(inspectionId: string) {
      return warningsOf(await objectivity.ofInspection(db, inspectionId));
    },

    /** `actor` null: the system itself (demo seed); routes always pass a user. */
    async create(actor: Actor, input: PlanInput) {
      inspectionPlansPolicy.assertCanWrite(actor);
      if (!(await programs.heading(input.programId)))
        throw invalid([{ field: 'body.programId', reason: 'NO_SUCH_PROGRAM' }]);
      if (await repo.getByCode(db, input.code)) throw conflict('CODE_TAKEN', { field: 'body.code' });
      const { contentAreas, ...fields } = input;
      const id = await db.transaction(async (tx) => {
        const plan = await repo.insertPlan(tx, fields);
        await repo.insertContentAreas(
          tx,
          plan.id,
          contentAreas.map((a, i) => ({ ...a, position: i + 1 })),
        );
        await audit.record(tx, actor, {
          action: 'create',
          entityType: 'inspectionPlan',
          entityId: plan.id,
          after: { plan, contentAreas },
        });
        return plan.id;
      });
      return get(id, actor);
    },

    /** `version`: the one the writer read; a plan changed since is refused (409 STALE_VERSION). */
    async update(actor: Actor, id: string, patch: PlanPatch, version: number) {
      inspectionPlansPolicy.assertCanWrite(actor);
      const current = await repo.getRow(db, id);
      if (!current) throw notFound('inspectionPlan', id);
      const { contentAreas: areas, ...fields } = patch;
      const existing = await repo.contentAreas(db, id);
      const removed = areas ? existing.filter((e) => !areas.some((a) => a.id === e.id)) : [];
      if (areas) {
        const strangers = areas.flatMap((a, i) =>
          a.id && !existing.some((e) => e.id === a.id)
            ? [{ field: `body.contentAreas.${i}.id`, reason: 'NOT_IN_PLAN' as const }]
            : [],
        );
        if (strangers.length) throw invalid(strangers);
        const removedIds = removed.map((r) => r.id);
        const inUse = new Set([
          ...(await inspections.contentAreasAssessed(db, removedIds)),
          ...(await files.contentAreasWithEvidence(db, removedIds)),
        ]);
        const blocked = removed.find((r) => inUse.has(r.id));
        if (blocked) {
          throw conflict('CONTENT_AREA_IN_USE', {
            params: { title: blocked.title },
            field: 'body.contentAreas',
            contentAreaId: blocked.id,
            title: blocked.title,
          });
        }
      }
      await db.transaction(async (tx) => {
        const before = { plan: current, contentAreas: existing };
        // first, so that a stale write changes nothing (the row lock it takes also orders concurrent area edits)
        if (!(await repo.updatePlan(tx, id, fields, current, version))) {
          const now = await repo.getRow(tx, id);
          if (!now) throw notFound('inspectionPlan', id);
          throw await audit.staleVersion(tx, 'inspectionPlan', id, now.version);
        }
        if (areas) {
          await repo.deleteContentAreas(
            tx,
            removed.map((r) => r.id),
          );
          const ordered = areas.map((a, i) => ({
            id: a.id,
            values: { position: i + 1, title: a.title, description: a.description ?? null },
          }));
          for (const a of ordered) if (a.id) await repo.updateContentArea(tx, a.id, a.values);
          await repo.insertContentAreas(
            tx,
            id,
            ordered.filter((a) => !a.id).map((a) => a.values),
          );
        }
        const after = { plan: await repo.getRow(tx, id), contentAreas: await repo.contentAreas(tx, id) };
        await audit.record(tx, actor, { action: 'update', entityType: 'inspectionPlan', entityId: id, before, after });
      });
      return get(id, actor);
    },

    exportDocx: async (id: string) => renderPlanDocx(await exportInput(id)),
    exportXlsx: async (id: string) => renderPlanXlsx(await exportInput(id)),
  };
}
export type InspectionPlansService = ReturnType<typeof createInspectionPlansService>;
