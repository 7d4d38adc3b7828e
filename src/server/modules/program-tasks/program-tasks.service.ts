import type {
  Task,
  TaskDetail,
  TaskInput,
  TaskListQuery,
  TaskPatch,
  TaskProgressInput,
} from '../../../shared/contracts/program-tasks.js';
import { taskStatuses, type TaskStatus } from '../../../shared/monitoring-domain.js';
import type { ReasonIssue } from '../../http/errors.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FilesService } from '../files/files.service.js';
import type { IndicatorsService } from '../indicators/indicators.service.js';
import { taskDaysOverdue } from './overdue.js';
import { programTasksPolicy } from './program-tasks.policy.js';
import type { ProgramTasksRepo, TaskFilter, TaskRow } from './program-tasks.repo.js';
import { subjectsOf, type DescribeSubjects } from '../audit/audit.service.js';
import { recordPath } from '../../../shared/record-paths.js';

type Hit = NonNullable<Awaited<ReturnType<ProgramTasksRepo['get']>>>;
const isUniqueViolation = (err: unknown) =>
  (err as { code?: string }).code === '23505' || (err as { cause?: { code?: string } }).cause?.code === '23505';

export function createProgramTasksService({
  db,
  repo,
  audit,
  clock,
  files,
  indicators,
}: {
  db: Db;
  repo: ProgramTasksRepo;
  audit: AuditService;
  clock: Clock;
  files: FilesService;
  indicators: IndicatorsService;
}) {
  async function toDtos(hits: Hit[], tx: DbOrTx = db): Promise<Task[]> {
    const coords = await repo.coordinators(
      tx,
      hits.map((h) => h.row.id),
    );
    const today = clock.today();
    return hits.map(({ row, leadName, delegatedName, planCode }) => {
      const days = taskDaysOverdue(row, today);
      return {
        id: row.id,
        programId: row.programId,
        plan: row.planId && planCode ? { id: row.planId, code: planCode } : null,
        code: row.code,
        title: row.title,
        legalBasis: row.legalBasis,
        leadUnit: { id: row.leadOrgUnitId, name: leadName },
        delegatedUnit:
          row.delegatedOrgUnitId && delegatedName ? { id: row.delegatedOrgUnitId, name: delegatedName } : null,
        coordinatingUnits: coords.filter((c) => c.taskId === row.id).map((c) => ({ id: c.id, name: c.name })),
        deliverable: row.deliverable,
        deadline: row.deadline,
        budgetAllocatedVnd: row.budgetAllocatedVnd,
        budgetSpentVnd: row.budgetSpentVnd,
        status: row.status,
        progressPercent: row.progressPercent,
        completedDate: row.completedDate,
        overdue: days > 0,
        daysOverdue: days,
        isDemo: row.isDemo,
        version: row.version,
      };
    });
  }
  const parties = (t: Task) => ({
    leadOrgUnitId: t.leadUnit.id,
    delegatedOrgUnitId: t.delegatedUnit?.id ?? null,
    coordinatingOrgUnitIds: t.coordinatingUnits.map((c) => c.id),
  });

  async function load(id: string, tx: DbOrTx = db) {
    const hit = await repo.get(tx, id);
    if (!hit) throw notFound('programTask', id);
    return (await toDtos([hit], tx))[0];
  }

  async function get(actor: Actor, id: string): Promise<TaskDetail> {
    const t = await load(id);
    programTasksPolicy.assertCanRead(actor, parties(t));
    const [history, evidence] = await Promise.all([repo.history(db, id), files.taskEvidence(id)]);
    return {
      ...t,
      history,
      evidence,
      canReport: programTasksPolicy.canReport(actor, parties(t)),
      canEdit: programTasksPolicy.canWrite(actor),
    };
  }

  /** The delegate must be a child unit of the lead: the Department hands a task to its own Center. */
  async function check(next: Partial<TaskInput>, current?: TaskRow) {
    const issues: ReasonIssue[] = [];
    const leadId = next.leadOrgUnitId ?? current?.leadOrgUnitId;
    const delegatedId = next.delegatedOrgUnitId !== undefined ? next.delegatedOrgUnitId : current?.delegatedOrgUnitId;
    const ids = [leadId, delegatedId, ...(next.coordinatingOrgUnitIds ?? [])].filter((x): x is string => !!x);
    const units = new Map((await repo.orgUnits(db, ids)).map((u) => [u.id, u]));
    if (next.leadOrgUnitId && !units.has(next.leadOrgUnitId))
      issues.push({ field: 'body.leadOrgUnitId', reason: 'NO_SUCH_ORG_UNIT' });
    if (delegatedId) {
      const d = units.get(delegatedId);
      if (!d) issues.push({ field: 'body.delegatedOrgUnitId', reason: 'NO_SUCH_ORG_UNIT' });
      else if (d.parentId !== leadId) issues.push({ field: 'body.delegatedOrgUnitId', reason: 'SUB_UNIT_OF_LEAD' });
    }
    (next.coordinatingOrgUnitIds ?? []).forEach((u, i) => {
      if (!units.has(u)) issues.push({ field: `body.coordinatingOrgUnitIds.${i}`, reason: 'NO_SUCH_ORG_UNIT' });
    });
    const programId = next.programId ?? current?.programId;
    if (next.planId && programId) {
      const plan = (await indicators.plans(programId)).find((p) => p.id === next.planId);
      if (!plan) issues.push({ field: 'body.planId', reason: 'NO_SUCH_PLAN' });
    }
    if (issues.length) throw invalid(issues);
  }

  /** 409 naming the task's current version and who changed it last. */
  async function stale(tx: DbOrTx, id: string) {
    const now = await repo.getRow(tx, id);
    if (!now) return notFound('programTask', id);
    return audit.staleVersion(tx, 'programTask', id, now.version);
  }

  const completedDate = (status: TaskStatus | undefined, current: TaskRow | undefined) =>
    status === 'completed'
      ? (current?.completedDate ?? clock.today())
      : status
        ? null
        : (current?.completedDate ?? null);

  return {
    /** How the audit log names program tasks. */
    auditSubjects: {
      programTask: (async (tx, ids) =>
        subjectsOf(await repo.subjectRows(tx, ids), (r) => ({
          name: `${r.code} · ${r.title}`,
          path: recordPath.programTask(r.id),
        }))) satisfies DescribeSubjects,
    },
    get,
    async list(actor: Actor, q: TaskListQuery) {
      const { rows, total } = await repo.list(
        db,
        { ...q, scopeOrgUnitId: programTasksPolicy.scopeOrgUnitId(actor) },
        clock.today(),
      );
      return { items: await toDtos(rows), total };
    },
    /** Every task matching a filter, for dashboards and the unit page (no paging). */
    async all(filter: Omit<TaskFilter, 'limit' | 'offset'>) {
      return toDtos(await repo.all(db, filter, clock.today()));
    },

    async create(actor: Actor, input: TaskInput, opts: { isDemo?: boolean } = {}) {
      programTasksPolicy.assertCanWrite(actor);
      if (!(await indicators.program(input.programId).catch(() => null)))
        throw invalid([{ field: 'body.programId', reason: 'NO_SUCH_PROGRAM' }]);
      await check(input);
      const { coordinatingOrgUnitIds, ...fields } = input;
      try {
        const id = await db.transaction(async (tx) => {
          const row = await repo.insert(tx, {
            ...fields,
            completedDate: completedDate(fields.status, undefined),
            isDemo: opts.isDemo ?? false,
          });
          await repo.setCoordinators(tx, row.id, coordinatingOrgUnitIds ?? []);
          await audit.record(tx, actor, {
            action: 'create',
            entityType: 'programTask',
            entityId: row.id,
            after: { ...row, coordinatingOrgUnitIds },
          });
          return row.id;
        });
        return load(id);
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('CODE_TAKEN', { field: 'body.code' });
        throw err;
      }
    },

    /** `version`: the one the writer read; a task changed since (a progress note too) is refused (409). */
    async update(actor: Actor, id: string, patch: TaskPatch, version: number) {
      programTasksPolicy.assertCanWrite(actor);
      const current = await repo.getRow(db, id);
      if (!current) throw notFound('programTask', id);
      if (current.version !== version) throw await stale(db, id);
      await check(patch, current);
      const { coordinatingOrgUnitIds, ...fields } = patch;
      try {
        await db.transaction(async (tx) => {
          const before = await load(id, tx);
          // matches on the version in the same statement: of two writers from one version, the second changes nothing
          const row = await repo.update(
            tx,
            id,
            { ...fields, completedDate: completedDate(fields.status, current) },
            current,
            version,
          );
          if (!row) throw await stale(tx, id);
          if (coordinatingOrgUnitIds) await repo.setCoordinators(tx, id, coordinatingOrgUnitIds);
          await audit.record(tx, actor, {
            action: 'update',
            entityType: 'programTask',
            entityId: id,
            before,
            after: await load(id, tx),
          });
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('CODE_TAKEN', { field: 'body.code' });
        throw err;
      }
      return get(actor, id);
    },

    /** A progress note from the unit carrying the task out: moves status, percent and spending, keeps history. */
    async reportProgress(actor: Actor, id: string, input: TaskProgressInput, version: number) {
      const t = await load(id);
      programTasksPolicy.assertCanReport(actor, parties(t));
      if (t.version !== version) throw await stale(db, id);
      await db.transaction(async (tx) => this.applyProgress(tx, actor, id, { ...input, reportId: null, version }));
      return get(actor, id);
    },

    /**
     * Called inside a report's approval transaction too: the approved progress becomes the task's. `version`: the one
     * the reporter read (a progress note from the task page); the approval names none (the report is its own record).
     */
    async applyProgress(
      tx: DbOrTx,
      actor: Actor,
      id: string,
      p: {
        status: TaskStatus;
        progressPercent: number;
        spentVnd: number;
        note: string | null;
        reportId: string | null;
        version?: number;
      },
    ) {
      const current = await repo.lock(tx, id);
      if (!current) throw notFound('programTask', id);
      const row = await repo.update(
        tx,
        id,
        {
          status: p.status,
          progressPercent: p.progressPercent,
          budgetSpentVnd: p.spentVnd,
          completedDate: completedDate(p.status, current),
        },
        current,
        p.version ?? current.version,
      );
      if (!row) throw await stale(tx, id);
      const entry = await repo.addUpdate(tx, {
        taskId: id,
        status: p.status,
        progressPercent: p.progressPercent,
        spentVnd: p.spentVnd,
        note: p.note,
        reportId: p.reportId,
        authorId: actor.id,
      });
      await audit.record(tx, actor, {
        action: 'update',
        entityType: 'programTask',
        entityId: id,
        before: current,
        after: { ...row, update: entry },
      });
    },

    async assertCanAddEvidence(actor: Actor, id: string) {
      programTasksPolicy.assertCanReport(actor, parties(await load(id)));
    },
    async addEvidence(actor: Actor, id: string, upload: { bytes: Uint8Array; fileName: string }) {
      programTasksPolicy.assertCanReport(actor, parties(await load(id)));
      await db.transaction(async (tx) => {
        const blob = await files.store(tx, upload);
        const row = await files.addMonitoringAttachment(tx, {
          taskId: id,
          fileName: upload.fileName,
          ...blob,
          uploadedBy: actor.id,
        });
        await audit.record(tx, actor, {
          action: 'upload',
          entityType: 'monitoringAttachment',
          entityId: row.id,
          after: row,
        });
      });
      return get(actor, id);
    },

    reportedBy: (tx: DbOrTx, programId: string, planId: string | null, orgUnitId: string) =>
      repo.reportedBy(tx, programId, planId, orgUnitId),
    reporterUnitIds: (tx: DbOrTx, programId: string, planId: string | null) =>
      repo.reporterUnitIds(tx, programId, planId),
    /** The tasks' codes and titles (`id`, `code`, `title`) as a subquery to join; no permission check. */
    titles: () => repo.titles(db),
    canRead: (actor: Actor, t: Task) => programTasksPolicy.canRead(actor, parties(t)),
    statuses: taskStatuses,
  };
}
export type ProgramTasksService = ReturnType<typeof createProgramTasksService>;
