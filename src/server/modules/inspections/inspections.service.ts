import type {
  InspectionListQuery,
  AssessmentInput,
  ResponseInput,
  InspectionDetail,
} from '../../../shared/contracts/inspections.js';
import { findingShapeIssues, type FindingInput, type FindingPatch } from '../../../shared/contracts/findings.js';
import type { ObjectivityWarning } from '../../../shared/contracts/inspection-plans.js';
import { inspectionStatuses, type InspectionStatus } from '../../../shared/domain.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { conflict, immutable, invalid, notFound } from '../../http/errors.js';
import { listScope } from '../../http/authorize.js';
import { staleVersion } from '../../http/versioning.js';
import type { FilesService } from '../files/files.service.js';
import { createConclusions, type ConclusionsDeps } from './conclusions.js';
import type { InspectionsRepo } from './inspections.repo.js';
import { inspectionsPolicy as policy, type InspectionFacts } from './inspections.policy.js';
import { isConcluded, isEditable, nextStatuses } from './lifecycle.js';
import { subjectsOf, truncate, type DescribeSubjects } from '../audit/audit.service.js';
import { recordPath } from '../../../shared/record-paths.js';
import { conclusionRef } from '../../../shared/conclusion-number.js';

/** For files (evidence): may this actor see the inspection of that target unit? */
export const canViewInspection = (actor: Actor, facts: Pick<InspectionFacts, 'targetOrgUnitId'>) =>
  policy.canView(actor, facts);

/**
 * The inspections an inspection plan sets up: each target of a team is an `inspections` row, created `planned`. For
 * inspection-plans (wired in services.ts: inspections asks plans for objectivity warnings, so the services cannot
 * take each other). Writes take the caller's transaction.
 */
export function plannedInspections(repo: InspectionsRepo) {
  type R = InspectionsRepo;
  return {
    statusCountsByPlan: repo.statusCountsByPlan,
    contentAreasAssessed: (...a: Parameters<R['contentAreasAssessed']>) => repo.contentAreasAssessed(...a),
    targetsOfTeams: repo.targetsOfTeams,
    get: (...a: Parameters<R['getRow']>) => repo.getRow(...a),
    teamTarget: (...a: Parameters<R['teamTarget']>) => repo.teamTarget(...a),
    insertPlanned: (...a: Parameters<R['insertPlanned']>) => repo.insertPlanned(...a),
    updateWindow: (...a: Parameters<R['updateWindow']>) => repo.updateWindow(...a),
    deletePlanned: (...a: Parameters<R['deletePlanned']>) => repo.deletePlanned(...a),
    deleteOfTeam: (...a: Parameters<R['deleteOfTeam']>) => repo.deleteOfTeam(...a),
    lockOfTeam: repo.lockOfTeam,
  };
}
export type PlannedInspections = ReturnType<typeof plannedInspections>;

export interface PlansPort {
  warningsForInspection(inspectionId: string): Promise<ObjectivityWarning[]>;
}

export interface InspectionsDeps extends Omit<ConclusionsDeps, 'load'> {
  files: FilesService;
  plans: PlansPort;
}

/** Content can change only while the team works on it; after issue it is frozen (IMMUTABLE). */
function assertEditable(status: InspectionStatus) {
  if (isConcluded(status)) throw immutable('CONCLUSION_ISSUED', { status });
  if (!isEditable(status)) throw conflict('INSPECTION_NOT_IN_PROGRESS', { status });
}

