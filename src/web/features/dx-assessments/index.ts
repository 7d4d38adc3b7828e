// The public surface of this feature: other features import only from here (eslint.config.js).
// Pages are not listed: the app shell lazy-loads them from their own files (routes.tsx).
export { useAssessments, useStartAssessment } from './api';
export { AssessmentTable } from './assessment-table';
export { AssessmentTimelineCard } from './assessment-timeline';
