import { z } from 'zod';
import { auditEvent, auditListQuery } from './audit.js';
import {
  notificationListQuery,
  notificationPage,
  notificationPreferences,
  notificationPreferencesInput,
  notificationSend,
  notificationSendQuery,
  readAllResponse,
} from './notifications.js';
import { healthResponse, readyResponse } from './system.js';
import { loginBody, meResponse, passwordChangeBody, sessionList, sessionProbe, sessionsEnded } from './auth.js';
import { idParams, okResponse, pageOf } from '../fields.js';
import { orgUnit, orgUnitDetail, orgUnitInput, orgUnitListQuery, orgUnitPatch } from './org-units.js';
import { person, personInput, personListQuery, personPatch } from './people.js';
import { userAccount, userInput, userListQuery, userPatch } from './users.js';
import { committeeInput, program, programDetail, programInput, programListQuery, programPatch } from './programs.js';
import {
  planDetail,
  planInput,
  planListItem,
  planListQuery,
  planPatch,
  target,
  targetInput,
  targetParams,
  targetPatch,
  team,
  teamInput,
  teamPatch,
} from './inspection-plans.js';
import {
  followUpAcceptanceInput,
  followUpDetail,
  followUpItem,
  followUpListQuery,
  followUpUpdateInput,
} from './follow-ups.js';
import {
  assessmentInput,
  assessmentParams,
  attachment,
  inspectionDetail,
  inspectionListItem,
  inspectionListQuery,
  inspectionResponse,
  responseInput,
  savedAssessment,
  transitionInput,
} from './inspections.js';
import { finding, findingInput, findingPatch } from './findings.js';
import {
  conclusionDocxQuery,
  correctionInput,
  issuedConclusion,
  issueInput,
  verificationParams,
  verifiedDocument,
} from './conclusions.js';
import { dashboard } from './dashboard.js';
import {
  enterpriseAccount,
  enterpriseAccountQuery,
  enterpriseDetail,
  enterpriseInput,
  enterpriseItem,
  enterpriseListQuery,
  enterprisePatch,
  linkAccountParams,
  resolveCommuneInput,
  taxCodeParams,
  vsicCode,
  vsicListQuery,
} from './enterprises.js';
import {
  diffQuery,
  frameworkCodeParams,
  frameworkDefinitionJson,
  frameworkDiff,
  frameworkSummary,
  frameworkVersionParams,
  frameworkVersionResult,
  scoreRequest,
  scoreSnapshot,
} from './dx-frameworks.js';
import {
  answersPatchInput,
  assessmentDetail,
  assessmentItem,
  assessmentListQuery,
  assessmentReport,
  assessmentStartInput,
  questionEvidenceParams,
  rescoreInput,
  rescoreResult,
  returnInput,
  verifyInput,
} from './dx-assessments.js';
import {
  analyticsOptions,
  breakdownQuery,
  breakdownResult,
  exportQuery,
  importJob,
  importStartQuery,
  moversQuery,
  changeQuery,
  changeResult,
  moversResult,
} from './dx-analytics.js';
import { indicator, indicatorInput, indicatorListQuery, indicatorPatch } from './indicators.js';
import {
  dashboardExportQuery,
  dashboardQuery,
  findingLink,
  findingLinkInput,
  findingLinkQuery,
  monitoringDashboard,
  monitoringPlan,
  planInput as monitoringPlanInput,
  programFilterQuery,
  reminder,
  programThresholds,
  thresholdsInput,
  unitOverview,
} from './monitoring.js';
import {
  monitoringFile,
  task,
  taskDetail,
  taskInput,
  taskListQuery,
  taskPatch,
  taskProgressInput,
} from './program-tasks.js';
import {
  reportDetail,
  reportListItem,
  reportListQuery,
  reportParams,
  reportReviewInput,
  reportRevisionInput,
  reportSaveInput,
  reportSubmitBody,
  round,
  roundDetail,
  roundInput,
  roundListQuery,
  roundPatch,
  valueEvidenceParams,
} from './reporting-rounds.js';
import { myWork } from './my-work.js';
import { publicationState, publicFeed, publicProgramList, publishInput, withdrawInput } from './publications.js';
import {
  enrolment,
  enrolmentImportResult,
  enrolmentInput,
  enrolmentListQuery,
  enrolmentPatch,
  impactResult,
  supportGiven,
  supportGivenInput,
  supportGivenPatch,
  supportProgram,
  supportProgramDetail,
  supportProgramInput,
  supportProgramListQuery,
  supportProgramPatch,
} from './support-programs.js';

