import type { NotifyPort } from '../../../shared/notifications.js';
import type {
  ReportDetail,
  ReportReviewInput,
  ReportSubmitInput,
  ReportRevisionInput,
  ReportSaveInput,
  Round,
  RoundDetail,
  RoundInput,
  RoundListQuery,
  ReportListItem,
  ReportListQuery,
} from '../../../shared/contracts/reporting-rounds.js';
import type { ReasonIssue } from '../../http/errors.js';
import type { PeriodType, ReportAction, ReportStatus, Timeliness } from '../../../shared/monitoring-domain.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../http/context.js';
import { immutable, invalid, invalidTransition, notFound, toFieldIssue } from '../../http/errors.js';
import type { Clock } from '../../lib/clock.js';
import type { AuditService } from '../audit/audit.service.js';
import type { FilesService } from '../files/files.service.js';
import type { IndicatorsService } from '../indicators/indicators.service.js';
import type { ProgramTasksService } from '../program-tasks/program-tasks.service.js';
import { reportingPolicy } from './reporting.policy.js';
import type { ReportingRoundsRepo, ReportRow, RoundRow } from './reporting-rounds.repo.js';
import { completeness, daysBetween, needsReminder, timeliness } from './timeliness.js';
import { createValueEvidence, toFile } from './value-evidence.js';
import { parseReportWorkbook, renderReportTemplate } from './report-xlsx.js';
import { sniffFileType, unsupportedFileType } from '../files/files.service.js';
import { DomainError } from '../../http/errors.js';
import { ErrorCode } from '../../../shared/errors.js';
import { subjectsOf, type DescribeSubjects } from '../audit/audit.service.js';
import { recordPath } from '../../../shared/record-paths.js';

export const roundPeriod = (r: { year: number; quarter: number | null }) =>
  r.quarter ? `Q${r.quarter}/${r.year}` : String(r.year);
/** Quarterly indicators belong to quarterly rounds; yearly ones to yearly rounds and to the fourth quarter's. */
const indicatorInRound = (periodType: 'year' | 'quarter', r: RoundRow) =>
  periodType === 'quarter' ? r.periodType === 'quarter' : r.periodType === 'year' || r.quarter === 4;
const indicatorPeriod = (periodType: 'year' | 'quarter', r: RoundRow) =>
  periodType === 'quarter' && r.quarter ? `Q${r.quarter}/${r.year}` : String(r.year);

/**
 * Approved values of indicators for some years, one row per indicator, unit and period (the year, or the quarter for a
 * quarterly indicator); when a unit reported the same period in two rounds, the later approval wins. For indicators
 * (wired in services.ts: this module asks indicators what a unit reports, so it cannot be their dependency).
 */
export function approvedValues(repo: ReportingRoundsRepo) {
  return async (tx: DbOrTx, of: { id: string; periodType: PeriodType }[], years: number[], orgUnitId?: string) => {
    const periodType = new Map(of.map((i) => [i.id, i.periodType]));
    const latestFirst = await repo.approvedValues(tx, [...periodType.keys()], years, orgUnitId);
    const quarterOf = (v: { indicatorId: string; quarter: number | null }) =>
      periodType.get(v.indicatorId) === 'quarter' ? v.quarter : null;
    const seen = new Map<string, (typeof latestFirst)[number]>();
    for (const v of latestFirst) {
      const key = `${v.indicatorId}|${v.orgUnitId}|${v.year}|${quarterOf(v)}`;
      if (!seen.has(key)) seen.set(key, v);
    }
    // indicator, unit, year, period: the order the values are rolled up in (sums of floats depend on it)
    const cmp = (a: string | number | null, b: string | number | null) =>
      a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;
    return [...seen.values()]
      .sort(
        (a, b) =>
          cmp(a.indicatorId, b.indicatorId) ||
          cmp(a.orgUnitId, b.orgUnitId) ||
          cmp(a.year, b.year) ||
          cmp(quarterOf(a), quarterOf(b)),
      )
      .map((v) => ({ ...v, periodType: periodType.get(v.indicatorId)! }));
  };
}

type ReportHit = { report: ReportRow; unitName: string; round: RoundRow };

