import type { ChangeFeed } from './db/change-feed.js';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import type { Clock } from './lib/clock.js';
import { createPublicationsRepo } from './modules/publications/publications.repo.js';
import { createPublicationsService } from './modules/publications/publications.service.js';
import { createSupportProgramsRepo } from './modules/support-programs/support-programs.repo.js';
import { createSupportProgramsService } from './modules/support-programs/support-programs.service.js';
import { createAuditRepo } from './modules/audit/audit.repo.js';
import { createAuditService } from './modules/audit/audit.service.js';
import { createAuthRepo } from './modules/auth/auth.repo.js';
import { createAuthService } from './modules/auth/auth.service.js';
import { createDashboardRepo } from './modules/dashboard/dashboard.repo.js';
import { createDashboardService } from './modules/dashboard/dashboard.service.js';
import { createFollowUpsRepo } from './modules/follow-ups/follow-ups.repo.js';
import { createFollowUpsService } from './modules/follow-ups/follow-ups.service.js';
import { createFilesService } from './modules/files/files.service.js';
import { createPdfConverter } from './modules/documents/pdf-convert.js';
import { createInspectionsRepo } from './modules/inspections/inspections.repo.js';
import { createInspectionsService, plannedInspections } from './modules/inspections/inspections.service.js';
import { createOrgUnitsRepo } from './modules/org-units/org-units.repo.js';
import { createOrgUnitsService } from './modules/org-units/org-units.service.js';
import { createPeopleRepo } from './modules/people/people.repo.js';
import { createPeopleService } from './modules/people/people.service.js';
import { createUsersRepo } from './modules/users/users.repo.js';
import { createUsersService } from './modules/users/users.service.js';
import { createInspectionPlansRepo } from './modules/inspection-plans/inspection-plans.repo.js';
import { createInspectionPlansService } from './modules/inspection-plans/inspection-plans.service.js';
import { createInspectionTeamsService } from './modules/inspection-plans/inspection-teams.service.js';
import { createObjectivityRepo } from './modules/inspection-plans/objectivity.repo.js';
import { createProgramsRepo } from './modules/programs/programs.repo.js';
import { createProgramsService } from './modules/programs/programs.service.js';
import { createDxFrameworksRepo } from './modules/dx-frameworks/dx-frameworks.repo.js';
import { createDxFrameworksService } from './modules/dx-frameworks/dx-frameworks.service.js';
import { createDxAssessmentsBulkRepo } from './modules/dx-assessments/dx-assessments-bulk.repo.js';
import { createDxAssessmentsRepo } from './modules/dx-assessments/dx-assessments.repo.js';
import { createDxAssessmentsService } from './modules/dx-assessments/dx-assessments.service.js';
import { applyRollupChange } from './modules/dx-analytics/rollup.repo.js';
import { createEnterprisesBulkRepo } from './modules/enterprises/enterprises-bulk.repo.js';
import { createEnterprisesRepo } from './modules/enterprises/enterprises.repo.js';
import { createEnterprisesService } from './modules/enterprises/enterprises.service.js';
import { createDxAnalyticsRepo } from './modules/dx-analytics/dx-analytics.repo.js';
import { createDxAnalyticsService } from './modules/dx-analytics/dx-analytics.service.js';
import { createImportRepo } from './modules/dx-analytics/import/import.repo.js';
import { createImportService } from './modules/dx-analytics/import/import.service.js';
import { createIndicatorsRepo } from './modules/indicators/indicators.repo.js';
import { createIndicatorsService } from './modules/indicators/indicators.service.js';
import { createProgramTasksRepo } from './modules/program-tasks/program-tasks.repo.js';
import { createProgramTasksService } from './modules/program-tasks/program-tasks.service.js';
import { createReportingRoundsRepo } from './modules/reporting-rounds/reporting-rounds.repo.js';
import { approvedValues, createReportingRoundsService } from './modules/reporting-rounds/reporting-rounds.service.js';
import { createMonitoringDashboardService } from './modules/monitoring-dashboard/monitoring-dashboard.service.js';
import { createFindingLinksRepo } from './modules/unit-overview/finding-links.repo.js';
import { createUnitOverviewService } from './modules/unit-overview/unit-overview.service.js';
import { createMyWorkService } from './modules/my-work/my-work.service.js';
import { createJobRunner } from './jobs/runner.js';
import { createSmtpMailer, type Mailer } from './modules/notifications/mailer.js';
import { createNotificationsRepo } from './modules/notifications/notifications.repo.js';
import { createNotificationsService } from './modules/notifications/notifications.service.js';
import { SYSTEM_ACTOR } from './http/authorize.js';
import { createVerificationRepo } from './modules/verification/verification.repo.js';
import { createVerificationService } from './modules/verification/verification.service.js';
import { createMonitoringDashboardRepo } from './modules/monitoring-dashboard/monitoring-dashboard.repo.js';

