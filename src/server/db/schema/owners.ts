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
} as const;

export type TableName = keyof typeof TABLE_OWNERS;

/**
 * Directory tables any module may join to READ (never write): the name of a unit, a person or an account beside a
 * row, and a unit's place in the tree. Asking their services row by row would turn every list (sorted, searched and
 * paged in SQL by these names) into N+1 queries for no gain in encapsulation: their shape is the directory's contract.
 */
export const SHARED_READS: readonly TableName[] = ['orgUnits', 'orgUnitSuccessors', 'people', 'users'];

/**
 * Reads of another module's tables that remain, by module: each is a debt to pay by asking the owner's service. The
 * test fails on a read not listed here and on an entry that is no longer needed, so this list only shrinks. Why each
 * remains, and which columns its owner keeps for it: docs/architecture.md, "Reading across modules".
 * Writes to another module's table are never allowed.
 */
export const KNOWN_FOREIGN_READS: Readonly<Record<string, readonly TableName[]>> = {
  // a read model over the inspections (counts by status, "my team's" work)
  dashboard: ['inspectionPlans', 'inspections', 'teamMembers'],
  // the follow-up list shows its inspection's target, plan and conclusion number
  'follow-ups': ['conclusions', 'inspectionPlans', 'inspections'],
  // plan lists show the program's code; objectivity checks read the team's other inspections
  'inspection-plans': ['programs', 'inspections'],
  // the workspace shows its plan, content areas, team and program
  inspections: ['contentAreas', 'inspectionPlans', 'inspectionTeams', 'programs', 'teamMembers'],
  'program-tasks': ['monitoringPlans'],
  'reporting-rounds': ['monitoringPlans'],
  // a finding link shows the finding, its inspection and the indicator or task it concerns
  'unit-overview': ['findings', 'indicators', 'inspections', 'programTasks'],
};
