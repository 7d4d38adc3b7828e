// The public surface of this feature: other features import only from here (eslint.config.js).
// Pages are lazy-loaded by the app shell from their own files.
export { ReportSupportCard } from './report-support-card';
