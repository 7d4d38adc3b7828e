import type { DashboardQuery, MonitoringDashboard } from '../../../shared/contracts/monitoring.js';
import { taskStatuses, trafficLights, type TaskStatus, type TrafficLight } from '../../../shared/monitoring-domain.js';
import type { Actor } from '../../http/context.js';
import type { Clock } from '../../lib/clock.js';
import type { IndicatorsService } from '../indicators/indicators.service.js';
import type { OrgUnitsService } from '../org-units/org-units.service.js';
import type { ProgramTasksService } from '../program-tasks/program-tasks.service.js';
import type { ReportingRoundsService } from '../reporting-rounds/reporting-rounds.service.js';
import { completeness } from '../reporting-rounds/reporting-rounds.service.js';
import { renderDashboardXlsx } from './dashboard-xlsx.js';
import { monitoringDashboardPolicy } from './monitoring-dashboard.policy.js';
import { renderRoundSummaryDocx } from './round-summary-docx.js';
import { authorize } from '../../http/authorize.js';
import type { Db } from '../../db/client.js';
import type { VerifiedDocument } from '../../../shared/contracts/conclusions.js';
import { formatVerificationCode } from '../../../shared/verification-code.js';
import { sha256Hex } from '../../lib/hash.js';
import type { MintCode } from '../verification/verification.service.js';
import type { MonitoringDashboardRepo } from './monitoring-dashboard.repo.js';

const measureVi: Record<string, string> = {
  count: 'số lượng',
  vnd: 'VNĐ',
  percent: '%',
  people: 'người',
  enterprises: 'doanh nghiệp',
  other: '',
};

