import type { FindingLink, FindingLinkInput, UnitOverview } from '../../../shared/contracts/monitoring.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FollowUpsService } from '../follow-ups/follow-ups.service.js';
import type { IndicatorsService } from '../indicators/indicators.service.js';
import type { InspectionsService } from '../inspections/inspections.service.js';
import type { OrgUnitsService } from '../org-units/org-units.service.js';
import type { ProgramTasksService } from '../program-tasks/program-tasks.service.js';
import type { ReportingRoundsService } from '../reporting-rounds/reporting-rounds.service.js';
import type { FindingLinksRepo } from './finding-links.repo.js';
import { unitOverviewPolicy } from './unit-overview.policy.js';

type LinkRow = NonNullable<Awaited<ReturnType<FindingLinksRepo['get']>>>;
const toLink = (r: LinkRow): FindingLink => ({
  id: r.id,
  findingId: r.findingId,
  findingKind: r.findingKind,
  findingText: r.findingText,
  inspectionId: r.inspectionId,
  indicator: r.indicatorId ? { id: r.indicatorId, code: r.indicatorCode!, name: r.indicatorName! } : null,
  task: r.taskId ? { id: r.taskId, code: r.taskCode!, title: r.taskTitle! } : null,
});

/** One page per unit for preparing or following an inspection: its indicators, tasks, reports, inspections and follow-ups. */
export function createUnitOverviewService({
  db,
  links,
  audit,
  orgUnits,
  indicators,
  tasks,
  reporting,
  inspections,
  followUps,
}: {
  db: Db;
  links: FindingLinksRepo;
  audit: AuditService;
  orgUnits: OrgUnitsService;
  indicators: IndicatorsService;
  tasks: ProgramTasksService;
  reporting: ReportingRoundsService;
  inspections: InspectionsService;
  followUps: FollowUpsService;
}) {
  return {
    async overview(actor: Actor, orgUnitId: string): Promise<UnitOverview> {
      unitOverviewPolicy.assertCanView(actor, orgUnitId);
      const unit = await orgUnits.get(orgUnitId);
      const [inds, taskList, reports, insp, fus, linkRows] = await Promise.all([
        indicators.list({ orgUnitId, limit: 500, offset: 0 }),
        tasks.all({ orgUnitId }),
        reporting.timelinessRows(undefined, undefined, orgUnitId),
        inspections.list(actor, { targetOrgUnitId: orgUnitId, limit: 200, offset: 0 }),
        followUps.list(actor, { addresseeOrgUnitId: orgUnitId, limit: 200, offset: 0 }),
        links.list(db, { targetOrgUnitId: orgUnitId }),
      ]);
      // each program over its own period
      const evaluated = [];
      for (const programId of new Set(inds.items.map((i) => i.programId))) {
        const program = await indicators.program(programId);
        const years = Array.from(
          { length: program.periodEnd - program.periodStart + 1 },
          (_, i) => program.periodStart + i,
        );
        evaluated.push(
          ...(await indicators.evaluate({ programId, years, orgUnitId, indicatorIds: inds.items.map((i) => i.id) })),
        );
      }
      return {
        orgUnit: {
          id: unit.id,
          code: unit.code,
          name: unit.name,
          parent: unit.parentId && unit.parentName ? { id: unit.parentId, name: unit.parentName } : null,
        },
        indicators: evaluated.map((e) => ({
          id: e.row.id,
          code: e.row.code,
          nameVi: e.row.nameVi,
          measureUnit: e.row.measureUnit,
          years: e.years,
        })),
        tasks: taskList.map((t) => ({
          ...t,
          role:
            t.delegatedUnit?.id === orgUnitId
              ? ('delegated' as const)
              : t.leadUnit.id === orgUnitId
                ? ('lead' as const)
                : ('coordinating' as const),
        })),
        reports: reports.map((r) => ({
          id: r.reportId,
          roundId: r.roundId,
          roundTitle: r.roundTitle,
          dueDate: r.dueDate,
          status: r.status,
          timeliness: r.timeliness,
          revision: r.revision,
        })),
        inspections: insp.items.map((i) => ({
          id: i.id,
          planCode: i.plan.code,
          status: i.status,
          windowStart: i.windowStart,
          windowEnd: i.windowEnd,
          conclusionNumber: i.conclusionNumber,
          conclusionYear: i.conclusionYear,
        })),
        followUps: fus.items.map((f) => ({
          id: f.id,
          kind: f.kind,
          text: f.text,
          dueDate: f.dueDate,
          status: f.status,
          overdue: f.overdue,
        })),
        findingLinks: linkRows.map(toLink),
      };
    },

    async listLinks(
      actor: Actor,
      f: { inspectionId?: string; findingId?: string; indicatorId?: string; taskId?: string },
    ) {
      if (f.inspectionId) await inspections.get(actor, f.inspectionId);
      else if (!unitOverviewPolicy.readsAllLinks(actor)) return [];
      return (await links.list(db, f)).map(toLink);
    },

    async link(actor: Actor, input: FindingLinkInput) {
      const finding = await links.finding(db, input.findingId);
      if (!finding) throw invalid([{ field: 'body.findingId', reason: 'NO_SUCH_FINDING' }]);
      const inspection = await inspections.get(actor, finding.inspectionId);
      unitOverviewPolicy.assertCanLink(actor, inspection);
      if (input.indicatorId)
        await indicators.get(input.indicatorId).catch(() => {
          throw invalid([{ field: 'body.indicatorId', reason: 'NO_SUCH_INDICATOR' }]);
        });
      if (input.taskId)
        await tasks.get(actor, input.taskId).catch(() => {
          throw invalid([{ field: 'body.taskId', reason: 'NO_SUCH_TASK' }]);
        });
      const id = await db.transaction(async (tx) => {
        const row = await links.insert(tx, {
          findingId: input.findingId,
          indicatorId: input.indicatorId ?? null,
          taskId: input.taskId ?? null,
          createdBy: actor.id,
        });
        if (!row) throw conflict('FINDING_ALREADY_LINKED', { field: 'body.findingId' });
        await audit.record(tx, actor, { action: 'create', entityType: 'findingLink', entityId: row.id, after: row });
        return row.id;
      });
      return toLink(await links.get(db, id));
    },

    async unlink(actor: Actor, id: string) {
      const row = await links.get(db, id);
      if (!row) throw notFound('findingLink', id);
      unitOverviewPolicy.assertCanLink(actor, await inspections.get(actor, row.inspectionId));
      await db.transaction(async (tx) => {
        await links.remove(tx, id);
        await audit.record(tx, actor, { action: 'delete', entityType: 'findingLink', entityId: id, before: row });
      });
    },
  };
}
export type UnitOverviewService = ReturnType<typeof createUnitOverviewService>;