/**
 * Every API route: method and path (path parameters as `{name}`, as in the OpenAPI document), with the zod schemas of
 * its path parameters, query, JSON body and responses. The one description of the API that both sides hold to:
 * - the server: `src/server/http/api-routes.test.ts` fails when a registered route is missing here, or when a route's
 *   schemas differ from its entry (compared as JSON Schema), or when an entry names no registered route;
 * - the web: `src/web/api/client.ts` takes its paths and types from this table (type-only import: no schema reaches the
 *   bundle), so a renamed path, parameter or field breaks `tsc`.
 * Responses travel as JSON: the web sees `Wire<z.output<schema>>` (timestamps as ISO strings).
 * `upload`: a multipart/form-data body with one part `file` (read as a stream, so no body schema). A GET without a
 * response schema answers a file (DOCX, XLSX, CSV, an attachment).
 */
export const apiRoutes = {
  'GET /api/health': { response: { 200: healthResponse } },
  'GET /api/ready': { response: { 200: readyResponse, 503: readyResponse } },
  'POST /api/auth/login': { body: loginBody, response: { 200: meResponse } },
  'POST /api/auth/logout': { response: { 200: okResponse } },
  'GET /api/auth/me': { response: { 200: meResponse } },
  'GET /api/auth/session': { response: { 200: sessionProbe } },
  'POST /api/auth/password': { body: passwordChangeBody, response: { 200: okResponse } },
  'GET /api/auth/sessions': { response: { 200: sessionList } },
  'DELETE /api/auth/sessions': { response: { 200: sessionsEnded } },
  'DELETE /api/auth/sessions/{id}': { params: idParams, response: { 200: okResponse } },
  'GET /api/audit-events': { querystring: auditListQuery, response: { 200: pageOf(auditEvent) } },
  'GET /api/notifications': { querystring: notificationListQuery, response: { 200: notificationPage } },
  'POST /api/notifications/{id}/read': { params: idParams, response: { 200: okResponse } },
  'POST /api/notifications/read-all': { response: { 200: readAllResponse } },
  'GET /api/notification-preferences': { response: { 200: notificationPreferences } },
  'PUT /api/notification-preferences': {
    body: notificationPreferencesInput,
    response: { 200: notificationPreferences },
  },
  'GET /api/notification-sends': { querystring: notificationSendQuery, response: { 200: pageOf(notificationSend) } },
  'GET /api/org-units': { querystring: orgUnitListQuery, response: { 200: pageOf(orgUnit) } },
  'GET /api/org-units/{id}': { params: idParams, response: { 200: orgUnitDetail } },
  'POST /api/org-units': { body: orgUnitInput, response: { 201: orgUnitDetail } },
  'PATCH /api/org-units/{id}': { params: idParams, body: orgUnitPatch, response: { 200: orgUnitDetail } },
  'GET /api/people': { querystring: personListQuery, response: { 200: pageOf(person) } },
  'GET /api/people/{id}': { params: idParams, response: { 200: person } },
  'POST /api/people': { body: personInput, response: { 201: person } },
  'PATCH /api/people/{id}': { params: idParams, body: personPatch, response: { 200: person } },
  'GET /api/users': { querystring: userListQuery, response: { 200: pageOf(userAccount) } },
  'GET /api/users/{id}': { params: idParams, response: { 200: userAccount } },
  'POST /api/users': { body: userInput, response: { 201: userAccount } },
  'PATCH /api/users/{id}': { params: idParams, body: userPatch, response: { 200: userAccount } },
  'GET /api/programs': { querystring: programListQuery, response: { 200: pageOf(program) } },
  'GET /api/programs/{id}': { params: idParams, response: { 200: programDetail } },
  'POST /api/programs': { body: programInput, response: { 201: programDetail } },
  'PATCH /api/programs/{id}': { params: idParams, body: programPatch, response: { 200: programDetail } },
  'PUT /api/programs/{id}/committee': { params: idParams, body: committeeInput, response: { 200: programDetail } },
  'GET /api/inspection-plans': { querystring: planListQuery, response: { 200: pageOf(planListItem) } },
  'GET /api/inspection-plans/{id}': { params: idParams, response: { 200: planDetail } },
  'POST /api/inspection-plans': { body: planInput, response: { 201: planDetail } },
  'PATCH /api/inspection-plans/{id}': { params: idParams, body: planPatch, response: { 200: planDetail } },
  'GET /api/inspection-plans/{id}/export.docx': { params: idParams },
  'GET /api/inspection-plans/{id}/export.xlsx': { params: idParams },
  'POST /api/inspection-plans/{id}/teams': { params: idParams, body: teamInput, response: { 201: team } },
  'PATCH /api/inspection-teams/{id}': { params: idParams, body: teamPatch, response: { 200: team } },
  'DELETE /api/inspection-teams/{id}': { params: idParams, response: { 200: okResponse } },
  'POST /api/inspection-teams/{id}/targets': { params: idParams, body: targetInput, response: { 201: target } },
  'PATCH /api/inspection-teams/{teamId}/targets/{inspectionId}': {
    params: targetParams,
    body: targetPatch,
    response: { 200: target },
  },
  'DELETE /api/inspection-teams/{teamId}/targets/{inspectionId}': {
    params: targetParams,
    response: { 200: okResponse },
  },
  'GET /api/follow-ups': { querystring: followUpListQuery, response: { 200: pageOf(followUpItem) } },
  'GET /api/follow-ups/{id}': { params: idParams, response: { 200: followUpDetail } },
  'POST /api/follow-ups/{id}/updates': {
    params: idParams,
    body: followUpUpdateInput,
    response: { 200: followUpDetail },
  },
  'POST /api/follow-ups/{id}/evidence': { params: idParams, upload: true, response: { 201: followUpDetail } },
  'POST /api/follow-ups/{id}/acceptance': {
    params: idParams,
    body: followUpAcceptanceInput,
    response: { 200: followUpDetail },
  },
  'GET /api/inspections/{id}/publication': { params: idParams, response: { 200: publicationState } },
  'PUT /api/inspections/{id}/publication': {
    params: idParams,
    body: publishInput,
    response: { 200: publicationState },
  },
  'POST /api/inspections/{id}/publication/withdrawal': {
    params: idParams,
    body: withdrawInput,
    response: { 200: publicationState },
  },
  'GET /api/public/programs': { response: { 200: publicProgramList } },
  'GET /api/public/programs/{id}/recommendations': { params: idParams, response: { 200: publicFeed } },
  'GET /api/inspections': { querystring: inspectionListQuery, response: { 200: pageOf(inspectionListItem) } },
  'GET /api/inspections/{id}': { params: idParams, response: { 200: inspectionDetail } },
  'PUT /api/inspections/{id}/assessments/{contentAreaId}': {
    params: assessmentParams,
    body: assessmentInput,
    response: { 200: savedAssessment },
  },
  'POST /api/inspections/{id}/assessments/{contentAreaId}/evidence': {
    params: assessmentParams,
    upload: true,
    response: { 201: attachment },
  },
  'DELETE /api/attachments/{id}': { params: idParams, response: { 200: okResponse } },
  'POST /api/inspections/{id}/findings': { params: idParams, body: findingInput, response: { 201: finding } },
  'PATCH /api/findings/{id}': { params: idParams, body: findingPatch, response: { 200: finding } },
  'DELETE /api/findings/{id}': { params: idParams, response: { 200: okResponse } },
  'POST /api/inspections/{id}/transitions': {
    params: idParams,
    body: transitionInput,
    response: { 200: inspectionDetail },
  },
  'POST /api/inspections/{id}/responses': {
    params: idParams,
    body: responseInput,
    response: { 201: inspectionResponse },
  },
  'POST /api/inspections/{id}/conclusion': { params: idParams, body: issueInput, response: { 201: issuedConclusion } },
  'POST /api/inspections/{id}/conclusion/corrections': {
    params: idParams,
    body: correctionInput,
    response: { 201: issuedConclusion },
  },
  'GET /api/inspections/{id}/conclusion.docx': { params: idParams, querystring: conclusionDocxQuery },
  'GET /api/inspections/{id}/conclusion.pdf': { params: idParams, querystring: conclusionDocxQuery },
  'GET /api/public/verify/{code}': { params: verificationParams, response: { 200: verifiedDocument } },
  'GET /api/attachments/{id}': { params: idParams },
  'GET /api/dashboard': { response: { 200: dashboard } },
  'GET /api/enterprises': { querystring: enterpriseListQuery, response: { 200: pageOf(enterpriseItem) } },
  'POST /api/enterprises': { body: enterpriseInput, response: { 201: enterpriseDetail } },
  'GET /api/enterprises/me': { response: { 200: enterpriseDetail } },
  'GET /api/enterprises/accounts': {
    querystring: enterpriseAccountQuery,
    response: { 200: z.array(enterpriseAccount) },
  },
  'GET /api/enterprises/{taxCode}': { params: taxCodeParams, response: { 200: enterpriseDetail } },
  'PATCH /api/enterprises/{taxCode}': {
    params: taxCodeParams,
    body: enterprisePatch,
    response: { 200: enterpriseDetail },
  },
  'POST /api/enterprises/{taxCode}/resolve-commune': {
    params: taxCodeParams,
    body: resolveCommuneInput,
    response: { 200: enterpriseDetail },
  },
  'GET /api/enterprises/{taxCode}/accounts': {
    params: taxCodeParams,
    querystring: enterpriseAccountQuery,
    response: { 200: z.array(enterpriseAccount) },
  },
  'PUT /api/enterprises/{taxCode}/accounts/{userId}': {
    params: linkAccountParams,
    response: { 200: enterpriseDetail },
  },
  'DELETE /api/enterprises/{taxCode}/accounts/{userId}': {
    params: linkAccountParams,
    response: { 200: enterpriseDetail },
  },
  'GET /api/vsic-codes': { querystring: vsicListQuery, response: { 200: z.array(vsicCode) } },
  'GET /api/dx/frameworks': { response: { 200: z.array(frameworkSummary) } },
  'GET /api/dx/frameworks/{code}': { params: frameworkCodeParams, response: { 200: frameworkDefinitionJson } },
  'GET /api/dx/frameworks/{code}/versions/{version}': {
    params: frameworkVersionParams,
    response: { 200: frameworkDefinitionJson },
  },
  'POST /api/dx/frameworks/{code}/score': {
    params: frameworkCodeParams,
    body: scoreRequest,
    response: { 200: scoreSnapshot },
  },
  'POST /api/dx/frameworks/import': { body: frameworkDefinitionJson, response: { 201: frameworkVersionResult } },
  'POST /api/dx/frameworks/{code}/versions/{version}/publish': {
    params: frameworkVersionParams,
    response: { 200: frameworkVersionResult },
  },
  'GET /api/dx/frameworks/{code}/diff': {
    params: frameworkCodeParams,
    querystring: diffQuery,
    response: { 200: frameworkDiff },
  },
  'GET /api/dx/assessments': { querystring: assessmentListQuery, response: { 200: pageOf(assessmentItem) } },
  'POST /api/dx/assessments': { body: assessmentStartInput, response: { 201: assessmentDetail } },
  'GET /api/dx/assessments/{id}': { params: idParams, response: { 200: assessmentDetail } },
  'PATCH /api/dx/assessments/{id}/answers': {
    params: idParams,
    body: answersPatchInput,
    response: { 200: assessmentDetail },
  },
  'POST /api/dx/assessments/{id}/submit': { params: idParams, response: { 200: assessmentDetail } },
  'POST /api/dx/assessments/{id}/verify': { params: idParams, body: verifyInput, response: { 200: assessmentDetail } },
  'POST /api/dx/assessments/{id}/return': { params: idParams, body: returnInput, response: { 200: assessmentDetail } },
  'POST /api/dx/assessments/{id}/rescore': { params: idParams, body: rescoreInput, response: { 200: rescoreResult } },
  'POST /api/dx/assessments/{id}/evidence/{questionCode}': {
    params: questionEvidenceParams,
    upload: true,
    response: { 200: assessmentDetail },
  },
  'GET /api/dx/assessments/{id}/evidence/{questionCode}': { params: questionEvidenceParams },
  'GET /api/dx/assessments/{id}/report': { params: idParams, response: { 200: assessmentReport } },
  'GET /api/dx/assessments/{id}/report.docx': { params: idParams },
  'GET /api/dx/analytics/options': { response: { 200: analyticsOptions } },
  'GET /api/dx/analytics/breakdown': { querystring: breakdownQuery, response: { 200: breakdownResult } },
  'GET /api/dx/analytics/movers': { querystring: moversQuery, response: { 200: moversResult } },
  'GET /api/dx/analytics/change': { querystring: changeQuery, response: { 200: changeResult } },
  'GET /api/dx/analytics/export': { querystring: exportQuery },
  // GeoJSON of the 2025 communes: the server does not describe its shape (the map reads it as a FeatureCollection)
  'GET /api/dx/analytics/communes.geojson': { response: { 200: z.unknown() } },
  'POST /api/dx/imports': { querystring: importStartQuery, upload: true, response: { 202: importJob } },
  'GET /api/dx/imports': { response: { 200: z.array(importJob) } },
  'GET /api/dx/imports/{id}': { params: idParams, response: { 200: importJob } },
  'GET /api/dx/imports/{id}/errors.csv': { params: idParams },
  'GET /api/support-programs': { querystring: supportProgramListQuery, response: { 200: pageOf(supportProgram) } },
  'POST /api/support-programs': { body: supportProgramInput, response: { 201: supportProgramDetail } },
  'GET /api/support-programs/{id}': { params: idParams, response: { 200: supportProgramDetail } },
  'PATCH /api/support-programs/{id}': {
    params: idParams,
    body: supportProgramPatch,
    response: { 200: supportProgramDetail },
  },
  'GET /api/support-programs/{id}/impact': { params: idParams, response: { 200: impactResult } },
  'POST /api/support-programs/{id}/enrolments': {
    params: idParams,
    body: enrolmentInput,
    response: { 201: enrolment },
  },
  'POST /api/support-programs/{id}/enrolments/import': {
    params: idParams,
    upload: true,
    response: { 200: enrolmentImportResult },
  },
  'GET /api/support-enrolments': { querystring: enrolmentListQuery, response: { 200: pageOf(enrolment) } },
  'GET /api/support-enrolments/{id}': { params: idParams, response: { 200: enrolment } },
  'PATCH /api/support-enrolments/{id}': { params: idParams, body: enrolmentPatch, response: { 200: enrolment } },
  'POST /api/support-enrolments/{id}/support': {
    params: idParams,
    body: supportGivenInput,
    response: { 201: supportGiven },
  },
  'PATCH /api/support-given/{id}': { params: idParams, body: supportGivenPatch, response: { 200: supportGiven } },
  'GET /api/indicators': { querystring: indicatorListQuery, response: { 200: pageOf(indicator) } },
  'GET /api/indicators/{id}': { params: idParams, response: { 200: indicator } },
  'POST /api/indicators': { body: indicatorInput, response: { 201: indicator } },
  'PATCH /api/indicators/{id}': { params: idParams, body: indicatorPatch, response: { 200: indicator } },
  'GET /api/monitoring-plans': { querystring: programFilterQuery, response: { 200: z.array(monitoringPlan) } },
  'POST /api/monitoring-plans': { body: monitoringPlanInput, response: { 201: monitoringPlan } },
  'GET /api/programs/{id}/monitoring-thresholds': { params: idParams, response: { 200: programThresholds } },
  'PUT /api/programs/{id}/monitoring-thresholds': {
    params: idParams,
    body: thresholdsInput,
    response: { 200: programThresholds },
  },
  'GET /api/program-tasks': { querystring: taskListQuery, response: { 200: pageOf(task) } },
  'GET /api/program-tasks/{id}': { params: idParams, response: { 200: taskDetail } },
  'POST /api/program-tasks': { body: taskInput, response: { 201: task } },
  'PATCH /api/program-tasks/{id}': { params: idParams, body: taskPatch, response: { 200: taskDetail } },
  'POST /api/program-tasks/{id}/updates': { params: idParams, body: taskProgressInput, response: { 200: taskDetail } },
  'POST /api/program-tasks/{id}/evidence': { params: idParams, upload: true, response: { 201: taskDetail } },
  'GET /api/my-work': { response: { 200: myWork } },
  'GET /api/unit-reports': { querystring: reportListQuery, response: { 200: pageOf(reportListItem) } },
  'GET /api/reporting-rounds': { querystring: roundListQuery, response: { 200: pageOf(round) } },
  'POST /api/reporting-rounds': { body: roundInput, response: { 201: roundDetail } },
  'GET /api/reporting-rounds/{id}': { params: idParams, response: { 200: roundDetail } },
  'PATCH /api/reporting-rounds/{id}': { params: idParams, body: roundPatch, response: { 200: roundDetail } },
  'GET /api/reporting-reminders': { querystring: programFilterQuery, response: { 200: z.array(reminder) } },
  'GET /api/reporting-rounds/{id}/reports/{orgUnitId}': { params: reportParams, response: { 200: reportDetail } },
  'PUT /api/reporting-rounds/{id}/reports/{orgUnitId}': {
    params: reportParams,
    body: reportSaveInput,
    response: { 200: reportDetail },
  },
  'POST /api/reporting-rounds/{id}/reports/{orgUnitId}/submit': {
    params: reportParams,
    body: reportSubmitBody,
    response: { 200: reportDetail },
  },
  'POST /api/reporting-rounds/{id}/reports/{orgUnitId}/review': {
    params: reportParams,
    body: reportReviewInput,
    response: { 200: reportDetail },
  },
  'POST /api/reporting-rounds/{id}/reports/{orgUnitId}/revisions': {
    params: reportParams,
    body: reportRevisionInput,
    response: { 200: reportDetail },
  },
  'GET /api/reporting-rounds/{id}/reports/{orgUnitId}/template.xlsx': { params: reportParams },
  'POST /api/reporting-rounds/{id}/reports/{orgUnitId}/import.xlsx': {
    params: reportParams,
    upload: true,
    response: { 200: reportDetail },
  },
  'POST /api/reporting-rounds/{id}/reports/{orgUnitId}/evidence': {
    params: reportParams,
    upload: true,
    response: { 201: reportDetail },
  },
  'GET /api/reporting-rounds/{id}/reports/{orgUnitId}/values/{indicatorId}/evidence': {
    params: valueEvidenceParams,
    response: { 200: z.array(monitoringFile) },
  },
  'POST /api/reporting-rounds/{id}/reports/{orgUnitId}/values/{indicatorId}/evidence': {
    params: valueEvidenceParams,
    upload: true,
    response: { 201: z.array(monitoringFile) },
  },
  'GET /api/monitoring-files/{id}': { params: idParams },
  'GET /api/monitoring/dashboard': { querystring: dashboardQuery, response: { 200: monitoringDashboard } },
  'GET /api/monitoring/dashboard.xlsx': { querystring: dashboardExportQuery },
  'GET /api/reporting-rounds/{id}/summary.docx': { params: idParams },
  'GET /api/org-units/{id}/overview': { params: idParams, response: { 200: unitOverview } },
  'GET /api/finding-links': { querystring: findingLinkQuery, response: { 200: z.array(findingLink) } },
  'POST /api/finding-links': { body: findingLinkInput, response: { 201: findingLink } },
  'DELETE /api/finding-links/{id}': { params: idParams },
} as const satisfies Record<string, ApiRoute>;

export interface ApiRoute {
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response?: Partial<Record<number, z.ZodType>>;
  upload?: true;
}
export type ApiRoutes = typeof apiRoutes;