export interface Deps {
  db: Db;
  dbKind: 'pglite' | 'postgres';
  config: Config;
  clock: Clock;
  /** e-mail transport; default: Nodemailer over SMTP_URL when set, none otherwise */
  mailer?: Mailer;
  /** the database's committed writes (DbHandle.changes): what the read cache watches; without it nothing is cached */
  changes?: ChangeFeed;
}

/** Wires every feature's repo and service once; routes, seeds and scripts share the result. */
export function createServices({ db, dbKind, config, clock, mailer, changes }: Deps) {
  const audit = createAuditService({ repo: createAuditRepo() });
  // every issued document's verification code: minted here, /verify asks the kind's owner (created below)
  const verification = createVerificationService({
    db,
    repo: createVerificationRepo(),
    owners: {
      conclusion: (code, origin) => inspections.verify(code, origin),
      roundSummary: (code) => monitoringDashboard.verifySummary(code),
      dxReport: (code) => dxAssessments.verifyReport(code),
    },
  });
  // the address printed in issued documents' verification footer
  const verifyOrigin = config.publicOrigin ?? `http://localhost:${config.port}`;
  const orgUnitsRepo = createOrgUnitsRepo();
  const auth = createAuthService({
    db,
    repo: createAuthRepo(),
    audit,
    clock,
    sessionTtlHours: config.sessionTtlHours,
    sessionCacheMs: config.sessionCacheSeconds * 1000,
    login: config.login,
  });
  const orgUnits = createOrgUnitsService({ db, repo: orgUnitsRepo, audit });
  const people = createPeopleService({ db, repo: createPeopleRepo(), orgUnits, audit });
  const users = createUsersService({ db, repo: createUsersRepo(), audit, auth });
  const programs = createProgramsService({
    db,
    repo: createProgramsRepo(),
    orgUnits,
    audit,
    defaultEscalationDays: config.escalationDays,
  });
  const files = createFilesService({
    db,
    audit,
    // inspections and follow-ups (created below) keep their files here: they say who may see them
    scope: {
      inspection: (tx, id, personId) => inspections.evidenceScope(tx, id, personId),
      followUpAddressee: (tx, id) => followUps.addresseeOf(tx, id),
    },
  });
  // an inspection shows its plan, program, team and content areas: subqueries of their modules, joined in its own
  // statements (the plans' service is created below and asked at query time)
  const inspectionsRepo = createInspectionsRepo({
    plans: () => inspectionPlans.views.plans(),
    teams: () => inspectionPlans.views.teams(),
    members: () => inspectionPlans.views.members(),
    contentAreas: () => inspectionPlans.views.contentAreas(),
    teamIdsOf: (personId) => inspectionPlans.views.teamIdsOf(personId),
    programCodes: programs.codes,
  });
  const planned = plannedInspections(inspectionsRepo);
  const inspectionPlansRepo = createInspectionPlansRepo({
    programCodes: programs.codes,
    // the inspections' service is created below and asked at query time
    inspections: () => inspections.views.inspections(),
  });
  const inspectionPlans = createInspectionPlansService({
    db,
    repo: inspectionPlansRepo,
    // the inspections (created below, asked at query time) give their schedule as a subquery to join
    objectivity: createObjectivityRepo({ inspectionWindows: () => inspections.views.inspections() }),
    audit,
    inspections: planned,
    files,
    programs,
  });
  const inspectionTeams = createInspectionTeamsService({
    db,
    repo: inspectionPlansRepo,
    audit,
    inspections: planned,
    files,
  });
  const followUps = createFollowUpsService({
    db,
    // a follow-up shows its inspection's target, plan and conclusion: subqueries of their modules, joined in its
    // own statement (inspections is created below and asked at query time)
    repo: createFollowUpsRepo({
      inspections: () => inspections.views.inspections(),
      conclusions: () => inspections.views.conclusions(),
      plans: inspectionPlans.views.plans,
    }),
    audit,
    clock,
    files,
  });
  const inspections = createInspectionsService({
    db,
    repo: inspectionsRepo,
    audit,
    clock,
    files,
    plans: inspectionPlans,
    followUps,
    // notifications (created below) hear of issued conclusions through its port, not its repo
    notify: { conclusionIssued: (tx, e) => notifications.port.conclusionIssued(tx, e) },
    // the address printed in issued documents' verification footer
    publicOrigin: config.publicOrigin,
    codes: verification,
    // issued versions' PDF: LibreOffice when the server has it, signed when SIGNING_P12 is set
    pdf: {
      convert: config.pdf.converter
        ? createPdfConverter({ command: config.pdf.converter, timeoutMs: config.pdf.timeoutMs })
        : null,
      signing: config.pdf.signing,
    },
  });
  const dashboard = createDashboardService({
    db,
    repo: createDashboardRepo({
      inspections: inspections.views.inspections,
      plans: inspectionPlans.views.plans,
      teamIdsOf: inspectionPlans.views.teamIdsOf,
    }),
    followUps,
  });
  const enterprises = createEnterprisesService({
    db,
    repo: createEnterprisesRepo(),
    bulk: createEnterprisesBulkRepo(),
    audit,
  });
  const dxFrameworks = createDxFrameworksService({ db, repo: createDxFrameworksRepo(), audit, clock, changes });
  const dxAssessments = createDxAssessmentsService({
    db,
    repo: createDxAssessmentsRepo(),
    bulk: createDxAssessmentsBulkRepo(),
    audit,
    clock,
    frameworks: dxFrameworks,
    enterprises,
    // peerCell: the analytics service (created below) decides, with the same small-cell rule as its breakdowns
    rollup: { apply: applyRollupChange, peerCell: (cell) => dxAnalytics.peerCell(cell) },
    files,
    // notifications (created below) tell the enterprise of a review through its port
    notify: { assessmentReviewed: (tx, e) => notifications.port.assessmentReviewed(tx, e) },
    // a verified assessment's report is issued with a verification code
    codes: verification,
    verifyOrigin,
  });
  const dxAnalytics = createDxAnalyticsService({
    db,
    repo: createDxAnalyticsRepo(),
    reference: { frameworks: dxFrameworks, enterprises },
    suppressBelow: config.dxSuppressBelow,
    // the change measure's firms and their change since the previous assessment, from their owner
    changes: { changeFacts: (versionId, year) => dxAssessments.changeFacts(versionId, year) },
    // the support programs' enrolments (created below, asked at query time) for grouping the change by program
    supportEnrolments: {
      enrolments: () => supportPrograms.views.enrolments(),
      names: (ids) => supportPrograms.names(ids),
    },
  });
  const dxImports = createImportService({
    db,
    repo: createImportRepo(),
    audit,
    writers: { enterprises, dxAssessments, dxFrameworks },
    demoEnterprises: config.dxDemoEnterprises,
    staleAfterMs: config.dxImportStaleMs,
    // PGlite: one process per data directory, so at start every running job is an orphan
    singleProcess: dbKind === 'pglite',
  });
  // the rounds join the plans' codes that indicators (created below, asked at query time) builds as a subquery
  const reportingRoundsRepo = createReportingRoundsRepo({ planCodes: () => indicators.planCodes() });
  const indicators = createIndicatorsService({
    db,
    repo: createIndicatorsRepo(),
    audit,
    programs,
    approvedValues: approvedValues(reportingRoundsRepo),
  });
  const programTasks = createProgramTasksService({
    db,
    repo: createProgramTasksRepo({ planCodes: indicators.planCodes }),
    audit,
    clock,
    files,
    indicators,
  });
  const reportingRounds = createReportingRoundsService({
    db,
    repo: reportingRoundsRepo,
    audit,
    clock,
    files,
    indicators,
    tasks: programTasks,
    notify: {
      reportReviewed: (tx, e) => notifications.port.reportReviewed(tx, e),
      reportRevised: (tx, e) => notifications.port.reportRevised(tx, e),
    },
    // closing a round issues its summary (monitoring-dashboard, created below, renders and keeps it)
    roundClosed: (actor, id) => monitoringDashboard.issueRoundSummary(actor, id),
  });
  const jobs = createJobRunner({ db, clock });
  const notifications = createNotificationsService({
    db,
    repo: createNotificationsRepo(),
    audit,
    clock,
    jobs,
    mailer: mailer ?? (config.mail.smtpUrl ? createSmtpMailer(config.mail.smtpUrl, config.mail.from) : undefined),
    origin: config.publicOrigin ?? `http://localhost:${config.port}`,
    escalationDays: config.escalationDays,
    sources: {
      reports: () => reportingRounds.reminders(SYSTEM_ACTOR),
      followUps: (days) => followUps.dueForReminders(days),
      enterpriseAccounts: (tx, enterpriseId) => enterprises.accountIds(enterpriseId, tx),
      assessmentYearOpen: (year) => dxAssessments.yearOpenFor(year),
      escalationDays: (programIds) => programs.escalationDays(programIds),
    },
  });
  const monitoringDashboard = createMonitoringDashboardService({
    db,
    repo: createMonitoringDashboardRepo(),
    codes: verification,
    verifyOrigin,
    clock,
    indicators,
    tasks: programTasks,
    reporting: reportingRounds,
    orgUnits,
  });
  const unitOverview = createUnitOverviewService({
    db,
    links: createFindingLinksRepo({
      findings: inspections.views.findings,
      inspections: inspections.views.inspections,
      indicators: indicators.names,
      tasks: programTasks.titles,
    }),
    audit,
    orgUnits,
    indicators,
    tasks: programTasks,
    reporting: reportingRounds,
    inspections,
    followUps,
  });
  const myWork = createMyWorkService({
    clock,
    followUps,
    programTasks,
    reportingRounds,
    inspections,
    dxAssessments,
  });
  const publications = createPublicationsService({
    db,
    repo: createPublicationsRepo(),
    audit,
    clock,
    inspections,
    programs,
    followUps,
  });
  // DX support programs: firms' scores from the assessments, the small-cell rule from the analytics
  const supportPrograms = createSupportProgramsService({
    db,
    repo: createSupportProgramsRepo(),
    audit,
    enterprises,
    assessments: dxAssessments,
    analytics: dxAnalytics,
  });
  // the audit log shows each record by its name and links to its page: each module names its own
  audit.describe({
    ...programs.auditSubjects,
    ...inspectionPlans.auditSubjects,
    ...inspections.auditSubjects,
    ...followUps.auditSubjects,
    ...indicators.auditSubjects,
    ...programTasks.auditSubjects,
    ...reportingRounds.auditSubjects,
    ...enterprises.auditSubjects,
    ...dxFrameworks.auditSubjects,
    ...dxAssessments.auditSubjects,
    ...publications.auditSubjects,
    ...supportPrograms.auditSubjects,
  });
  return {
    audit,
    verification,
    auth,
    orgUnits,
    people,
    users,
    programs,
    inspectionPlans,
    inspectionTeams,
    followUps,
    dashboard,
    files,
    inspections,
    indicators,
    programTasks,
    reportingRounds,
    monitoringDashboard,
    unitOverview,
    myWork,
    publications,
    enterprises,
    dxFrameworks,
    dxAssessments,
    dxAnalytics,
    dxImports,
    jobs,
    notifications,
    supportPrograms,
  };
}
export type Services = ReturnType<typeof createServices>;
