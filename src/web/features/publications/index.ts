// The public surface of this feature: other features import only from here (eslint.config.js).
// Pages are not listed: the app shell lazy-loads them from their own files (app.tsx).
export { PublicationCard } from './publication-card';
