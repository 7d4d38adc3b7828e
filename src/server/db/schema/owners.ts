// Which module owns each table: only the owner's files read or write it; the others ask the owner's service
// (docs/architecture.md, "Rules"). `src/server/db/table-ownership.test.ts` holds every module to this map.
// Not exported from ./index.ts: drizzle-kit reads that file for tables only.

export const TABLE_OWNERS = {
  // foundation
  orgUnits: 'org-units',
  orgUnitSuccessors: 'org-units',
  people: 'people',
  users: 'users',
  sessions: 'auth',
  loginThrottles: 'auth',
  auditEvents: 'audit',
  fileBlobs: 'files',
  numberSequences: 'inspections',
  idempotencyKeys: 'http', // src/server/http/idempotency.ts, outside modules/
  jobs: 'jobs', // src/server/jobs/, outside modules/: the job runner every module schedules through
  notifications: 'notifications',
  notificationPreferences: 'notifications',
  notificationSends: 'notifications',
  notificationDeliveries: 'notifications',
  // inspections
  programs: 'programs',
  programCommitteeMembers: 'programs',
  inspectionPlans: 'inspection-plans',
  contentAreas: 'inspection-plans',
  inspectionTeams: 'inspection-plans',
  teamMembers: 'inspection-plans',
  inspections: 'inspections',
  targetResponses: 'inspections',
  assessments: 'inspections',
  findings: 'inspections',
  conclusions: 'inspections',
  conclusionPdfs: 'inspections',
  followUps: 'follow-ups',
  followUpUpdates: 'follow-ups',
  // evidence of inspections and follow-ups, and of monitoring (reports, tasks): one module keeps every file
  attachments: 'files',
  monitoringAttachments: 'files',
  // monitoring
  programMonitoringSettings: 'indicators',
  monitoringPlans: 'indicators',
  indicators: 'indicators',
  indicatorUnits: 'indicators',
  indicatorTargets: 'indicators',
  programTasks: 'program-tasks',
  taskCoordinators: 'program-tasks',
  taskUpdates: 'program-tasks',
  reportingRounds: 'reporting-rounds',
  unitReports: 'reporting-rounds',
  reportValues: 'reporting-rounds',
  reportTaskProgress: 'reporting-rounds',
  reportEvents: 'reporting-rounds',
  findingLinks: 'unit-overview',
  // DX
  vsicCodes: 'enterprises',
  enterprises: 'enterprises',
  enterpriseUsers: 'enterprises',
  dxFrameworks: 'dx-frameworks',
  dxFrameworkVersions: 'dx-frameworks',
  dxAssessments: 'dx-assessments',
  dxRollups: 'dx-analytics',
  dxRollupsCity: 'dx-analytics',
  dxRollupsCommune: 'dx-analytics',
  dxImportJobs: 'dx-analytics',
  dxImportBatches: 'dx-analytics',
  dxImportFiles: 'dx-analytics',
  dxImportErrors: 'dx-analytics',
  // publication of follow-up status
  publications: 'publications',
  // DX support programs (issue 13 §2)
  supportPrograms: 'support-programs',
  supportEnrolments: 'support-programs',
  supportGiven: 'support-programs',
  // verification codes of issued documents (issue 14 §2): one registry, each kind's issued file kept by its owner
  verificationCodes: 'verification',
  roundSummaries: 'monitoring-dashboard',
  dxReports: 'dx-assessments',
} as const;

export type TableName = keyof typeof TABLE_OWNERS;

/**
 * Directory tables any module may join to READ (never write): the name of a unit, a person or an account beside a
 * row, and a unit's place in the tree. Asking their services row by row would turn every list (sorted, searched and
 * paged in SQL by these names) into N+1 queries for no gain in encapsulation: their shape is the directory's contract.
 */
export const SHARED_READS: readonly TableName[] = ['orgUnits', 'orgUnitSuccessors', 'people', 'users'];

// There is no list of tolerated foreign reads any more (it was `KNOWN_FOREIGN_READS`, emptied by paying each entry):
// a module that needs another's rows in its own statement joins a subquery the owner's service builds (its `views`,
// `codes`, `planCodes`…; docs/architecture.md, "Reading across modules"), so the gate allows no exception.