export function createMonitoringDashboardService({
  db,
  repo,
  codes,
  verifyOrigin,
  clock,
  indicators,
  tasks,
  reporting,
  orgUnits,
}: {
  db: Db;
  repo: MonitoringDashboardRepo;
  /** mints a verification code in the registry (module verification's port) */
  codes: MintCode;
  /** the origin of the /verify address printed in the footer */
  verifyOrigin: string;
  clock: Clock;
  indicators: IndicatorsService;
  tasks: ProgramTasksService;
  reporting: ReportingRoundsService;
  orgUnits: OrgUnitsService;
}) {
  type Round = Awaited<ReturnType<ReportingRoundsService['getRound']>>;
  async function renderSummaryWithIssuer(
    actor: Actor,
    round: Round,
    verification: { code: string; url: string } | null,
  ) {
    const d = await build(actor, { programId: round.programId, year: round.year, planId: round.plan?.id });
    const program = await indicators.program(round.programId);
    const issuer = await orgUnits.get(program.issuerOrgUnitId).catch(() => null);
    const issuerLines = [issuer?.name ?? 'Thành ủy Hà Nội', `Ban Chỉ đạo Chương trình ${program.code}`];
    const body = await renderRoundSummaryDocx({
      verification,
      programCode: program.code,
      issuerLines,
      issuedDate: clock.today(),
      round: { title: round.title, period: round.period, dueDate: round.dueDate },
      counts: round.counts,
      units: round.units.map((u) => ({ name: u.orgUnit.name, status: u.status, timeliness: u.timeliness })),
      indicators: d.indicators.map((i) => ({
        code: i.code,
        name: i.nameVi,
        unit: measureVi[i.measureUnit] ?? i.measureUnit,
        ...i.current,
      })),
      tasks: {
        total: d.tasks.total,
        byStatus: d.tasks.byStatus,
        overdue: d.tasks.overdue.map((t) => ({
          code: t.code,
          title: t.title,
          unit: (t.delegatedUnit ?? t.leadUnit).name,
          deadline: t.deadline,
          days: t.daysOverdue,
        })),
      },
      budget: d.budget,
    });
    return { body, issuer: issuerLines.at(-1)! };
  }
  const renderSummary = async (actor: Actor, round: Round, v: { code: string; url: string } | null) =>
    (await renderSummaryWithIssuer(actor, round, v)).body;

  async function build(actor: Actor, q: DashboardQuery): Promise<MonitoringDashboard> {
    q = { ...q, orgUnitId: monitoringDashboardPolicy.scopeOrgUnitId(actor, q.orgUnitId) };
    const program = await indicators.program(q.programId);
    const year = q.year ?? Math.min(Number(clock.today().slice(0, 4)), program.periodEnd);
    const years = Array.from(
      { length: Math.max(program.periodEnd, year) - Math.min(program.periodStart, year) + 1 },
      (_, i) => Math.min(program.periodStart, year) + i,
    );
    // a plan filter keeps the rounds of that plan; rounds of the whole program (no plan) stay
    const ofPlan = <T extends { planId: string | null }>(rows: T[]) =>
      q.planId ? rows.filter((r) => !r.planId || r.planId === q.planId) : rows;
    const [{ indicators: evaluated, thresholds }, taskList, reports] = await Promise.all([
      indicators.evaluateWithThresholds({ programId: program.id, years, orgUnitId: q.orgUnitId, planId: q.planId }),
      tasks.all({ programId: program.id, planId: q.planId, orgUnitId: q.orgUnitId }),
      reporting.timelinessAndReminders(actor, program.id, year, q.orgUnitId),
    ]);
    const timelinessRows = ofPlan(reports.timeliness);
    const reminders = ofPlan(reports.reminders).map(({ planId: _p, ...r }) => r);
    const lights = Object.fromEntries(trafficLights.map((l) => [l, 0])) as Record<TrafficLight, number>;
    const summaries = evaluated.map(({ row, years: ys }) => {
      const current = ys.find((y) => y.year === year)!;
      lights[current.light]++;
      return {
        id: row.id,
        code: row.code,
        nameVi: row.nameVi,
        nameEn: row.nameEn,
        measureUnit: row.measureUnit,
        direction: row.direction,
        formula: row.formula,
        baselineYear: row.baselineYear,
        baselineValue: row.baselineValue,
        current,
        trend: ys,
      };
    });
    const byStatus = Object.fromEntries(taskStatuses.map((s) => [s, 0])) as Record<TaskStatus, number>;
    for (const t of taskList) byStatus[t.status]++;
    const budgetByUnit = new Map<
      string,
      { orgUnit: { id: string; name: string }; allocatedVnd: number; spentVnd: number }
    >();
    for (const t of taskList) {
      const unit = t.delegatedUnit ?? t.leadUnit;
      const b = budgetByUnit.get(unit.id) ?? { orgUnit: unit, allocatedVnd: 0, spentVnd: 0 };
      b.allocatedVnd += t.budgetAllocatedVnd;
      b.spentVnd += t.budgetSpentVnd;
      budgetByUnit.set(unit.id, b);
    }
    const perUnit = new Map<string, { orgUnit: { id: string; name: string }; states: string[] }>();
    for (const r of timelinessRows) {
      const e = perUnit.get(r.orgUnit.id) ?? { orgUnit: r.orgUnit, states: [] };
      e.states.push(r.timeliness);
      perUnit.set(r.orgUnit.id, e);
    }
    return {
      program: {
        id: program.id,
        code: program.code,
        title: program.title,
        periodStart: program.periodStart,
        periodEnd: program.periodEnd,
      },
      year,
      thresholds,
      indicators: summaries,
      lights,
      tasks: { byStatus, total: taskList.length, overdue: taskList.filter((t) => t.overdue) },
      budget: {
        allocatedVnd: taskList.reduce((s, t) => s + t.budgetAllocatedVnd, 0),
        spentVnd: taskList.reduce((s, t) => s + t.budgetSpentVnd, 0),
        byUnit: [...budgetByUnit.values()].sort((a, b) => b.allocatedVnd - a.allocatedVnd),
      },
      timeliness: [...perUnit.values()]
        .map(({ orgUnit, states }) => {
          const n = (s: string) => states.filter((x) => x === s).length;
          const submitted = n('on_time') + n('late');
          return {
            orgUnit,
            expected: states.length,
            onTime: n('on_time'),
            late: n('late'),
            missing: n('missing'),
            pending: n('pending'),
            completenessPct: completeness(states as never),
            timelinessPct: submitted ? (n('on_time') / submitted) * 100 : null,
          };
        })
        .sort((a, b) => a.orgUnit.name.localeCompare(b.orgUnit.name, 'vi')),
      reminders: q.orgUnitId ? reminders.filter((r) => r.orgUnit.id === q.orgUnitId) : reminders,
    };
  }

  return {
    build,
    async exportXlsx(
      actor: Actor,
      q: DashboardQuery & { table?: 'indicators' | 'tasks' | 'budget' | 'timeliness' | 'reminders' },
    ) {
      const d = await build(actor, q);
      return { year: d.year, body: await renderDashboardXlsx(d, q.table) };
    },

    /** The DOCX summary of a round for the steering committee: reporting status, indicators of the round's year, tasks and budget. */
    async roundSummaryDocx(actor: Actor, roundId: string) {
      // the committee's document, with every unit's status and round-wide counts: not for a unit (round.summary)
      authorize(actor, 'round.summary');
      const round = await reporting.getRound(actor, roundId);
      // a closed round's summary is the one issued when it closed (the data may have moved since)
      const issued = round.status === 'closed' ? await repo.latestSummary(db, roundId) : null;
      if (issued) return { round, body: Buffer.from(issued.data) };
      return { round, body: await renderSummary(actor, round, null) };
    },

    /**
     * Issues the summary of a round just closed: a code registered, the DOCX rendered with it in the footer and kept
     * with its SHA-256 (served for the closed round afterwards). Rendered outside any transaction: on PGlite a read
     * through `db` inside an open transaction waits forever.
     */
    async issueRoundSummary(actor: Actor, roundId: string) {
      authorize(actor, 'round.summary');
      const round = await reporting.getRound(actor, roundId);
      const code = await db.transaction((tx) => codes.mint(tx, 'roundSummary'));
      const issuedDate = clock.today();
      const { body, issuer } = await renderSummaryWithIssuer(actor, round, {
        code,
        url: `${verifyOrigin}/verify/${code}`,
      });
      await repo.insertSummary(db, {
        code,
        roundId,
        title: round.title,
        period: round.period,
        issuer,
        issuedDate,
        data: body,
        sha256: sha256Hex(body),
        issuedBy: actor.id,
        issuedAt: clock.now(),
      });
      return code;
    },

    /** What /verify shows for a round summary's code (null: none carries it). */
    async verifySummary(code: string): Promise<VerifiedDocument | null> {
      const found = await repo.summaryByCode(db, code);
      if (!found) return null;
      const { row, replacedBy } = found;
      return {
        kind: 'roundSummary',
        code: formatVerificationCode(code),
        number: null,
        year: Number(row.issuedDate.slice(0, 4)),
        issuedDate: row.issuedDate,
        issuer: row.issuer,
        issuerSuperior: null,
        signerName: null,
        signerTitle: null,
        fileSha256: row.sha256,
        replacedBy: replacedBy && {
          number: null,
          year: Number(replacedBy.issuedDate.slice(0, 4)),
          issuedDate: replacedBy.issuedDate,
        },
        title: row.title,
        period: row.period,
      };
    },
  };
}
export type MonitoringDashboardService = ReturnType<typeof createMonitoringDashboardService>;
