import type {
  MyWork,
  MyWorkItem,
  MyWorkReason,
  MyWorkSection,
  MyWorkSectionData,
} from '../../../shared/contracts/my-work.js';
import type { AssessmentItem } from '../../../shared/contracts/dx-assessments.js';
import type { FollowUpItem } from '../../../shared/contracts/follow-ups.js';
import type { InspectionListItem } from '../../../shared/contracts/inspections.js';
import type { Reminder } from '../../../shared/contracts/monitoring.js';
import type { Task } from '../../../shared/contracts/program-tasks.js';
import type { ReportListItem } from '../../../shared/contracts/reporting-rounds.js';
import type { Actor } from '../../http/context.js';
import { MY_WORK_DATES_AHEAD_DAYS } from '../../../shared/contracts/my-work.js';
import { conclusionRef } from '../../../shared/conclusion-number.js';
import { isReadyToClose } from '../../../shared/monitoring-domain.js';
import { authorize } from '../../http/authorize.js';
import type { Clock } from '../../lib/clock.js';
import type { DxAssessmentsService } from '../dx-assessments/dx-assessments.service.js';
import type { FollowUpsService } from '../follow-ups/follow-ups.service.js';
import { forwardStatus, type InspectionsService } from '../inspections/inspections.service.js';
import type { ProgramTasksService } from '../program-tasks/program-tasks.service.js';
import { daysBetween, type ReportingRoundsService } from '../reporting-rounds/reporting-rounds.service.js';

/** Lines shown per section; `count` is always the module's full count. */
export const MY_WORK_LINES = 20;
/** How far ahead a team member is told of an inspection window opening or closing (the page says it too). */
export const DATES_AHEAD_DAYS = MY_WORK_DATES_AHEAD_DAYS;
/** The overdue lists grouped by unit read this many rows each (the counts stay exact beyond it). */
const GROUP_LIMIT = 500;

const page = { limit: MY_WORK_LINES, offset: 0 };

function line(p: Partial<MyWorkItem> & Pick<MyWorkItem, 'kind' | 'id' | 'title' | 'reason' | 'link'>): MyWorkItem {
  return { context: null, days: null, dueDate: null, comment: null, nextStatus: null, breakdown: null, ...p };
}