export function createInspectionsService(deps: InspectionsDeps) {
  const { db, repo, audit, files, plans } = deps;

  /** The inspection's header and the facts the policies need about it and the actor. */
  async function load(db: DbOrTx, actor: Actor, id: string) {
    const header = await repo.getHeader(db, id);
    if (!header) throw notFound('inspection', id);
    const teamRoles = await repo.teamRolesOf(db, header.team.id, actor.personId);
    const facts: InspectionFacts = { targetOrgUnitId: header.target.id, status: header.inspection.status, teamRoles };
    return { header, facts };
  }

  async function loadForEdit(actor: Actor, id: string) {
    const loaded = await load(db, actor, id);
    policy.assertCanEdit(actor, loaded.facts);
    assertEditable(loaded.facts.status);
    return loaded;
  }

  /**
   * Inside a write's transaction: locks the inspection row and checks again that its content may change. The check
   * before the transaction only fails fast; this one holds until commit, so an issue cannot slip in between.
   */
  async function lockEditable(tx: DbOrTx, id: string) {
    const status = await repo.lockStatus(tx, id);
    if (!status) throw notFound('inspection', id);
    assertEditable(status);
  }

  const frozenFinding = (findingId: string) => immutable('FINDING_ISSUED', { findingId });

  async function checkContentArea(planId: string, contentAreaId: string, field: string) {
    const areas = await repo.contentAreas(db, planId);
    if (!areas.some((a) => a.id === contentAreaId)) throw invalid([{ field, reason: 'NOT_IN_PLAN' }]);
  }

  async function checkAddressee(orgUnitId: string | null | undefined, field: string) {
    if (orgUnitId && !(await repo.existingOrgUnitIds(db, [orgUnitId])).has(orgUnitId))
      throw invalid([{ field, reason: 'NO_SUCH_ORG_UNIT' }]);
  }

  /** A draft finding of an inspection this actor may edit now; frozen findings are IMMUTABLE. */
  async function loadFinding(actor: Actor, findingId: string) {
    const row = await repo.getFinding(db, findingId);
    if (!row) throw notFound('finding', findingId);
    const loaded = await load(db, actor, row.inspectionId);
    policy.assertCanEdit(actor, loaded.facts);
    if (row.conclusionId) throw immutable('FINDING_ISSUED', { conclusionId: row.conclusionId });
    assertEditable(loaded.facts.status);
    return { row, ...loaded };
  }

  const conclusions = createConclusions({ ...deps, load });

  return {
    /**
     * Inspections, findings and conclusions as subqueries (built, not run) for the plans' objectivity check, the
     * follow-ups, the dashboard and the unit overview to join in their own statements; no permission check (the
     * joining module checks).
     */
    views: {
      inspections: () => repo.views.inspections(db),
      findings: () => repo.views.findings(db),
      conclusions: () => repo.views.conclusions(db),
    },
    /** How the audit log names inspections and what they hold (each shown on its inspection's page). */
    auditSubjects: {
      inspection: (async (tx, ids) =>
        subjectsOf(await repo.inspectionSubjectRows(tx, ids), (r) => ({
          name: `${r.unit} · ${r.planCode}`,
          path: recordPath.inspection(r.id),
        }))) satisfies DescribeSubjects,
      finding: (async (tx, ids) =>
        subjectsOf(await repo.findingSubjectRows(tx, ids), (r) => ({
          name: truncate(r.text),
          path: recordPath.inspection(r.inspectionId),
        }))) satisfies DescribeSubjects,
      conclusion: (async (tx, ids) =>
        subjectsOf(await repo.conclusionSubjectRows(tx, ids), (r) => ({
          name: conclusionRef(r),
          path: recordPath.inspection(r.inspectionId),
        }))) satisfies DescribeSubjects,
      // an issued version's stored PDF: its id is the version's
      conclusionPdf: (async (tx, ids) =>
        subjectsOf(await repo.conclusionSubjectRows(tx, ids), (r) => ({
          name: `${conclusionRef(r)} (PDF)`,
          path: recordPath.inspection(r.inspectionId),
        }))) satisfies DescribeSubjects,
      assessment: (async (tx, ids) =>
        subjectsOf(await repo.assessmentSubjectRows(tx, ids), (r) => ({
          name: `${r.area} · ${r.unit}`,
          path: recordPath.inspection(r.inspectionId),
        }))) satisfies DescribeSubjects,
    },
    /** For files: what decides who may see this inspection's evidence, for this person. */
    async evidenceScope(tx: DbOrTx, id: string, personId: string | null) {
      const row = await repo.getRow(tx, id);
      if (!row) return undefined;
      return {
        targetOrgUnitId: row.targetOrgUnitId,
        inspectionStatus: row.status,
        teamRoles: await repo.teamRolesOf(tx, row.teamId, personId),
      };
    },

    async list(actor: Actor, f: InspectionListQuery) {
      // the list holds what the caller may read (inspection.read), whatever filter it sends
      const scope = listScope(actor, 'inspection.read');
      if ('orgUnitId' in scope) {
        if (f.targetOrgUnitId && f.targetOrgUnitId !== scope.orgUnitId) return { items: [], total: 0 };
        f = { ...f, targetOrgUnitId: scope.orgUnitId };
      }
      const today = deps.clock.today();
      const { rows, total } = await repo.list(
        db,
        'team' in scope ? { ...f, today, teamPersonId: actor.personId } : { ...f, today },
      );
      return {
        total,
        items: rows.map((r) => ({
          id: r.id,
          plan: { id: r.planId, code: r.planCode },
          team: { id: r.teamId, name: r.teamName },
          target: { id: r.targetId, name: r.targetName },
          windowStart: r.windowStart,
          windowEnd: r.windowEnd,
          status: r.status,
          findingsCount: r.findingsCount,
          conclusionNumber: r.conclusionNumber,
          conclusionYear: r.conclusionYear,
        })),
      };
    },

    async get(actor: Actor, id: string): Promise<InspectionDetail> {
      // the workspace is one statement; evidence and objectivity warnings belong to other modules and run beside it
      // (what a refused reader would not see is dropped below, never sent)
      const [detail, attachments, warnings] = await Promise.all([
        repo.detail(db, id, actor.personId),
        files.listForInspection(id),
        plans.warningsForInspection(id),
      ]);
      if (!detail) throw notFound('inspection', id);
      const { inspection, plan, programCode, team, target, members, areas, assessments, responses } = detail;
      const facts: InspectionFacts = {
        targetOrgUnitId: target.id,
        status: inspection.status,
        teamRoles: detail.teamRoles,
      };
      policy.assertCanView(actor, facts);
      const versions = detail.conclusions;
      const readsWork = policy.canReadWork(actor, facts);
      const findings = readsWork ? detail.findings : [];
      const byNumber = new Map(versions.map((v) => [v.id, v.number]));
      return {
        id,
        status: inspection.status,
        version: inspection.version,
        windowStart: inspection.windowStart,
        windowEnd: inspection.windowEnd,
        draftSharedAt: inspection.draftSharedAt,
        startedOn: inspection.startedOn,
        startReason: inspection.startReason,
        plan: { id: plan.id, code: plan.code, title: plan.title, year: plan.year, programCode },
        team: { ...team, members },
        target,
        allowedTransitions: nextStatuses(facts.status).filter((to) => policy.canTransition(actor, facts, to)),
        permissions: {
          canEdit: policy.canEdit(actor, facts) && isEditable(facts.status),
          canRespond: policy.canRespond(actor, facts),
          canIssue: policy.canIssue(actor, facts) && facts.status === 'drafting',
          canCorrect: policy.canCorrect(actor, facts) && (facts.status === 'issued' || facts.status === 'follow_up'),
          canReadWork: readsWork,
          canLink: policy.canLink(actor, facts),
        },
        pdf: conclusions.pdfSupport(),
        contentAreas: areas.map((a) => {
          const assessment = readsWork ? assessments.find((s) => s.contentAreaId === a.id) : undefined;
          return {
            ...a,
            assessment: assessment
              ? {
                  rating: assessment.rating,
                  notes: assessment.notes,
                  updatedAt: assessment.updatedAt,
                  version: assessment.version,
                }
              : null,
            attachments: readsWork ? attachments.filter((x) => x.contentAreaId === a.id && !x.followUpId) : [],
          };
        }),
        findings,
        responses,
        conclusions: versions.map((v, i) => ({
          id: v.id,
          number: v.number,
          year: v.year,
          version: v.version,
          issuedDate: v.issuedDate,
          signerName: v.signerName,
          signerTitle: v.signerTitle,
          summary: v.summary,
          recipients: v.recipients,
          contentSha256: v.contentSha256,
          correctionReason: v.correctionReason,
          scheduleReason: v.scheduleReason,
          supersedesNumber: v.supersedesId ? (byNumber.get(v.supersedesId) ?? null) : null,
          superseded: i > 0,
          issuedAt: v.issuedAt,
          verificationCode: v.verificationCode,
        })),
        warnings,
      };
    },

    /**
     * `version`: the one the writer read, 0 for an area never assessed; an assessment changed since is refused (409
     * STALE_VERSION). The inspection row stays share-locked from the freeze check to commit, so an issue cannot
     * slip in between.
     */
    async saveAssessment(actor: Actor, id: string, contentAreaId: string, input: AssessmentInput, version: number) {
      const { header } = await loadForEdit(actor, id);
      await checkContentArea(header.plan.id, contentAreaId, 'params.contentAreaId');
      return db.transaction(async (tx) => {
        await lockEditable(tx, id);
        const before = (await repo.assessment(tx, id, contentAreaId)) ?? null;
        const values = { inspectionId: id, contentAreaId, rating: input.rating, notes: input.notes };
        const row = await repo.saveAssessment(tx, values, version);
        if (!row) {
          const now = await repo.assessment(tx, id, contentAreaId);
          throw now
            ? await audit.staleVersion(tx, 'assessment', now.id, now.version)
            : staleVersion({ currentVersion: 0, updatedBy: null, updatedAt: null });
        }
        await audit.record(tx, actor, {
          action: before ? 'update' : 'create',
          entityType: 'assessment',
          entityId: row.id,
          before,
          after: row,
        });
        return { rating: row.rating, notes: row.notes, updatedAt: row.updatedAt, version: row.version };
      });
    },

    async addEvidence(
      actor: Actor,
      id: string,
      contentAreaId: string,
      upload: { bytes: Uint8Array; fileName: string },
    ) {
      const { header } = await loadForEdit(actor, id);
      await checkContentArea(header.plan.id, contentAreaId, 'params.contentAreaId');
      const row = await db.transaction(async (tx) => {
        await lockEditable(tx, id);
        const blob = await files.store(tx, upload);
        return files.attach(tx, actor, { inspectionId: id, contentAreaId, fileName: upload.fileName, ...blob });
      });
      return { ...row, uploadedBy: actor.displayName };
    },

    async deleteAttachment(actor: Actor, attachmentId: string) {
      const row = await files.getAttachment(attachmentId);
      if (!row) throw notFound('attachment', attachmentId);
      const { facts } = await load(db, actor, row.inspectionId);
      policy.assertCanEdit(actor, facts);
      if (row.followUpId) throw immutable('FOLLOW_UP_EVIDENCE', { followUpId: row.followUpId });
      assertEditable(facts.status);
      await db.transaction(async (tx) => {
        await lockEditable(tx, row.inspectionId);
        await files.deleteAttachment(tx, actor, attachmentId);
      });
    },

    async createFinding(actor: Actor, id: string, input: FindingInput) {
      const { header } = await loadForEdit(actor, id);
      await checkContentArea(header.plan.id, input.contentAreaId, 'body.contentAreaId');
      await checkAddressee(input.addresseeOrgUnitId, 'body.addresseeOrgUnitId');
      const findingId = await db.transaction(async (tx) => {
        await lockEditable(tx, id);
        const row = await repo.insertFinding(tx, {
          inspectionId: id,
          contentAreaId: input.contentAreaId,
          kind: input.kind,
          text: input.text,
          causeType: input.causeType ?? null,
          addresseeOrgUnitId: input.addresseeOrgUnitId ?? null,
          dueDate: input.dueDate ?? null,
          position: await repo.nextFindingPosition(tx, id),
        });
        await audit.record(tx, actor, { action: 'create', entityType: 'finding', entityId: row.id, after: row });
        return row.id;
      });
      return repo.findingView(db, findingId);
    },

    /** `version`: the one the writer read; a finding changed since is refused (409 STALE_VERSION). */
    async updateFinding(actor: Actor, findingId: string, patch: FindingPatch, version: number) {
      const { row, header } = await loadFinding(actor, findingId);
      const next = { ...row, ...patch };
      const issues = findingShapeIssues(next);
      if (issues.length) throw invalid(issues.map((i) => ({ field: `body.${i.field}`, reason: i.reason })));
      if (patch.contentAreaId) await checkContentArea(header.plan.id, patch.contentAreaId, 'body.contentAreaId');
      await checkAddressee(patch.addresseeOrgUnitId, 'body.addresseeOrgUnitId');
      await db.transaction(async (tx) => {
        await lockEditable(tx, row.inspectionId);
        const after = await repo.updateFinding(tx, findingId, patch, version);
        if (!after) {
          const now = await repo.getFinding(tx, findingId);
          if (!now) throw notFound('finding', findingId);
          if (now.conclusionId) throw frozenFinding(findingId);
          throw await audit.staleVersion(tx, 'finding', findingId, now.version);
        }
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'finding',
          entityId: findingId,
          before: row,
          after,
        });
      });
      return repo.findingView(db, findingId);
    },

    async deleteFinding(actor: Actor, findingId: string) {
      const { row } = await loadFinding(actor, findingId);
      await db.transaction(async (tx) => {
        await lockEditable(tx, row.inspectionId);
        if (!(await repo.deleteFinding(tx, findingId))) throw frozenFinding(findingId);
        await audit.record(tx, actor, { action: 'delete', entityType: 'finding', entityId: findingId, before: row });
      });
    },

    async respond(actor: Actor, id: string, input: ResponseInput) {
      const { facts } = await load(db, actor, id);
      policy.assertCanRespond(actor, facts);
      if (facts.status !== 'drafting') throw conflict('RESPONSE_WHILE_SHARED', { status: facts.status });
      return db.transaction(async (tx) => {
        const status = await repo.lockStatus(tx, id);
        if (status !== 'drafting') throw conflict('RESPONSE_WHILE_SHARED', { status });
        const row = await repo.insertResponse(tx, { inspectionId: id, text: input.text, respondedBy: actor.id });
        await audit.record(tx, actor, { action: 'respond', entityType: 'inspection', entityId: id, after: row });
        return { id: row.id, text: row.text, respondedAt: row.respondedAt, respondedBy: actor.displayName };
      });
    },

    ...conclusions,
  };
}
export type InspectionsService = ReturnType<typeof createInspectionsService>;

/** The lifecycle's forward move from a status (the step that moves the inspection on), or null once closed. */
export function forwardStatus(from: InspectionStatus): InspectionStatus | null {
  const order = inspectionStatuses.indexOf(from);
  return nextStatuses(from).find((s) => inspectionStatuses.indexOf(s) > order) ?? null;
}