function timelinessRow({ report, unitName, round }: ReportHit, today: string) {
  return {
    orgUnit: { id: report.orgUnitId, name: unitName },
    roundId: round.id,
    roundTitle: round.title,
    dueDate: round.dueDate,
    planId: round.planId,
    status: report.status,
    revision: report.revision,
    reportId: report.id,
    timeliness: timeliness(round.dueDate, report.firstSubmittedAt, today),
  };
}

/** The reports a reminder is due for, as the reminder list shows them. */
function reminderRows(rows: ReportHit[], today: string) {
  return rows
    .map(({ report, unitName, round }) => ({
      report,
      unitName,
      round,
      r: needsReminder(round.dueDate, report.firstSubmittedAt, today),
    }))
    .filter((x) => x.r.due)
    .map((x) => ({
      roundId: x.round.id,
      planId: x.round.planId,
      roundTitle: x.round.title,
      orgUnit: { id: x.report.orgUnitId, name: x.unitName },
      dueDate: x.round.dueDate,
      daysLeft: x.r.daysLeft,
      status: x.report.status,
    }));
}

export function createReportingRoundsService({
  db,
  repo,
  audit,
  clock,
  files,
  indicators,
  tasks,
  notify,
  roundClosed,
}: {
  db: Db;
  repo: ReportingRoundsRepo;
  audit: AuditService;
  clock: Clock;
  files: FilesService;
  indicators: IndicatorsService;
  tasks: ProgramTasksService;
  /** tells the unit its report was approved or returned, in the review's transaction (the notifications' port) */
  notify?: Pick<NotifyPort<DbOrTx>, 'reportReviewed' | 'reportRevised'>;
  /** a round just closed (open → closed): its summary is issued (monitoring-dashboard's port), after the commit */
  roundClosed?: (actor: Actor, id: string) => Promise<unknown>;
}) {
  function summarize(row: RoundRow, planCode: string | null, reports: { report: ReportRow }[]): Round {
    const today = clock.today();
    const states = reports.map((r) => timeliness(row.dueDate, r.report.firstSubmittedAt, today));
    const n = (s: Timeliness) => states.filter((x) => x === s).length;
    return {
      id: row.id,
      programId: row.programId,
      plan: row.planId && planCode ? { id: row.planId, code: planCode } : null,
      title: row.title,
      periodType: row.periodType,
      year: row.year,
      quarter: row.quarter,
      period: roundPeriod(row),
      dueDate: row.dueDate,
      status: row.status,
      isDemo: row.isDemo,
      counts: {
        expected: reports.length,
        submitted: reports.filter((r) => r.report.firstSubmittedAt).length,
        approved: reports.filter((r) => r.report.status === 'approved').length,
        onTime: n('on_time'),
        late: n('late'),
        missing: n('missing'),
      },
      completenessPct: completeness(states),
    };
  }

  async function getRound(actor: Actor, id: string): Promise<RoundDetail> {
    const hit = await repo.getRound(db, id);
    if (!hit) throw notFound('reportingRound', id);
    const scope = reportingPolicy.scopeOrgUnitId(actor);
    const all = await repo.reports(db, { roundIds: [id] });
    const mine = scope ? all.filter((r) => r.report.orgUnitId === scope) : all;
    if (scope && !mine.length) reportingPolicy.assertCanRead(actor, all[0]?.report.orgUnitId ?? '');
    return {
      // a unit's counts are of its own report only: round-wide figures are the committee's (round.summary)
      ...summarize(hit.row, hit.planCode, mine),
      units: mine.map(({ report, unitName }) => ({
        orgUnit: { id: report.orgUnitId, name: unitName },
        reportId: report.id,
        status: report.status,
        timeliness: timeliness(hit.row.dueDate, report.firstSubmittedAt, clock.today()),
        firstSubmittedAt: report.firstSubmittedAt,
        approvedAt: report.approvedAt,
        revision: report.revision,
      })),
    };
  }

  /** What a unit's report asks for: its indicators for the round's period and the tasks it carries out. */
  async function contents(tx: DbOrTx, round: RoundRow, orgUnitId: string) {
    // one after the other: `tx` may be a transaction, whose one connection runs one query at a time
    const inds = await indicators.forUnit(tx, round.programId, round.planId, orgUnitId);
    const tks = await tasks.reportedBy(tx, round.programId, round.planId, orgUnitId);
    return { indicators: inds.filter((i) => indicatorInRound(i.periodType, round)), tasks: tks };
  }

  async function loadReport(tx: DbOrTx, roundId: string, orgUnitId: string, lock = false) {
    const hit = await repo.getRound(tx, roundId);
    if (!hit) throw notFound('reportingRound', roundId);
    const report = await repo.report(tx, roundId, orgUnitId, lock);
    if (!report) throw notFound('report', `${roundId}/${orgUnitId}`);
    return { round: hit.row, report };
  }

  async function detail(actor: Actor, roundId: string, orgUnitId: string): Promise<ReportDetail> {
    reportingPolicy.assertCanRead(actor, orgUnitId);
    // the report's own rows in one statement; what other modules keep (indicators, tasks, evidence) beside each other
    const hit = await repo.reportDetail(db, roundId, orgUnitId);
    if (!hit) throw notFound('reportingRound', roundId);
    const { round, report, values, taskRows, events } = hit;
    if (!report) throw notFound('report', `${roundId}/${orgUnitId}`);
    const [inds, tks, evidence] = await Promise.all([
      indicators.forUnit(db, round.programId, round.planId, orgUnitId),
      tasks.reportedBy(db, round.programId, round.planId, orgUnitId),
      files.reportEvidence(report.id),
    ]);
    const c = { indicators: inds.filter((i) => indicatorInRound(i.periodType, round)), tasks: tks };
    const targets = await indicators.targetsOf(
      db,
      c.indicators.map((i) => i.id),
    );
    const canEdit = reportingPolicy.canEdit(actor, orgUnitId);
    const open = report.status === 'draft' || report.status === 'returned';
    const rowIds = new Set(c.indicators.map((i) => i.id));
    return {
      id: report.id,
      round: {
        id: round.id,
        title: round.title,
        period: roundPeriod(round),
        dueDate: round.dueDate,
        year: round.year,
        quarter: round.quarter,
      },
      orgUnit: { id: orgUnitId, name: hit.unitName ?? '' },
      status: report.status,
      narrative: report.narrative,
      revision: report.revision,
      version: report.version,
      reviewComment: report.reviewComment,
      firstSubmittedAt: report.firstSubmittedAt,
      submittedAt: report.submittedAt,
      approvedAt: report.approvedAt,
      timeliness: timeliness(round.dueDate, report.firstSubmittedAt, clock.today()),
      indicators: c.indicators.map((i) => {
        const v = values.find((x) => x.indicatorId === i.id);
        const t = targets.filter((x) => x.indicatorId === i.id && x.year === round.year);
        return {
          indicatorId: i.id,
          code: i.code,
          nameVi: i.nameVi,
          nameEn: i.nameEn,
          measureUnit: i.measureUnit,
          period: indicatorPeriod(i.periodType, round),
          value: v?.value ?? null,
          comment: v?.comment ?? null,
          target: (t.find((x) => x.orgUnitId === orgUnitId) ?? t.find((x) => x.orgUnitId === null))?.value ?? null,
          evidence: evidence.filter((e) => e.indicatorId === i.id).map(toFile),
        };
      }),
      tasks: c.tasks.map((t) => {
        const p = taskRows.find((x) => x.taskId === t.id);
        return {
          taskId: t.id,
          code: t.code,
          title: t.title,
          deadline: t.deadline,
          budgetAllocatedVnd: t.budgetAllocatedVnd,
          status: p?.status ?? t.status,
          progressPercent: p?.progressPercent ?? t.progressPercent,
          spentVnd: p?.spentVnd ?? t.budgetSpentVnd,
          note: p?.note ?? null,
          delegated: t.delegatedOrgUnitId === orgUnitId,
        };
      }),
      events: events.map((e) => ({ ...e, snapshot: e.snapshot ?? null })),
      // evidence of a value the report no longer asks for stays visible with the report's own
      evidence: evidence.filter((e) => !e.indicatorId || !rowIds.has(e.indicatorId)).map(toFile),
      permissions: {
        canEdit: canEdit && open,
        canSubmit: canEdit && open,
        canReview: reportingPolicy.canReview(actor) && report.status === 'submitted',
        canRevise: canEdit && report.status === 'approved',
        canAttachValueEvidence: reportingPolicy.canAttachValueEvidence(actor, orgUnitId) && open,
      },
    };
  }

  /** Checks every row names an indicator or task of this report; returns issues named by field. */
  function checkRows(input: ReportSaveInput, c: Awaited<ReturnType<typeof contents>>, prefix = 'body'): ReasonIssue[] {
    const issues: ReasonIssue[] = [];
    const indIds = new Set(c.indicators.map((i) => i.id));
    const taskIds = new Set(c.tasks.map((t) => t.id));
    (input.values ?? []).forEach((v, i) => {
      if (!indIds.has(v.indicatorId))
        issues.push({ field: `${prefix}.values.${i}.indicatorId`, reason: 'NOT_REPORT_INDICATOR' });
    });
    (input.tasks ?? []).forEach((t, i) => {
      if (!taskIds.has(t.taskId)) issues.push({ field: `${prefix}.tasks.${i}.taskId`, reason: 'NOT_REPORT_TASK' });
    });
    return issues;
  }

  async function writeContent(tx: DbOrTx, report: ReportRow, input: ReportSaveInput) {
    for (const v of input.values ?? [])
      await repo.upsertValue(tx, {
        reportId: report.id,
        indicatorId: v.indicatorId,
        value: v.value,
        comment: v.comment ?? null,
      });
    for (const t of input.tasks ?? []) {
      await repo.upsertTask(tx, {
        reportId: report.id,
        taskId: t.taskId,
        status: t.status,
        progressPercent: t.progressPercent,
        spentVnd: t.spentVnd,
        note: t.note ?? null,
      });
    }
    // always: the report's version moves with any of its values, tasks or narrative
    await repo.updateReport(tx, report.id, input.narrative !== undefined ? { narrative: input.narrative } : {});
  }

  /** Under the report's row lock: a write based on an older version than the stored one is refused. */
  async function checkVersion(tx: DbOrTx, report: ReportRow, version: number | null) {
    if (version !== null && report.version !== version)
      throw await audit.staleVersion(tx, 'unitReport', report.id, report.version);
  }

  async function snapshot(tx: DbOrTx, reportId: string) {
    const report = await repo.reportById(tx, reportId);
    const values = await repo.values(tx, reportId);
    const taskRows = await repo.taskRows(tx, reportId);
    return { narrative: report?.narrative ?? '', values, tasks: taskRows };
  }

  async function event(
    tx: DbOrTx,
    actor: Actor,
    report: ReportRow,
    action: ReportAction,
    to: ReportStatus,
    extra: { comment?: string | null; snapshot?: unknown; revision?: number } = {},
  ) {
    return repo.addEvent(tx, {
      reportId: report.id,
      action,
      fromStatus: report.status,
      toStatus: to,
      revision: extra.revision ?? report.revision,
      comment: extra.comment ?? null,
      snapshot: extra.snapshot ?? null,
      actorId: actor.id,
    });
  }

  /** Approved task progress becomes the tasks' own, with the report named in their history. */
  async function applyTasks(tx: DbOrTx, actor: Actor, reportId: string) {
    for (const t of await repo.taskRows(tx, reportId)) {
      await tasks.applyProgress(tx, actor, t.taskId, {
        status: t.status,
        progressPercent: t.progressPercent,
        spentVnd: t.spentVnd,
        note: t.note,
        reportId,
      });
    }
  }

  async function save(
    actor: Actor,
    roundId: string,
    orgUnitId: string,
    input: ReportSaveInput,
    action: 'save' | 'import' = 'save',
    // the version the writer read; null only for a whole-workbook import and the demo seed
    version: number | null = null,
  ) {
    reportingPolicy.assertCanEdit(actor, orgUnitId);
    await db.transaction(async (tx) => {
      const { round, report } = await loadReport(tx, roundId, orgUnitId, true);
      await checkVersion(tx, report, version);
      if (report.status === 'approved') throw immutable('REPORT_APPROVED', { reportId: report.id });
      if (report.status === 'submitted') throw immutable('REPORT_UNDER_REVIEW', { reportId: report.id });
      const issues = checkRows(input, await contents(tx, round, orgUnitId));
      if (issues.length) throw invalid(issues);
      const before = await snapshot(tx, report.id);
      await writeContent(tx, report, input);
      await event(tx, actor, report, action, report.status);
      await audit.record(tx, actor, {
        action: 'update',
        entityType: 'unitReport',
        entityId: report.id,
        before,
        after: await snapshot(tx, report.id),
      });
    });
    return detail(actor, roundId, orgUnitId);
  }

  return {
    /** How the audit log names rounds and unit reports. */
    auditSubjects: {
      reportingRound: (async (tx, ids) =>
        subjectsOf(await repo.roundSubjectRows(tx, ids), (r) => ({
          name: r.title,
          path: recordPath.reportingRound(r.id),
        }))) satisfies DescribeSubjects,
      unitReport: (async (tx, ids) =>
        subjectsOf(await repo.reportSubjectRows(tx, ids), (r) => ({
          name: `${r.unit} · ${r.round}`,
          path: recordPath.unitReport(r.roundId, r.orgUnitId),
        }))) satisfies DescribeSubjects,
    },
    getRound,
    detail,
    save,
    contents,
    ...createValueEvidence({
      db,
      repo,
      audit,
      files,
      indicatorIdsOf: async (tx, round, orgUnitId) =>
        (await contents(tx, round, orgUnitId)).indicators.map((i) => i.id),
    }),
    /** The service's calendar day, so the demo dates its open round from the same clock. */
    today: () => clock.today(),

    async listRounds(actor: Actor, q: RoundListQuery) {
      const scope = reportingPolicy.scopeOrgUnitId(actor);
      const { rows, total } = await repo.listRounds(db, { ...q, scopeOrgUnitId: scope });
      const reports = await repo.reports(db, { roundIds: rows.map((r) => r.row.id) });
      return {
        total,
        items: rows.map((r) =>
          summarize(
            r.row,
            r.planCode,
            reports.filter((x) => x.report.roundId === r.row.id && (!scope || x.report.orgUnitId === scope)),
          ),
        ),
      };
    },

    async createRound(actor: Actor, input: RoundInput, opts: { isDemo?: boolean } = {}) {
      reportingPolicy.assertCanOpenRounds(actor);
      const issues: ReasonIssue[] = [];
      const program = await indicators.program(input.programId).catch(() => null);
      if (!program) issues.push({ field: 'body.programId', reason: 'NO_SUCH_PROGRAM' });
      if (input.planId && !(await indicators.plans(input.programId)).some((p) => p.id === input.planId))
        issues.push({ field: 'body.planId', reason: 'NO_SUCH_PLAN' });
      const given = input.orgUnitIds ? [...new Set(input.orgUnitIds)] : null;
      if (given) {
        const found = await repo.orgUnitIdsExist(db, given);
        input.orgUnitIds!.forEach((u, i) => {
          if (!found.has(u)) issues.push({ field: `body.orgUnitIds.${i}`, reason: 'NO_SUCH_ORG_UNIT' });
        });
      }
      if (issues.length) throw invalid(issues);
      const planId = input.planId ?? null;
      const units = given ?? [
        ...new Set([
          ...(await indicators.responsibleUnitIds(db, input.programId, planId)),
          ...(await tasks.reporterUnitIds(db, input.programId, planId)),
        ]),
      ];
      if (!units.length)
        throw invalid([
          {
            field: 'body.orgUnitIds',
            reason: 'NO_UNIT_TO_ASK',
          },
        ]);
      const id = await db.transaction(async (tx) => {
        const row = await repo.insertRound(tx, {
          programId: input.programId,
          planId,
          title: input.title,
          periodType: input.periodType,
          year: input.year,
          quarter: input.quarter ?? null,
          dueDate: input.dueDate,
          isDemo: opts.isDemo ?? false,
        });
        await repo.insertReports(tx, row.id, units);
        await audit.record(tx, actor, {
          action: 'create',
          entityType: 'reportingRound',
          entityId: row.id,
          after: { ...row, orgUnitIds: units },
        });
        return row.id;
      });
      return id;
    },

    /** Closing a round stops its reminders; reports can still be reviewed and revised. Reopening is allowed. */
    async setRoundStatus(actor: Actor, id: string, status: 'open' | 'closed') {
      reportingPolicy.assertCanOpenRounds(actor);
      const closes = await db.transaction(async (tx) => {
        const hit = await repo.getRound(tx, id);
        if (!hit) throw notFound('reportingRound', id);
        const row = await repo.setRoundStatus(tx, id, status);
        await audit.record(tx, actor, {
          action: 'transition',
          entityType: 'reportingRound',
          entityId: id,
          before: hit.row,
          after: row,
        });
        return status === 'closed' && hit.row.status !== 'closed';
      });
      // rendered from the committed data, outside the transaction (on PGlite a read through db inside one waits)
      if (closes) await roundClosed?.(actor, id);
      return getRound(actor, id);
    },

    /**
     * Submits for approval. The secretariat entering a report that arrived on paper gives the day it was
     * received (`receivedOn`), so timeliness is judged on that day rather than on the day of typing.
     */
    async submit(actor: Actor, roundId: string, orgUnitId: string, input: ReportSubmitInput = {}) {
      reportingPolicy.assertCanEdit(actor, orgUnitId);
      if (input.receivedOn && !reportingPolicy.canReview(actor))
        throw invalid([{ field: 'body.receivedOn', reason: 'RECEIVED_ON_SECRETARIAT_ONLY' }]);
      if (input.receivedOn && input.receivedOn > clock.today())
        throw invalid([{ field: 'body.receivedOn', reason: 'DATE_IN_FUTURE' }]);
      await db.transaction(async (tx) => {
        const { report } = await loadReport(tx, roundId, orgUnitId, true);
        if (report.status !== 'draft' && report.status !== 'returned')
          throw invalidTransition(report.status, 'submitted');
        // 09:00 in Hanoi on the day received
        const now = input.receivedOn ? new Date(`${input.receivedOn}T02:00:00Z`) : clock.now();
        const row = await repo.updateReport(tx, report.id, {
          status: 'submitted',
          submittedAt: now,
          firstSubmittedAt: report.firstSubmittedAt ?? now,
        });
        await event(tx, actor, report, 'submit', 'submitted', { snapshot: await snapshot(tx, report.id) });
        await audit.record(tx, actor, {
          action: 'transition',
          entityType: 'unitReport',
          entityId: report.id,
          before: report,
          after: row,
        });
      });
      return detail(actor, roundId, orgUnitId);
    },

    async review(actor: Actor, roundId: string, orgUnitId: string, input: ReportReviewInput) {
      reportingPolicy.assertCanReview(actor);
      await db.transaction(async (tx) => {
        const { report, round } = await loadReport(tx, roundId, orgUnitId, true);
        const to = input.decision === 'approve' ? 'approved' : 'returned';
        if (report.status !== 'submitted') throw invalidTransition(report.status, to);
        const row =
          input.decision === 'approve'
            ? await repo.updateReport(tx, report.id, {
                status: 'approved',
                approvedAt: clock.now(),
                approvedBy: actor.id,
                revision: report.revision + 1,
                reviewComment: input.comment ?? null,
              })
            : await repo.updateReport(tx, report.id, { status: 'returned', reviewComment: input.comment ?? null });
        await event(tx, actor, report, input.decision, to, {
          comment: input.comment,
          snapshot: input.decision === 'approve' ? await snapshot(tx, report.id) : null,
          revision: row.revision,
        });
        if (input.decision === 'approve') await applyTasks(tx, actor, report.id);
        await notify?.reportReviewed(tx, {
          reportId: report.id,
          version: row.version,
          roundId,
          roundTitle: round.title,
          orgUnitId,
          decision: input.decision,
          comment: input.comment ?? null,
        });
        await audit.record(tx, actor, {
          action: input.decision === 'approve' ? 'accept' : 'transition',
          entityType: 'unitReport',
          entityId: report.id,
          before: report,
          after: row,
        });
      });
      return detail(actor, roundId, orgUnitId);
    },

    /**
     * A change to an approved report: recorded as a new revision with its reason and the before/after snapshots.
     * Made by the secretariat it stays approved; made by the unit it goes back for approval.
     */
    async revise(
      actor: Actor,
      roundId: string,
      orgUnitId: string,
      input: ReportRevisionInput,
      version: number | null = null,
    ) {
      reportingPolicy.assertCanEdit(actor, orgUnitId);
      await db.transaction(async (tx) => {
        const { round, report } = await loadReport(tx, roundId, orgUnitId, true);
        await checkVersion(tx, report, version);
        if (report.status !== 'approved') throw invalidTransition(report.status, 'revised');
        const { reason, version: _v, ...content } = input;
        const issues = checkRows(content, await contents(tx, round, orgUnitId));
        if (issues.length) throw invalid(issues);
        const before = await snapshot(tx, report.id);
        await writeContent(tx, report, content);
        const staff = reportingPolicy.canReview(actor);
        const row = await repo.updateReport(
          tx,
          report.id,
          staff
            ? { revision: report.revision + 1, approvedAt: clock.now(), approvedBy: actor.id }
            : { revision: report.revision + 1, status: 'submitted', submittedAt: clock.now() },
        );
        const after = await snapshot(tx, report.id);
        await event(tx, actor, report, 'revise', row.status, {
          comment: reason,
          snapshot: { before, after },
          revision: row.revision,
        });
        if (staff) await applyTasks(tx, actor, report.id);
        else
          await notify?.reportRevised(tx, {
            reportId: report.id,
            revision: row.revision,
            roundId,
            roundTitle: round.title,
            orgUnitId,
            reason,
          });
        await audit.record(tx, actor, {
          action: 'update',
          entityType: 'unitReport',
          entityId: report.id,
          before: { ...report, ...before },
          after: { ...row, ...after, reason },
        });
      });
      return detail(actor, roundId, orgUnitId);
    },

    async addEvidence(
      actor: Actor,
      roundId: string,
      orgUnitId: string,
      upload: { bytes: Uint8Array; fileName: string },
    ) {
      reportingPolicy.assertCanEdit(actor, orgUnitId);
      await db.transaction(async (tx) => {
        const { report } = await loadReport(tx, roundId, orgUnitId, true);
        if (report.status === 'approved' || report.status === 'submitted')
          throw immutable('EVIDENCE_WHILE_DRAFT', { reportId: report.id });
        const blob = await files.store(tx, upload);
        const row = await files.addMonitoringAttachment(tx, {
          reportId: report.id,
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
      return detail(actor, roundId, orgUnitId);
    },
    assertCanEdit: (actor: Actor, orgUnitId: string) => reportingPolicy.assertCanEdit(actor, orgUnitId),

    async template(actor: Actor, roundId: string, orgUnitId: string) {
      const d = await detail(actor, roundId, orgUnitId);
      return { detail: d, body: await renderReportTemplate(d) };
    },

    /**
     * A filled template uploaded back: the same type check as evidence files, then every cell checked;
     * one bad cell and nothing is written (400 listing each cell), else it is saved like the form.
     */
    async importXlsx(
      actor: Actor,
      roundId: string,
      orgUnitId: string,
      upload: { bytes: Uint8Array; fileName: string },
      version: number | null = null,
    ) {
      reportingPolicy.assertCanEdit(actor, orgUnitId);
      const type = sniffFileType(upload.bytes, upload.fileName);
      if (!type || type.ext !== 'xlsx') throw unsupportedFileType();
      const d = await detail(actor, roundId, orgUnitId);
      if (!d.permissions.canEdit)
        throw immutable(d.status === 'approved' ? 'REPORT_APPROVED' : 'REPORT_UNDER_REVIEW', { reportId: d.id });
      const { input, issues } = await parseReportWorkbook(upload.bytes, d);
      if (issues.length) {
        throw new DomainError(
          ErrorCode.VALIDATION_FAILED,
          400,
          `Invalid cells: ${issues.map((i) => `${i.sheet}!${i.cell}`).join(', ')}`,
          {
            issues: issues.map((i) => toFieldIssue({ ...i, field: `file.${i.sheet}!${i.cell}.${i.field}` })),
            cells: issues.map((i) => ({ sheet: i.sheet, cell: i.cell, ...toFieldIssue(i) })),
          },
        );
      }
      return save(actor, roundId, orgUnitId, input, 'import', version);
    },

    /** Evidence download: whoever may read the report, or for task evidence whoever may read the task. */
    async download(actor: Actor, id: string) {
      const a = await files.getMonitoringAttachment(id);
      if (!a) throw notFound('monitoringAttachment', id);
      const reportUnitId = a.reportId ? (await repo.reportById(db, a.reportId))?.orgUnitId : undefined;
      if (reportUnitId) reportingPolicy.assertCanRead(actor, reportUnitId);
      else if (a.taskId) await tasks.get(actor, a.taskId);
      const blob = await files.readBlob(a.sha256);
      if (!blob) throw notFound('file', a.sha256);
      return { attachment: a, data: Buffer.from(blob.data) };
    },

    /** Timeliness of every report of a program's rounds in a year (optionally one unit). */
    async timelinessRows(programId: string | undefined, year: number | undefined, orgUnitId?: string) {
      const today = clock.today();
      return (await repo.reports(db, { programId, year, orgUnitId })).map((r) => timelinessRow(r, today));
    },

    /**
     * `timelinessRows` and `reminders` of one program from one query (the monitoring dashboard shows both): the
     * same rows, in the same order, as the two calls.
     */
    async timelinessAndReminders(actor: Actor, programId: string, year: number, orgUnitId?: string) {
      const today = clock.today();
      const rows = await repo.reportsOfEither(
        db,
        { programId, year, orgUnitId },
        { programId, openOnly: true, orgUnitId: reportingPolicy.scopeOrgUnitId(actor) },
      );
      return {
        timeliness: rows.filter((r) => r.inA).map((r) => timelinessRow(r, today)),
        reminders: reminderRows(
          rows.filter((r) => r.inB),
          today,
        ),
      };
    },

    /**
     * Unit reports across rounds (a unit: its own only), oldest due date first: the work queues of the home page
     * (waiting for approval, revisions waiting, returned to the unit).
     */
    async listReports(actor: Actor, q: ReportListQuery): Promise<{ items: ReportListItem[]; total: number }> {
      const scope = reportingPolicy.scopeOrgUnitId(actor);
      if (scope && q.orgUnitId && q.orgUnitId !== scope) return { items: [], total: 0 };
      const today = clock.today();
      const { rows, total } = await repo.listReports(db, { ...q, orgUnitId: scope ?? q.orgUnitId });
      return {
        total,
        items: rows.map(({ report, unitName, round }) => ({
          reportId: report.id,
          round: { id: round.id, title: round.title, period: roundPeriod(round), status: round.status },
          orgUnit: { id: report.orgUnitId, name: unitName },
          dueDate: round.dueDate,
          daysLeft: daysBetween(today, round.dueDate),
          status: report.status,
          revision: report.revision,
          reviewComment: report.reviewComment,
          timeliness: timeliness(round.dueDate, report.firstSubmittedAt, today),
          submittedAt: report.submittedAt,
        })),
      };
    },

    /** Reports of open rounds not yet submitted and due within 7 days or overdue: who to chase. */
    async reminders(actor: Actor, programId?: string) {
      const rows = await repo.reports(db, {
        programId,
        openOnly: true,
        orgUnitId: reportingPolicy.scopeOrgUnitId(actor),
      });
      return reminderRows(rows, clock.today());
    },
  };
}
export type ReportingRoundsService = ReturnType<typeof createReportingRoundsService>;

/** For monitoring-dashboard and program-tasks: the calendar rules of reporting. */
export { completeness, daysBetween } from './timeliness.js';