/** Earliest deadline first (the most overdue on top); lines without a date last. */
const byDeadline = (a: MyWorkItem, b: MyWorkItem) =>
  (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31');

const section = (key: MyWorkSection, count: number, items: MyWorkItem[], more: string | null): MyWorkSectionData => ({
  key,
  count,
  items: [...items].sort(byDeadline).slice(0, MY_WORK_LINES),
  more,
});

const reportLink = (roundId: string, orgUnitId: string) => `/reporting-rounds/${roundId}/reports/${orgUnitId}`;
const inspectionContext = (i: InspectionListItem) => `${i.plan.code} · ${i.team.name}`;

/**
 * The home page of each person: composes the other modules' services (their list queries, never their tables), so
 * every count here is the count the module's own list answers for the same person.
 */
export function createMyWorkService({
  clock,
  followUps,
  programTasks,
  reportingRounds,
  inspections,
  dxAssessments,
}: {
  clock: Clock;
  followUps: FollowUpsService;
  programTasks: ProgramTasksService;
  reportingRounds: ReportingRoundsService;
  inspections: InspectionsService;
  dxAssessments: DxAssessmentsService;
}) {
  const reminderLine = (r: Reminder): MyWorkItem =>
    line({
      kind: 'unitReport',
      id: `${r.roundId}/${r.orgUnit.id}`,
      title: r.roundTitle,
      context: r.orgUnit.name,
      reason: r.daysLeft < 0 ? 'REPORT_OVERDUE' : 'REPORT_DUE_SOON',
      days: Math.abs(r.daysLeft),
      dueDate: r.dueDate,
      link: reportLink(r.roundId, r.orgUnit.id),
    });

  const reportLine = (r: ReportListItem, reason: MyWorkReason): MyWorkItem =>
    line({
      kind: 'unitReport',
      id: r.reportId,
      title: r.round.title,
      context: r.orgUnit.name,
      reason,
      dueDate: r.dueDate,
      days: reason === 'REPORT_RETURNED' ? null : r.daysLeft < 0 ? -r.daysLeft : null,
      comment: reason === 'REPORT_RETURNED' ? r.reviewComment : null,
      link: reportLink(r.round.id, r.orgUnit.id),
    });

  const followUpLine = (f: FollowUpItem, today: string, returned = false): MyWorkItem => {
    const reason: MyWorkReason = returned
      ? 'FOLLOW_UP_RETURNED'
      : f.status === 'done'
        ? 'FOLLOW_UP_AWAITING_ACCEPTANCE'
        : f.overdue
          ? 'FOLLOW_UP_OVERDUE'
          : 'FOLLOW_UP_OPEN';
    return line({
      kind: 'followUp',
      id: f.id,
      title: f.text,
      context: `${f.inspection.planCode} · ${conclusionRef(f.conclusion)}`,
      reason,
      days: f.overdue ? f.daysOverdue : reason === 'FOLLOW_UP_OPEN' ? daysBetween(today, f.dueDate) : null,
      dueDate: f.dueDate,
      comment: returned ? (f.lastUpdate?.note ?? null) : null,
      link: `/follow-ups?id=${f.id}`,
    });
  };

  const taskLine = (t: Task, today: string): MyWorkItem =>
    line({
      kind: 'programTask',
      id: t.id,
      title: `${t.code} · ${t.title}`,
      context: t.delegatedUnit?.name ?? t.leadUnit.name,
      reason: t.overdue ? 'TASK_OVERDUE' : 'TASK_OPEN',
      days: t.overdue ? t.daysOverdue : daysBetween(today, t.deadline),
      dueDate: t.deadline,
      link: `/program-tasks?id=${t.id}`,
    });

  /** The date the inspection's next step is due by: the window's start before it starts, its end after. */
  const stepDate = (i: InspectionListItem) =>
    i.status === 'planned' || i.status === 'notified' ? i.windowStart : i.windowEnd;

  const inspectionLine = (i: InspectionListItem, reason: MyWorkReason, days: number | null = null): MyWorkItem =>
    line({
      kind: 'inspection',
      id: i.id,
      title: i.target.name,
      context: inspectionContext(i),
      reason,
      days,
      dueDate: stepDate(i),
      nextStatus: forwardStatus(i.status),
      link: `/inspections/${i.id}`,
    });

  const dxLine = (a: AssessmentItem, reason: MyWorkReason): MyWorkItem =>
    line({
      kind: 'dxAssessment',
      id: a.id,
      title: `${a.enterprise.name} · ${a.framework.code} ${a.year}`,
      context: a.enterprise.taxCode,
      reason,
      comment: reason === 'DX_RETURNED' ? a.reviewComment : null,
      link:
        reason === 'DX_SUBMITTED' || reason === 'DX_VERIFIED'
          ? `/dx-assessments/${a.id}/report`
          : `/dx-assessments/${a.id}`,
    });

  async function unitWork(actor: Actor, today: string): Promise<MyWorkSectionData[]> {
    const me = actor.orgUnitId;
    if (!me) return [];
    const [reminders, returned, fus, evidence, tasks, responses] = await Promise.all([
      reportingRounds.reminders(actor),
      reportingRounds.listReports(actor, { status: 'returned', ...page }),
      followUps.list(actor, { addresseeOrgUnitId: me, accepted: 'false', ...page }),
      followUps.list(actor, { addresseeOrgUnitId: me, returned: 'true', ...page }),
      programTasks.list(actor, { orgUnitId: me, active: 'true', ...page }),
      inspections.list(actor, { status: 'drafting', ...page }),
    ]);
    return [
      section(
        'unitReports',
        reminders.length + returned.total,
        [...reminders.map(reminderLine), ...returned.items.map((r) => reportLine(r, 'REPORT_RETURNED'))],
        '/reporting-rounds',
      ),
      section(
        'unitFollowUps',
        fus.total,
        fus.items.map((f) => followUpLine(f, today)),
        `/follow-ups?addressee=${me}&accepted=false`,
      ),
      section(
        'unitTasks',
        tasks.total,
        tasks.items.map((t) => taskLine(t, today)),
        '/program-tasks',
      ),
      section(
        'unitResponses',
        responses.total,
        responses.items.map((i) => inspectionLine(i, 'RESPONSE_NEEDED')),
        '/inspections?status=drafting',
      ),
      section(
        'unitEvidence',
        evidence.total,
        evidence.items.map((f) => followUpLine(f, today, true)),
        `/follow-ups?addressee=${me}&returned=true`,
      ),
    ];
  }

  async function teamWork(actor: Actor, today: string): Promise<MyWorkSectionData[]> {
    const [open, drafts] = await Promise.all([
      inspections.list(actor, { open: 'true', limit: GROUP_LIMIT, offset: 0 }),
      inspections.list(actor, { status: 'in_progress', ...page }),
    ]);
    const dates: MyWorkItem[] = [];
    for (const i of open.items) {
      const before = i.status === 'planned' || i.status === 'notified';
      const working = i.status === 'in_progress' || i.status === 'drafting';
      if (!before && !working) continue;
      const left = daysBetween(today, stepDate(i));
      if (left < 0) dates.push(inspectionLine(i, 'INSPECTION_LATE', -left));
      else if (left <= DATES_AHEAD_DAYS) dates.push(inspectionLine(i, before ? 'WINDOW_OPENS' : 'WINDOW_CLOSES', left));
    }
    return [
      section(
        'teamInspections',
        open.total,
        open.items.map((i) => inspectionLine(i, 'NEXT_STEP')),
        '/inspections?open=true',
      ),
      section(
        'teamDrafts',
        drafts.total,
        drafts.items.map((i) => inspectionLine(i, 'DRAFT_TO_FINISH', daysBetween(today, i.windowEnd))),
        '/inspections?status=in_progress',
      ),
      section('teamDates', dates.length, dates, null),
    ];
  }

  /** Overdue follow-ups, tasks and missing reports, counted per responsible unit (most first). */
  async function overdueByUnit(actor: Actor): Promise<MyWorkSectionData> {
    const [fus, tasks, reminders] = await Promise.all([
      followUps.list(actor, { overdue: 'true', limit: GROUP_LIMIT, offset: 0 }),
      programTasks.list(actor, { overdue: 'true', limit: GROUP_LIMIT, offset: 0 }),
      reportingRounds.reminders(actor),
    ]);
    const missing = reminders.filter((r) => r.daysLeft < 0);
    const units = new Map<string, { name: string; reports: number; followUps: number; tasks: number }>();
    const bump = (u: { id: string; name: string }, k: 'reports' | 'followUps' | 'tasks') => {
      const row = units.get(u.id) ?? { name: u.name, reports: 0, followUps: 0, tasks: 0 };
      row[k] += 1;
      units.set(u.id, row);
    };
    for (const r of missing) bump(r.orgUnit, 'reports');
    for (const f of fus.items) bump(f.addressee, 'followUps');
    // the unit that carries the task out answers for it: the delegate, else the lead
    for (const t of tasks.items) bump(t.delegatedUnit ?? t.leadUnit, 'tasks');
    const rows = [...units.entries()]
      .map(([id, u]) => ({ id, ...u, n: u.reports + u.followUps + u.tasks }))
      .sort((a, b) => b.n - a.n || a.name.localeCompare(b.name, 'vi'));
    return {
      key: 'overdueByUnit',
      count: missing.length + fus.total + tasks.total,
      // ordered by how much is overdue, not by date: there is no one deadline per unit
      items: rows.slice(0, MY_WORK_LINES).map((u) =>
        line({
          kind: 'orgUnit',
          id: u.id,
          title: u.name,
          reason: 'UNIT_OVERDUE',
          days: u.n,
          breakdown: { reports: u.reports, followUps: u.followUps, tasks: u.tasks },
          link: `/org-units/${u.id}/overview`,
        }),
      ),
      more: '/follow-ups?overdue=true',
    };
  }

  async function officeWork(actor: Actor, today: string, reviewer: boolean): Promise<MyWorkSectionData[]> {
    const late = inspections.list(actor, { late: 'true', ...page });
    const byUnit = overdueByUnit(actor);
    const lateSection = late.then((l) =>
      section(
        'lateInspections',
        l.total,
        l.items.map((i) => inspectionLine(i, 'INSPECTION_LATE', Math.max(0, daysBetween(stepDate(i), today)))),
        '/inspections?late=true',
      ),
    );
    if (!reviewer) return Promise.all([byUnit, lateSection]);
    const [toApprove, revisions, dx, open] = await Promise.all([
      reportingRounds.listReports(actor, { status: 'submitted', revised: 'false', ...page }),
      reportingRounds.listReports(actor, { status: 'submitted', revised: 'true', ...page }),
      dxAssessments.list(actor, { status: 'submitted', ...page }),
      reportingRounds.listRounds(actor, { status: 'open', limit: GROUP_LIMIT, offset: 0 }),
    ]);
    const closable = open.items.filter((r) => isReadyToClose(r, r.counts, today));
    return [
      section(
        'reportsToApprove',
        toApprove.total,
        toApprove.items.map((r) => reportLine(r, 'REPORT_TO_APPROVE')),
        '/reporting-rounds',
      ),
      section(
        'revisionsToApprove',
        revisions.total,
        revisions.items.map((r) => reportLine(r, 'REVISION_TO_APPROVE')),
        '/reporting-rounds',
      ),
      await byUnit,
      await lateSection,
      section(
        'dxToVerify',
        dx.total,
        dx.items.map((a) => dxLine(a, 'DX_TO_VERIFY')),
        '/dx-assessments',
      ),
      section(
        'roundsToClose',
        closable.length,
        closable.map((r) =>
          line({
            kind: 'reportingRound',
            id: r.id,
            title: r.title,
            context: r.period,
            reason: 'ROUND_READY_TO_CLOSE',
            days: r.counts.approved,
            link: `/reporting-rounds/${r.id}`,
          }),
        ),
        '/reporting-rounds',
      ),
    ];
  }

  async function enterpriseWork(actor: Actor): Promise<MyWorkSectionData[]> {
    const [draft, returned, submitted, verified] = await Promise.all(
      (['draft', 'returned', 'submitted', 'verified'] as const).map((status) =>
        dxAssessments.list(actor, { status, ...page }),
      ),
    );
    return [
      section(
        'dxInProgress',
        draft.total,
        draft.items.map((a) => dxLine(a, 'DX_IN_PROGRESS')),
        '/my-enterprise',
      ),
      section(
        'dxReturned',
        returned.total,
        returned.items.map((a) => dxLine(a, 'DX_RETURNED')),
        '/my-enterprise',
      ),
      section(
        'dxReports',
        submitted.total + verified.total,
        [
          ...submitted.items.map((a) => dxLine(a, 'DX_SUBMITTED')),
          ...verified.items.map((a) => dxLine(a, 'DX_VERIFIED')),
        ],
        '/my-enterprise',
      ),
    ];
  }

  return {
    async get(actor: Actor): Promise<MyWork> {
      authorize(actor, 'myWork.read');
      const today = clock.today();
      const sections =
        actor.role === 'unit'
          ? await unitWork(actor, today)
          : actor.role === 'inspector'
            ? await teamWork(actor, today)
            : actor.role === 'enterprise'
              ? await enterpriseWork(actor)
              : actor.role === 'viewer'
                ? await officeWork(actor, today, false)
                : await officeWork(actor, today, true);
      return { today, sections };
    },
  };
}
export type MyWorkService = ReturnType<typeof createMyWorkService>;
