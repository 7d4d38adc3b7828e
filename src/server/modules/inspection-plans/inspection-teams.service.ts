import type {
  TargetInput,
  TargetPatch,
  TeamInput,
  TeamMembersInput,
  TeamPatch,
} from '../../../shared/contracts/inspection-plans.js';
import type { InspectionStatus } from '../../../shared/domain.js';
import type { ReasonIssue } from '../../http/errors.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FilesService } from '../files/files.service.js';
import type { PlannedInspections } from '../inspections/inspections.service.js';
import { inspectionPlansPolicy } from './inspection-plans.policy.js';
import type { InspectionPlansRepo } from './inspection-plans.repo.js';
import { teamViews } from './inspection-plans.service.js';

// a target's window may move until the inspection starts; it may be dropped only before the unit is notified
const movable: InspectionStatus[] = ['planned', 'notified'];
const movableStatuses = new Set<string>(movable);

/** Teams of a plan and their targets (each target is an `inspections` row, created `planned`). */
export function createInspectionTeamsService({
  db,
  repo,
  audit,
  inspections,
  files,
}: {
  db: Db;
  repo: InspectionPlansRepo;
  audit: AuditService;
  /** the targets themselves (inspections module) */
  inspections: PlannedInspections;
  files: Pick<FilesService, 'hasEvidence'>;
}) {
  const write = (actor: Actor) => {
    inspectionPlansPolicy.assertCanWrite(actor);
  };

  async function getTeamRow(id: string) {
    const team = await repo.getTeam(db, id);
    if (!team) throw notFound('inspectionTeam', id);
    return team;
  }
  const getTeam = async (id: string) => (await teamViews(db, repo, inspections, [await getTeamRow(id)]))[0];

  async function checkMembers(members: TeamMembersInput) {
    const [persons, units] = await Promise.all([
      repo.existingPeople(
        db,
        members.map((m) => m.personId),
      ),
      repo.existingOrgUnits(
        db,
        members.flatMap((m) => (m.representedOrgUnitId ? [m.representedOrgUnitId] : [])),
      ),
    ]);
    const issues: ReasonIssue[] = members.flatMap((m, i) => [
      ...(persons.has(m.personId) ? [] : [{ field: `body.members.${i}.personId`, reason: 'NO_SUCH_PERSON' as const }]),
      ...(!m.representedOrgUnitId || units.has(m.representedOrgUnitId)
        ? []
        : [{ field: `body.members.${i}.representedOrgUnitId`, reason: 'NO_SUCH_ORG_UNIT' as const }]),
    ]);
    if (issues.length) throw invalid(issues);
  }

  async function getTarget(teamId: string, inspectionId: string) {
    const inspection = await inspections.get(db, inspectionId);
    if (!inspection || inspection.teamId !== teamId) throw notFound('target', inspectionId);
    return inspection;
  }
  const targetView = async (teamId: string, inspectionId: string) =>
    (await inspections.targetsOfTeams(db, [teamId])).find((t) => t.inspectionId === inspectionId)!;

  return {
    getTeam,

    /** `actor` null: the system itself (demo seed); routes always pass a user. */
    async createTeam(actor: Actor, planId: string, input: TeamInput) {
      write(actor);
      if (!(await repo.getRow(db, planId))) throw notFound('inspectionPlan', planId);
      await checkMembers(input.members);
      if (await repo.teamByNumber(db, planId, input.number))
        throw conflict('TEAM_NUMBER_TAKEN', { field: 'body.number', params: { number: input.number } });
      const id = await db.transaction(async (tx) => {
        const team = await repo.insertTeam(tx, { planId, number: input.number, name: input.name });
        await repo.replaceMembers(tx, team.id, input.members);
        await audit.record(tx, actor, {
          action: 'create',
          entityType: 'inspectionTeam',
          entityId: team.id,
          after: { team, members: input.members },
        });
        return team.id;
      });
      return getTeam(id);
    },

    /** `version`: the one the writer read; a team renamed or re-staffed since is refused (409 STALE_VERSION). */
    async updateTeam(actor: Actor, id: string, patch: TeamPatch, version: number) {
      write(actor);
      const before = await getTeam(id);
      if (patch.members) await checkMembers(patch.members);
      await db.transaction(async (tx) => {
        // first, and whatever the patch holds: a stale write changes nothing, and the row lock orders member edits
        if (!(await repo.updateTeam(tx, id, patch.name, version))) {
          const now = await repo.getTeam(tx, id);
          if (!now) throw notFound('inspectionTeam', id);
          throw await audit.staleVersion(tx, 'inspectionTeam', id, now.version);
        }
        if (patch.members) await repo.replaceMembers(tx, id, patch.members);
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'inspectionTeam',
          entityId: id,
          before,
          after: patch,
        });
      });
      return getTeam(id);
    },

    /** Only while every inspection of the team is still `planned`: they go with it. */
    async deleteTeam(actor: Actor, id: string) {
      write(actor);
      const before = await getTeam(id);
      const started = before.targets.filter((t) => t.status !== 'planned');
      if (started.length) {
        throw conflict('INSPECTIONS_STARTED', { inspectionIds: started.map((t) => t.inspectionId) });
      }
      if (
        await files.hasEvidence(
          db,
          before.targets.map((t) => t.inspectionId),
        )
      )
        throw conflict('HOLDS_EVIDENCE');
      await db.transaction(async (tx) => {
        // again under lock: an inspection may have started since the check above
        const moved = (await inspections.lockOfTeam(tx, id)).filter((t) => t.status !== 'planned');
        if (moved.length) throw conflict('INSPECTIONS_STARTED', { inspectionIds: moved.map((t) => t.id) });
        await inspections.deleteOfTeam(tx, id);
        await repo.deleteTeam(tx, id);
        await audit.record(tx, actor, { action: 'delete', entityType: 'inspectionTeam', entityId: id, before });
      });
    },

    async addTarget(actor: Actor, teamId: string, input: TargetInput) {
      write(actor);
      const team = await getTeamRow(teamId);
      if (!(await repo.orgUnitName(db, input.targetOrgUnitId)))
        throw invalid([{ field: 'body.targetOrgUnitId', reason: 'NO_SUCH_ORG_UNIT' }]);
      if (await inspections.teamTarget(db, teamId, input.targetOrgUnitId)) {
        throw conflict('TARGET_TAKEN', { field: 'body.targetOrgUnitId' });
      }
      const id = await db.transaction(async (tx) => {
        const row = await inspections.insertPlanned(tx, { planId: team.planId, teamId, ...input });
        await audit.record(tx, actor, { action: 'create', entityType: 'inspection', entityId: row.id, after: row });
        return row.id;
      });
      return targetView(teamId, id);
    },

    /** `version`: the inspection's, as read; any change of it since (a status move too) is refused (409). */
    async updateTarget(actor: Actor, teamId: string, inspectionId: string, patch: TargetPatch, version: number) {
      write(actor);
      const current = await getTarget(teamId, inspectionId);
      if (!movableStatuses.has(current.status)) throw conflict('WINDOW_FIXED', { status: current.status });
      const next = {
        windowStart: patch.windowStart ?? current.windowStart,
        windowEnd: patch.windowEnd ?? current.windowEnd,
      };
      if (next.windowEnd < next.windowStart)
        throw invalid([
          {
            field: patch.windowEnd ? 'body.windowEnd' : 'body.windowStart',
            reason: 'DATE_BEFORE_START',
          },
        ]);
      await db.transaction(async (tx) => {
        // the status and the version are checked again in the UPDATE itself: the inspection may have started since
        const row = await inspections.updateWindow(tx, inspectionId, next, movable, version);
        if (!row) {
          const now = await inspections.get(tx, inspectionId);
          if (!now) throw notFound('target', inspectionId);
          // a window that can no longer move says so, rather than "reload and edit again"
          if (!movableStatuses.has(now.status)) throw conflict('WINDOW_FIXED', { inspectionId });
          throw await audit.staleVersion(tx, 'inspection', inspectionId, now.version);
        }
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'inspection',
          entityId: inspectionId,
          before: current,
          after: row,
        });
      });
      return targetView(teamId, inspectionId);
    },

    async deleteTarget(actor: Actor, teamId: string, inspectionId: string) {
      write(actor);
      const current = await getTarget(teamId, inspectionId);
      if (current.status !== 'planned') throw conflict('INSPECTION_NOT_REMOVABLE', { status: current.status });
      if (await files.hasEvidence(db, [inspectionId])) throw conflict('HOLDS_EVIDENCE');
      await db.transaction(async (tx) => {
        if (!(await inspections.deletePlanned(tx, inspectionId)))
          throw conflict('INSPECTION_NO_LONGER_PLANNED', { inspectionId });
        await audit.record(tx, actor, {
          action: 'delete',
          entityType: 'inspection',
          entityId: inspectionId,
          before: current,
        });
      });
    },
  };
}
export type InspectionTeamsService = ReturnType<typeof createInspectionTeamsService>;
