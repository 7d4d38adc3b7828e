import { describe, expect, it } from 'vitest';
import { can, grantOf, type Action, type Facts } from '../../shared/permissions.js';
import type { TeamRole } from '../../shared/domain.js';
import type { Role } from '../../shared/fields.js';
import { withCheckDigit } from '../../shared/enterprises/tax-code.js';
import { DEMO_ENTERPRISE_TAX_CODE } from '../db/seed/demo-dx-core.js';
import { DEMO_PASSWORD } from '../db/seed/demo-foundation.js';
import { multipart, PDF } from '../test/multipart.js';
import { useTestContext } from '../test/test-app.js';
import { SYSTEM_ACTOR } from './authorize.js';

/**
 * The authorization matrix: every registered route × every kind of caller, with real ids that belong to someone
 * else, each answer checked against the catalogue (src/shared/permissions.ts). Allowed: 2xx or a 4xx about the
 * input or the record's state (400, 409, 413, 415, 422). Denied: 401/403/404, or 400 for a write whose minimal
 * body is refused before the record is looked at. Never a 2xx on a denied pair.
 * A route without an entry below fails the test, so a new route cannot skip it.
 */
const { ctx, f } = useTestContext();

interface Persona {
  name: string;
  username: string | null;
  role: Role | null;
  orgUnitId: string | null;
  personId: string | null;
  enterpriseId: string | null;
  cookie?: string;
}

/** What the test knows about a record: the ids to put in the URL and the catalogue facts for a persona. */
interface Rec {
  params: Record<string, string>;
  facts: (p: Persona) => Facts;
}
interface Entry {
  action: Action | 'public' | 'session';
  /** the record the URL names; none: a list (filtered to what the caller may see) or a create */
  on?: string;
  /** a query string the route requires */
  query?: string;
  /** an id that cannot be found even by an allowed caller (no such record is seeded): allowed may 404 */
  mayBeMissing?: boolean;
}

const list = (action: Action): Entry => ({ action });
const on = (action: Action, rec: string, o: Partial<Entry> = {}): Entry => ({ action, on: rec, ...o });

