import { beforeAll, describe, expect, it } from 'vitest';
import type { MyWork, MyWorkSection } from '../../../shared/contracts/my-work.js';
import { isReadyToClose } from '../../../shared/monitoring-domain.js';
import { fixedClock } from '../../lib/clock.js';
import { SYSTEM_ACTOR } from '../../http/authorize.js';
import { useTestContext } from '../../test/test-app.js';

// mid-2026: the demo's tasks due in 2025 are overdue, and its open round is due three days before "today"
const clock = fixedClock('2026-06-10T03:00:00Z');
const { ctx } = useTestContext({ clock });
const logins = [
  'secretariat',
  'unit-ttht',
  'unit-stttt',
  'unit-skhcn',
  'team1',
  'viewer',
  'enterprise-demo',
  'admin',
] as const;
type Login = (typeof logins)[number];
const cookies = {} as Record<Login, string>;
beforeAll(async () => {
  for (const who of logins) cookies[who] = await ctx.login(who);
});

const get = async (who: Login, url: string) => {
  const res = await ctx.as(cookies[who], { method: 'GET', url });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json<unknown>();
};
const total = async (who: Login, url: string) => ((await get(who, url)) as { total: number }).total;
const myWork = async (who: Login) => (await get(who, '/api/my-work')) as MyWork;
const sectionOf = (w: MyWork, key: MyWorkSection) => {
  const s = w.sections.find((x) => x.key === key);
  expect(s, key).toBeDefined();
  return s!;
};

/** What the module pages answer for the same person: the count each home section must show. */
async function moduleCount(who: Login, key: MyWorkSection, orgUnitId: string | null): Promise<number> {
  const reminders = async () => (await get(who, '/api/reporting-reminders')) as { daysLeft: number }[];
  switch (key) {
    case 'unitReports':
      return (await reminders()).length + (await total(who, '/api/unit-reports?status=returned'));
    case 'unitFollowUps':
      return total(who, `/api/follow-ups?addresseeOrgUnitId=${orgUnitId}&accepted=false`);
    case 'unitTasks':
      return total(who, `/api/program-tasks?orgUnitId=${orgUnitId}&active=true`);
    case 'unitResponses':
      return total(who, '/api/inspections?status=drafting');
    case 'unitEvidence':
      return total(who, `/api/follow-ups?addresseeOrgUnitId=${orgUnitId}&returned=true`);
    case 'teamInspections':
      return total(who, '/api/inspections?open=true');
    case 'teamDrafts':
      return total(who, '/api/inspections?status=in_progress');
    case 'reportsToApprove':
      return total(who, '/api/unit-reports?status=submitted&revised=false');
    case 'revisionsToApprove':
      return total(who, '/api/unit-reports?status=submitted&revised=true');
    case 'overdueByUnit':
      return (
        (await total(who, '/api/follow-ups?overdue=true')) +
        (await total(who, '/api/program-tasks?overdue=true')) +
        (await reminders()).filter((r) => r.daysLeft < 0).length
      );
    case 'lateInspections':
      return total(who, '/api/inspections?late=true');
    case 'dxToVerify':
      return total(who, '/api/dx/assessments?status=submitted');
    case 'dxInProgress':
      return total(who, '/api/dx/assessments?status=draft');
    case 'dxReturned':
      return total(who, '/api/dx/assessments?status=returned');
    case 'dxReports':
      return (
        (await total(who, '/api/dx/assessments?status=submitted')) +
        (await total(who, '/api/dx/assessments?status=verified'))
      );
    case 'roundsToClose': {
      type Round = Parameters<typeof isReadyToClose>[0] & { counts: { expected: number; approved: number } };
      const open = (await get(who, '/api/reporting-rounds?status=open&limit=500')) as { items: Round[] };
      return open.items.filter((r) => isReadyToClose(r, r.counts, clock.today())).length;
    }
    case 'teamDates':
      return -1; // derived from the team's open inspections: checked below
  }
}

