// Where the web app shows each kind of record: one source for the links the server hands out (my work, the audit
// log, notifications) and the routes that serve them (src/web/routes.tsx).
export const recordPath = {
  orgUnit: (id: string) => `/org-units/${id}/overview`,
  program: (id: string) => `/programs/${id}`,
  inspectionPlan: (id: string) => `/inspection-plans/${id}`,
  inspection: (id: string) => `/inspections/${id}`,
  followUp: (id: string) => `/follow-ups?id=${id}`,
  reportingRound: (id: string) => `/reporting-rounds/${id}`,
  unitReport: (roundId: string, orgUnitId: string) => `/reporting-rounds/${roundId}/reports/${orgUnitId}`,
  programTask: (id: string) => `/program-tasks?id=${id}`,
  indicators: () => '/indicators',
  enterprise: (taxCode: string) => `/enterprises?taxCode=${encodeURIComponent(taxCode)}`,
  dxAssessment: (id: string) => `/dx-assessments/${id}`,
  dxAssessments: () => '/dx-assessments',
  dxFrameworks: () => '/dx-frameworks',
  people: () => '/people',
  users: () => '/users',
  // no login: what the secretariat has published of a program's follow-up status
  publicProgram: (id: string) => `/public/programs/${id}`,
} as const;