/** Route → the catalogue action it performs and the record it names. */
const matrix: Record<string, Entry> = {
  'POST /api/auth/login': { action: 'public' },
  'POST /api/auth/logout': { action: 'public' },
  'GET /api/auth/me': { action: 'session' },
  'GET /api/auth/session': { action: 'public' },
  // one's own password and sessions: any signed-in account, about itself only (sessions.test.ts checks the "own")
  'POST /api/auth/password': { action: 'session' },
  'GET /api/auth/sessions': { action: 'session' },
  'DELETE /api/auth/sessions': { action: 'session' },
  'DELETE /api/auth/sessions/:id': { action: 'session' },
  'GET /api/health': { action: 'public' },
  'GET /api/ready': { action: 'public' },
  // for the Prometheus scraper, not sessions: served only when METRICS_TOKEN is set (not here, so 404 for everyone)
  // and then only with its bearer token (observability.test.ts)
  'GET /metrics': { action: 'public', mayBeMissing: true },
  'GET /api/openapi.json': { action: 'public' },
  'GET /api/my-work': list('myWork.read'),
  'GET /api/audit-events': list('audit.read'),
  // one's own notifications: every account, its own rows only (notifications.test.ts checks the "own")
  'GET /api/notifications': list('notification.self'),
  'POST /api/notifications/:id/read': on('notification.self', 'none', { mayBeMissing: true }),
  'POST /api/notifications/read-all': list('notification.self'),
  'GET /api/notification-preferences': list('notification.self'),
  'PUT /api/notification-preferences': list('notification.self'),
  'GET /api/notification-sends': list('notificationSend.read'),
  'GET /api/users': list('user.manage'),
  'GET /api/users/:id': on('user.manage', 'user'),
  'POST /api/users': list('user.manage'),
  'PATCH /api/users/:id': on('user.manage', 'user'),
  'GET /api/org-units': list('orgUnit.read'),
  'GET /api/org-units/:id': on('orgUnit.read', 'orgUnit'),
  'POST /api/org-units': list('orgUnit.manage'),
  'PATCH /api/org-units/:id': on('orgUnit.manage', 'orgUnit'),
  'GET /api/org-units/:id/overview': on('unitOverview.read', 'orgUnit'),
  'GET /api/people': list('person.read'),
  'GET /api/people/:id': on('person.read', 'person'),
  'POST /api/people': list('person.manage'),
  'PATCH /api/people/:id': on('person.manage', 'person'),
  'GET /api/programs': list('program.read'),
  'GET /api/programs/:id': on('program.read', 'program'),
  'POST /api/programs': list('program.manage'),
  'PATCH /api/programs/:id': on('program.manage', 'program'),
  'PUT /api/programs/:id/committee': on('program.manage', 'program'),
  'GET /api/programs/:id/monitoring-thresholds': on('monitoring.read', 'program'),
  'PUT /api/programs/:id/monitoring-thresholds': on('indicator.manage', 'program'),
  'GET /api/inspection-plans': list('plan.read'),
  'GET /api/inspection-plans/:id': on('plan.read', 'plan'),
  'POST /api/inspection-plans': list('plan.manage'),
  'PATCH /api/inspection-plans/:id': on('plan.manage', 'plan'),
  'GET /api/inspection-plans/:id/export.docx': on('plan.read', 'plan'),
  'GET /api/inspection-plans/:id/export.xlsx': on('plan.read', 'plan'),
  'POST /api/inspection-plans/:id/teams': on('plan.manage', 'plan'),
  'PATCH /api/inspection-teams/:id': on('plan.manage', 'spareTeam'),
  'DELETE /api/inspection-teams/:id': on('plan.manage', 'spareTeam'),
  'POST /api/inspection-teams/:id/targets': on('plan.manage', 'spareTeam'),
  'PATCH /api/inspection-teams/:teamId/targets/:inspectionId': on('plan.manage', 'spareTeam'),
  'DELETE /api/inspection-teams/:teamId/targets/:inspectionId': on('plan.manage', 'spareTeam'),
  'GET /api/dashboard': list('dashboard.read'),
  'GET /api/inspections': list('inspection.read'),
  'GET /api/inspections/:id': on('inspection.read', 'insp'),
  'PUT /api/inspections/:id/assessments/:contentAreaId': on('inspection.edit', 'insp'),
  'POST /api/inspections/:id/assessments/:contentAreaId/evidence': on('inspection.edit', 'insp'),
  'GET /api/attachments/:id': on('inspection.readWork', 'insp'),
  'DELETE /api/attachments/:id': on('inspection.edit', 'insp'),
  'POST /api/inspections/:id/findings': on('inspection.edit', 'insp'),
  'PATCH /api/findings/:id': on('inspection.edit', 'insp'),
  'DELETE /api/findings/:id': on('inspection.edit', 'insp'),
  'POST /api/inspections/:id/transitions': on('inspection.edit', 'insp'),
  'POST /api/inspections/:id/responses': on('conclusion.respond', 'insp'),
  'POST /api/inspections/:id/conclusion': on('conclusion.issue', 'insp'),
  'POST /api/inspections/:id/conclusion/corrections': on('conclusion.issue', 'insp'),
  'GET /api/inspections/:id/conclusion.docx': on('inspection.read', 'issued'),
  'GET /api/inspections/:id/conclusion.pdf': on('inspection.read', 'issued'),
  'GET /api/finding-links': list('inspection.read'),
  'POST /api/finding-links': list('findingLink.manage'),
  'DELETE /api/finding-links/:id': on('findingLink.manage', 'insp', { mayBeMissing: true }),
  'GET /api/follow-ups': list('followUp.read'),
  'GET /api/follow-ups/:id': on('followUp.read', 'followUp'),
  'POST /api/follow-ups/:id/updates': on('followUp.report', 'followUpAddressee'),
  'POST /api/follow-ups/:id/evidence': on('followUp.report', 'followUpAddressee'),
  'POST /api/follow-ups/:id/acceptance': on('followUp.accept', 'followUp'),
  // reading the state is reading the inspection; the public pages need no session
  'GET /api/inspections/:id/publication': on('inspection.read', 'issued'),
  'PUT /api/inspections/:id/publication': on('publication.manage', 'issued'),
  'POST /api/inspections/:id/publication/withdrawal': on('publication.manage', 'issued'),
  'GET /api/public/programs': { action: 'public' },
  'GET /api/public/programs/:id/recommendations': { action: 'public', on: 'program' },
  // anyone holding an issued document checks it by the code in its footer
  'GET /api/public/verify/:code': { action: 'public' },
  'GET /api/indicators': list('monitoring.read'),
  'GET /api/indicators/:id': on('monitoring.read', 'indicator'),
  'POST /api/indicators': list('indicator.manage'),
  'PATCH /api/indicators/:id': on('indicator.manage', 'indicator'),
  'GET /api/monitoring-plans': list('monitoring.read'),
  'POST /api/monitoring-plans': list('indicator.manage'),
  'GET /api/program-tasks': list('programTask.read'),
  'GET /api/program-tasks/:id': on('programTask.read', 'task'),
  'POST /api/program-tasks': list('programTask.manage'),
  'PATCH /api/program-tasks/:id': on('programTask.manage', 'task'),
  'POST /api/program-tasks/:id/updates': on('programTask.report', 'taskReporter'),
  'POST /api/program-tasks/:id/evidence': on('programTask.report', 'taskReporter'),
  'GET /api/reporting-rounds': list('monitoring.read'),
  'POST /api/reporting-rounds': list('round.manage'),
  'GET /api/reporting-rounds/:id': on('unitReport.read', 'round'),
  'PATCH /api/reporting-rounds/:id': on('round.manage', 'round'),
  'GET /api/reporting-reminders': list('monitoring.read'),
  'GET /api/unit-reports': list('unitReport.read'),
  'GET /api/reporting-rounds/:id/summary.docx': on('round.summary', 'round'),
  'GET /api/reporting-rounds/:id/reports/:orgUnitId': on('unitReport.read', 'report'),
  'PUT /api/reporting-rounds/:id/reports/:orgUnitId': on('unitReport.submit', 'report'),
  'POST /api/reporting-rounds/:id/reports/:orgUnitId/submit': on('unitReport.submit', 'report'),
  'POST /api/reporting-rounds/:id/reports/:orgUnitId/review': on('unitReport.review', 'report'),
  'GET /api/reporting-rounds/:id/reports/:orgUnitId/revisions': on('unitReport.read', 'report'),
  'POST /api/reporting-rounds/:id/reports/:orgUnitId/revisions': on('unitReport.submit', 'report'),
  'GET /api/monitoring-files/:id': on('unitReport.read', 'none', { mayBeMissing: true }),
  'GET /api/reporting-rounds/:id/reports/:orgUnitId/template.xlsx': on('unitReport.read', 'report'),
  'POST /api/reporting-rounds/:id/reports/:orgUnitId/import.xlsx': on('unitReport.submit', 'report'),
  'POST /api/reporting-rounds/:id/reports/:orgUnitId/evidence': on('unitReport.submit', 'report'),
  'GET /api/reporting-rounds/:id/reports/:orgUnitId/values/:indicatorId/evidence': on('unitReport.read', 'report'),
  'POST /api/reporting-rounds/:id/reports/:orgUnitId/values/:indicatorId/evidence': on(
    'unitReport.attachEvidence',
    'report',
  ),
  'GET /api/monitoring/dashboard': list('monitoring.read'),
  'GET /api/monitoring/dashboard.xlsx': list('monitoring.read'),
  'GET /api/enterprises': list('enterprise.list'),
  'POST /api/enterprises': list('enterprise.create'),
  'GET /api/enterprises/me': { action: 'session', mayBeMissing: true },
  'GET /api/enterprises/accounts': list('enterprise.manageAccounts'),
  'GET /api/enterprises/:taxCode': on('enterprise.read', 'enterprise'),
  'PATCH /api/enterprises/:taxCode': on('enterprise.edit', 'enterprise'),
  'POST /api/enterprises/:taxCode/resolve-commune': on('enterprise.resolveCommune', 'enterprise'),
  'GET /api/enterprises/:taxCode/accounts': on('enterprise.manageAccounts', 'enterprise'),
  'PUT /api/enterprises/:taxCode/accounts/:userId': on('enterprise.manageAccounts', 'enterprise'),
  'DELETE /api/enterprises/:taxCode/accounts/:userId': on('enterprise.manageAccounts', 'enterprise'),
  'GET /api/vsic-codes': list('reference.read'),
  'GET /api/dx/frameworks': list('dxFramework.read'),
  'GET /api/dx/frameworks/:code': on('dxFramework.read', 'framework'),
  'GET /api/dx/frameworks/:code/versions/:version': on('dxFramework.read', 'framework'),
  'POST /api/dx/frameworks/:code/score': on('dxFramework.read', 'framework'),
  'POST /api/dx/frameworks/import': list('dxFramework.manage'),
  'POST /api/dx/frameworks/:code/versions/:version/publish': on('dxFramework.manage', 'framework'),
  'GET /api/dx/frameworks/:code/diff': on('dxFramework.read', 'framework', { query: 'from=1&to=1' }),
  'GET /api/dx/assessments': list('dxAssessment.read'),
  'POST /api/dx/assessments': list('dxAssessment.answer'),
  'GET /api/dx/assessments/:id': on('dxAssessment.read', 'assessment'),
  'PATCH /api/dx/assessments/:id/answers': on('dxAssessment.answer', 'assessment'),
  'POST /api/dx/assessments/:id/submit': on('dxAssessment.answer', 'assessment'),
  'POST /api/dx/assessments/:id/verify': on('dxAssessment.verify', 'assessment'),
  'POST /api/dx/assessments/:id/return': on('dxAssessment.verify', 'assessment'),
  'POST /api/dx/assessments/:id/rescore': on('dxAssessment.answer', 'assessment'),
  'POST /api/dx/assessments/:id/evidence/:questionCode': on('dxAssessment.answer', 'assessment'),
  'GET /api/dx/assessments/:id/evidence/:questionCode': on('dxAssessment.read', 'assessment', { mayBeMissing: true }),
  'GET /api/dx/assessments/:id/report': on('dxAssessment.read', 'assessment'),
  'GET /api/dx/assessments/:id/report.docx': on('dxAssessment.read', 'assessment'),
  'GET /api/dx/analytics/options': list('dxAnalytics.read'),
  'GET /api/dx/analytics/breakdown': list('dxAnalytics.read'),
  'GET /api/dx/analytics/change': list('dxAnalytics.read'),
  'GET /api/dx/analytics/movers': { action: 'dxAnalytics.read', query: 'dimension=sector&fromYear=2023&toYear=2025' },
  'GET /api/dx/analytics/export': { action: 'dxAnalytics.read', query: 'format=csv' },
  'GET /api/dx/analytics/communes.geojson': list('dxAnalytics.read'),
  'POST /api/dx/imports': list('dxImport.run'),
  'GET /api/dx/imports': list('dxImport.run'),
  'GET /api/dx/imports/:id': on('dxImport.run', 'none', { mayBeMissing: true }),
  'GET /api/dx/imports/:id/errors.csv': on('dxImport.run', 'none', { mayBeMissing: true }),
  // support programs: the viewer reads aggregates (programs, impact), an enterprise its own enrolments
  'GET /api/support-programs': list('supportProgram.read'),
  'POST /api/support-programs': list('supportProgram.manage'),
  'GET /api/support-programs/:id': on('supportProgram.read', 'supportProgram'),
  'PATCH /api/support-programs/:id': on('supportProgram.manage', 'supportProgram'),
  'GET /api/support-programs/:id/impact': on('supportImpact.read', 'supportProgram'),
  'POST /api/support-programs/:id/enrolments': on('supportProgram.manage', 'supportProgram'),
  'POST /api/support-programs/:id/enrolments/import': on('supportProgram.manage', 'supportProgram'),
  'GET /api/support-enrolments': list('supportEnrolment.read'),
  'GET /api/support-enrolments/:id': on('supportEnrolment.read', 'enrolment'),
  'PATCH /api/support-enrolments/:id': on('supportProgram.manage', 'enrolment'),
  'POST /api/support-enrolments/:id/support': on('supportProgram.manage', 'enrolment'),
  'PATCH /api/support-given/:id': on('supportProgram.manage', 'supportGiven'),
};