describe('my work', () => {
  it("shows each person the module pages' counts, section by section", async () => {
    const sections: Record<string, MyWorkSection[]> = {};
    for (const who of Object.keys(cookies) as Login[]) {
      const user = await ctx.services.users.getByUsername(who);
      const w = await myWork(who);
      sections[who] = w.sections.map((s) => s.key);
      for (const s of w.sections) {
        expect(s.items.length).toBeLessThanOrEqual(s.count);
        if (s.key === 'teamDates') expect(s.count).toBe(s.items.length);
        else expect(s.count, `${who} ${s.key}`).toBe(await moduleCount(who, s.key, user.orgUnitId));
      }
    }
    expect(sections['unit-ttht']).toEqual([
      'unitReports',
      'unitFollowUps',
      'unitTasks',
      'unitResponses',
      'unitEvidence',
    ]);
    expect(sections.team1).toEqual(['teamInspections', 'teamDrafts', 'teamDates']);
    expect(sections.secretariat).toEqual([
      'reportsToApprove',
      'revisionsToApprove',
      'overdueByUnit',
      'lateInspections',
      'dxToVerify',
      'roundsToClose',
    ]);
    expect(sections.admin).toEqual(sections.secretariat);
    expect(sections.viewer).toEqual(['overdueByUnit', 'lateInspections']);
    expect(sections['enterprise-demo']).toEqual(['dxInProgress', 'dxReturned', 'dxReports']);
  });

  it("puts the demo's overdue report and tasks on the Center's home, most overdue first, with the reason", async () => {
    const w = await myWork('unit-ttht');
    const reports = sectionOf(w, 'unitReports');
    expect(reports.items).toContainEqual(
      expect.objectContaining({ title: 'Báo cáo năm 2025', reason: 'REPORT_OVERDUE', days: 3, kind: 'unitReport' }),
    );
    const tasks = sectionOf(w, 'unitTasks');
    const overdue = tasks.items.filter((t) => t.reason === 'TASK_OVERDUE');
    expect(overdue.map((t) => t.title.split(' · ')[0]).sort()).toEqual(['3457-02', '3457-03', '3457-06']);
    const dates = tasks.items.map((t) => t.dueDate!);
    expect(dates).toEqual([...dates].sort());
    expect(tasks.items[0].link).toMatch(/^\/program-tasks\?id=/);
  });

  it('shows a unit its overdue follow-up and the secretariat who is behind, by unit', async () => {
    const unit = await myWork('unit-stttt');
    expect(sectionOf(unit, 'unitFollowUps').items).toContainEqual(
      expect.objectContaining({ reason: 'FOLLOW_UP_OVERDUE', dueDate: '2024-03-31', kind: 'followUp' }),
    );
    const office = await myWork('secretariat');
    const ttht = (await ctx.services.users.getByUsername('unit-ttht')).orgUnitId!;
    const row = sectionOf(office, 'overdueByUnit').items.find((i) => i.id === ttht);
    expect(row).toMatchObject({
      reason: 'UNIT_OVERDUE',
      breakdown: { reports: 1, tasks: 3 },
      link: `/org-units/${ttht}/overview`,
    });
    expect(sectionOf(office, 'reportsToApprove').items).toContainEqual(
      expect.objectContaining({ title: 'Báo cáo năm 2025', reason: 'REPORT_TO_APPROVE' }),
    );
  });

  it('gives a returned report back to its unit with the comment, and takes it off the approval queue', async () => {
    const skhcn = (await ctx.services.users.getByUsername('unit-skhcn')).orgUnitId!;
    const before = sectionOf(await myWork('secretariat'), 'reportsToApprove').count;
    const round = (await ctx.services.reportingRounds.listRounds(SYSTEM_ACTOR, { limit: 50, offset: 0 })).items.find(
      (r) => r.title === 'Báo cáo năm 2025',
    )!;
    const res = await ctx.as(cookies.secretariat, {
      method: 'POST',
      url: `/api/reporting-rounds/${round.id}/reports/${skhcn}/review`,
      payload: { decision: 'return', comment: 'Bổ sung số liệu chỉ tiêu KHCN-02' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(sectionOf(await myWork('secretariat'), 'reportsToApprove').count).toBe(before - 1);
    expect(sectionOf(await myWork('unit-skhcn'), 'unitReports').items).toContainEqual(
      expect.objectContaining({
        reason: 'REPORT_RETURNED',
        comment: 'Bổ sung số liệu chỉ tiêu KHCN-02',
        link: `/reporting-rounds/${round.id}/reports/${skhcn}`,
      }),
    );
  });

  it('leaves no demo round open with every report approved, and offers such a round to the secretariat to close', async () => {
    const rounds = (await get('secretariat', '/api/reporting-rounds?limit=100')) as {
      items: { id: string; programId: string; title: string; status: string }[];
    };
    const r2022 = rounds.items.find((r) => r.title === 'Báo cáo năm 2022')!;
    expect(r2022.status).toBe('closed');
    expect(sectionOf(await myWork('secretariat'), 'roundsToClose').items).toEqual([]);

    const ttht = (await ctx.services.users.getByUsername('unit-ttht')).orgUnitId!;
    const created = await ctx.as(cookies.secretariat, {
      method: 'POST',
      url: '/api/reporting-rounds',
      payload: {
        programId: r2022.programId,
        title: 'Báo cáo năm 2021',
        periodType: 'year',
        year: 2021,
        dueDate: '2022-01-15',
        orgUnitIds: [ttht],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const report = `/api/reporting-rounds/${id}/reports/${ttht}`;
    const submit = await ctx.as(cookies.secretariat, {
      method: 'POST',
      url: `${report}/submit`,
      payload: { receivedOn: '2022-01-10' },
    });
    expect(submit.statusCode, submit.body).toBe(200);
    // one report still to approve: not ready yet
    expect(sectionOf(await myWork('secretariat'), 'roundsToClose').items).toEqual([]);
    const review = await ctx.as(cookies.secretariat, {
      method: 'POST',
      url: `${report}/review`,
      payload: { decision: 'approve' },
    });
    expect(review.statusCode, review.body).toBe(200);
    const ready = sectionOf(await myWork('secretariat'), 'roundsToClose');
    expect(ready.items).toEqual([
      expect.objectContaining({
        kind: 'reportingRound',
        id,
        title: 'Báo cáo năm 2021',
        reason: 'ROUND_READY_TO_CLOSE',
        link: `/reporting-rounds/${id}`,
      }),
    ]);
    expect(ready.count).toBe(await moduleCount('secretariat', 'roundsToClose', null));
    const closed = await ctx.as(cookies.secretariat, {
      method: 'PATCH',
      url: `/api/reporting-rounds/${id}`,
      payload: { status: 'closed' },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(sectionOf(await myWork('secretariat'), 'roundsToClose').items).toEqual([]);
  });

  it("gives a team member its team's inspections with the next step", async () => {
    const w = await myWork('team1');
    const open = sectionOf(w, 'teamInspections');
    expect(open.count).toBeGreaterThan(0);
    const inProgress = open.items.find((i) => i.nextStatus === 'drafting');
    expect(inProgress).toMatchObject({ reason: 'NEXT_STEP', kind: 'inspection' });
    expect(sectionOf(w, 'teamDrafts').items.map((i) => i.id)).toContain(inProgress!.id);
    // each section links the module list with the filter its count used (the list pages read it from the URL)
    expect(open.more).toBe('/inspections?open=true');
    expect(sectionOf(await myWork('secretariat'), 'lateInspections').more).toBe('/inspections?late=true');
    const stttt = (await ctx.services.users.getByUsername('unit-stttt')).orgUnitId!;
    const unit = await myWork('unit-stttt');
    expect(sectionOf(unit, 'unitFollowUps').more).toBe(`/follow-ups?addressee=${stttt}&accepted=false`);
    expect(sectionOf(unit, 'unitEvidence').more).toBe(`/follow-ups?addressee=${stttt}&returned=true`);
  });

  it('gives the enterprise its assessment in progress', async () => {
    const w = await myWork('enterprise-demo');
    expect(sectionOf(w, 'dxInProgress').items).toEqual([
      expect.objectContaining({ reason: 'DX_IN_PROGRESS', kind: 'dxAssessment' }),
    ]);
  });

  it('needs a session', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/my-work' })).statusCode).toBe(401);
  });
});