/** Statuses that say "you may, but not with this input / not in this state". */
// 428: a versioned write without If-Match / version is refused from the request alone, like a 400, before the
// record is read — so it reveals nothing about the record, and a denied caller may meet it first too
const inputOrState = new Set([400, 409, 413, 415, 422, 428]);

describe('authorization matrix', () => {
  it('answers every route for every kind of caller as the catalogue says', { timeout: 600_000 }, async () => {
    const s = ctx.services;
    const userOf = async (username: string) => await s.users.getByUsername(username);
    const unitStttt = await userOf('unit-stttt');
    const unitSkhdt = await userOf('unit-skhdt');
    const unitTtht = await userOf('unit-ttht');
    const team1 = await userOf('team1');
    const team2 = await userOf('team2');

    // another enterprise with its own account, and a spare account for the account-linking routes
    const otherTax = withCheckDigit('010977711')!;
    const e1 = await s.enterprises.get(SYSTEM_ACTOR, DEMO_ENTERPRISE_TAX_CODE);
    await s.enterprises.create(SYSTEM_ACTOR, {
      taxCode: otherTax,
      name: 'Công ty khác (thử)',
      communeCode: 'HN.00103',
      sectorCode: 'G',
      industryCode: '4651',
      address: 'Hà Nội',
      employees: 10,
      revenueVnd: 1_000_000_000,
      capitalVnd: 1_000_000_000,
    });
    const e2 = await s.enterprises.get(SYSTEM_ACTOR, otherTax);
    for (const username of ['enterprise-other', 'enterprise-spare']) {
      const u = await s.users.create(SYSTEM_ACTOR, {
        username,
        displayName: username,
        role: 'enterprise',
        password: DEMO_PASSWORD,
        orgUnitId: null,
        personId: null,
      });
      await s.enterprises.linkUser(SYSTEM_ACTOR, u.id, otherTax);
    }
    const spare = await userOf('enterprise-spare');

    const persona = (name: string, u: Awaited<ReturnType<typeof userOf>> | null, enterpriseId: string | null = null) =>
      ({
        name,
        username: u?.username ?? null,
        role: u?.role ?? null,
        orgUnitId: u?.orgUnitId ?? null,
        personId: u?.personId ?? null,
        enterpriseId,
      }) as Persona;
    const personas: Persona[] = [
      persona('admin', await userOf('admin')),
      persona('secretariat', await userOf('secretariat')),
      persona('team secretary (team 1)', team1),
      persona('member of the other team (team 2)', team2),
      persona('unit', unitStttt),
      persona('unit of another unit', unitSkhdt),
      persona('sub-unit', unitTtht),
      persona('viewer', await userOf('viewer')),
      persona('enterprise', await userOf('enterprise-demo'), e1.id),
      persona('another enterprise', await userOf('enterprise-other'), e2.id),
      persona('anonymous', null),
    ];
    for (const p of personas) if (p.username) p.cookie = await ctx.login(p.username);
    const admin = personas[0].cookie!;
    const secretariat = personas[1].cookie!;

    // inspections: team 1's issued one (Sở TT&TT) from the demo, and a new one of team 1 in progress with evidence
    const all = await s.inspections.list(SYSTEM_ACTOR, { limit: 500, offset: 0 });
    const issued = all.items.find((i) => i.target.id === unitStttt.orgUnitId && i.status !== 'planned')!;
    const issuedDetail = await s.inspections.get(SYSTEM_ACTOR, issued.id);
    // team 1's secretary sits on both the demo team 1 and this new team; nobody else of the personas does
    const { plan: newPlan, areas } = await f.plan();
    const newTeam = await f.team(newPlan.id, [{ personId: team1.personId!, role: 'secretary' }]);
    const newInspection = await f.inspection({
      planId: newPlan.id,
      teamId: newTeam.id,
      targetOrgUnitId: unitStttt.orgUnitId!,
      status: 'in_progress',
    });
    const inspId = newInspection.id;
    const area = areas[0].id;
    const up = await ctx.as(secretariat, {
      method: 'POST',
      url: `/api/inspections/${inspId}/assessments/${area}/evidence`,
      ...multipart('bien-ban.pdf', PDF),
    });
    expect(up.statusCode, up.body).toBe(201);
    const finding = await s.inspections.createFinding(SYSTEM_ACTOR, inspId, {
      contentAreaId: area,
      kind: 'strength',
      text: 'Có',
    });
    const inspFacts = (status: string) => (p: Persona) => ({
      orgUnitIds: [unitStttt.orgUnitId],
      teamRoles: (p.personId === team1.personId ? ['secretary'] : []) as TeamRole[],
      inspectionStatus: status,
    });

    // a spare team (no inspection work) with one target, for the plan-editing routes that delete
    const spareTeamId = (await f.team(issuedDetail.plan.id, [], 90 + Math.floor(Math.random() * 9))).id;
    const spareTarget = await f.inspection({ planId: issuedDetail.plan.id, teamId: spareTeamId });

    const fu = (await s.followUps.list(SYSTEM_ACTOR, { limit: 50, offset: 0 })).items[0];
    const rounds = (await s.reportingRounds.listRounds(SYSTEM_ACTOR, { limit: 50, offset: 0 })).items;
    const round = rounds.find((r) => r.status === 'open') ?? rounds[0];
    const roundUnits = (await s.reportingRounds.getRound(SYSTEM_ACTOR, round.id)).units.map((u) => u.orgUnit.id);
    const task = (await s.programTasks.list(SYSTEM_ACTOR, { limit: 50, offset: 0 })).items.find(
      (t) => t.leadUnit.id === unitSkhdt.orgUnitId,
    )!;
    const indicator = (await s.indicators.list({ limit: 1, offset: 0 })).items[0];
    const program = (await s.programs.list({ limit: 1, offset: 0 })).items[0];
    const person = (await s.people.list({ limit: 1, offset: 0 })).items[0];
    const assessment = (await s.dxAssessments.list(SYSTEM_ACTOR, { limit: 10, offset: 0 })).items.find(
      (a) => a.enterprise.taxCode === DEMO_ENTERPRISE_TAX_CODE,
    )!;
    const questionCode = 'Q1';
    const reportUnit = unitSkhdt.orgUnitId!;

    const enterpriseFacts = (p: Persona) => ({ enterpriseId: e1.id, actorEnterpriseId: p.enterpriseId });
    // a support program with the demo enterprise enrolled and some support given to it
    const supportProgram = await s.supportPrograms.create(SYSTEM_ACTOR, {
      name: 'Chương trình hỗ trợ (thử)',
      legalBasis: 'Nghị định 80/2021/NĐ-CP',
      periodFrom: '2024-01-01',
      periodTo: '2025-12-31',
      budgetVnd: 1_000_000_000,
      kinds: ['dx_solutions'],
    });
    const supportEnrolment = await s.supportPrograms.enrol(SYSTEM_ACTOR, supportProgram.id, {
      taxCode: DEMO_ENTERPRISE_TAX_CODE,
      enrolledOn: '2024-02-01',
    });
    const supportGiven = await s.supportPrograms.addSupport(SYSTEM_ACTOR, supportEnrolment.id, {
      kind: 'dx_solutions',
      provider: 'Nhà cung cấp (thử)',
      amountVnd: 10_000_000,
      givenOn: '2024-03-01',
    });
    const recs: Record<string, Rec> = {
      none: { params: { id: '00000000-0000-4000-8000-000000000000' }, facts: () => ({}) },
      user: { params: { id: spare.id }, facts: () => ({}) },
      orgUnit: { params: { id: unitSkhdt.orgUnitId! }, facts: () => ({ orgUnitIds: [unitSkhdt.orgUnitId] }) },
      person: { params: { id: person.id }, facts: () => ({}) },
      program: { params: { id: program.id }, facts: () => ({}) },
      plan: { params: { id: issuedDetail.plan.id }, facts: () => ({}) },
      spareTeam: { params: { id: spareTeamId, teamId: spareTeamId, inspectionId: spareTarget.id }, facts: () => ({}) },
      framework: { params: { code: 'DBI-SME', version: '1' }, facts: () => ({}) },
      insp: {
        params: { id: inspId, contentAreaId: area },
        facts: inspFacts('in_progress'),
      },
      issued: { params: { id: issued.id }, facts: inspFacts(issued.status) },
      followUp: { params: { id: fu.id }, facts: () => ({ orgUnitIds: [fu.addressee.id, unitStttt.orgUnitId] }) },
      followUpAddressee: { params: { id: fu.id }, facts: () => ({ orgUnitIds: [fu.addressee.id] }) },
      indicator: { params: { id: indicator.id }, facts: () => ({}) },
      task: {
        params: { id: task.id },
        facts: () => ({
          orgUnitIds: [
            task.leadUnit.id,
            task.delegatedUnit?.id,
            ...task.coordinatingUnits.map((u: { id: string }) => u.id),
          ],
        }),
      },
      taskReporter: {
        params: { id: task.id },
        facts: () => ({ orgUnitIds: [task.delegatedUnit?.id ?? task.leadUnit.id] }),
      },
      // a unit reads a round it reports in (its own report only)
      round: { params: { id: round.id }, facts: () => ({ orgUnitIds: roundUnits }) },
      report: {
        params: { id: round.id, orgUnitId: reportUnit, indicatorId: indicator.id },
        facts: () => ({ orgUnitIds: [reportUnit] }),
      },
      enterprise: { params: { taxCode: DEMO_ENTERPRISE_TAX_CODE, userId: spare.id }, facts: enterpriseFacts },
      assessment: { params: { id: assessment.id, questionCode }, facts: enterpriseFacts },
      supportProgram: { params: { id: supportProgram.id }, facts: () => ({}) },
      enrolment: { params: { id: supportEnrolment.id }, facts: enterpriseFacts },
      supportGiven: { params: { id: supportGiven.id }, facts: () => ({}) },
    };
    const idOf: Record<string, string> = {
      'GET /api/attachments/:id': up.json().id,
      'DELETE /api/attachments/:id': up.json().id,
      'PATCH /api/findings/:id': finding.id,
      'DELETE /api/findings/:id': finding.id,
    };

    const routes = ctx.app.routeTable.filter((r) => r.url.startsWith('/api/') || r.url === '/metrics');
    const missing = routes.map((r) => `${r.method} ${r.url}`).filter((k) => !matrix[k]);
    expect(missing, 'routes without a matrix entry').toEqual([]);

    // reads first, then writes, then deletes; logout last of all (it ends the session)
    const order = (m: string, url: string) =>
      url === '/api/auth/logout' ? 3 : m === 'GET' ? 0 : m === 'DELETE' ? 2 : 1;
    routes.sort((a, b) => order(a.method, a.url) - order(b.method, b.url));
    const failures: string[] = [];
    for (const r of routes) {
      const key = `${r.method} ${r.url}`;
      const entry = matrix[key];
      const rec = entry.on ? recs[entry.on] : undefined;
      const params: Record<string, string> = { ...(rec?.params ?? {}), ...(idOf[key] ? { id: idOf[key] } : {}) };
      const url =
        r.url.replace(/:(\w+)/g, (_, k: string) => params[k] ?? '00000000-0000-4000-8000-000000000000') +
        (entry.query ? `?${entry.query}` : '');
      for (const p of personas) {
        const allowed =
          entry.action === 'public'
            ? true
            : entry.action === 'session'
              ? !!p.role
              : !!p.role &&
                (rec
                  ? can({ role: p.role, orgUnitId: p.orgUnitId }, entry.action, rec.facts(p))
                  : grantOf(p.role, entry.action) !== undefined);
        const res = await ctx.app.inject({
          method: r.method as 'GET',
          url,
          headers: p.cookie ? { cookie: p.cookie } : {},
          ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }),
        });
        const st = res.statusCode;
        const write = r.method !== 'GET';
        const ok = allowed
          ? (st >= 200 && st < 300) ||
            inputOrState.has(st) ||
            (st === 404 && (entry.mayBeMissing || r.method === 'DELETE'))
          : st === 401 || st === 403 || st === 404 || (write && (st === 400 || st === 428));
        if (!ok)
          failures.push(`${key} as ${p.name}: ${st} (${allowed ? 'allowed' : 'denied'}) ${res.body.slice(0, 120)}`);
      }
    }
    void admin;
    expect(failures).toEqual([]);
  });
});
