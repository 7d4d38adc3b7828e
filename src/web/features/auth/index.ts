// The public surface of this feature: other features import only from here (eslint.config.js).
// Pages are not listed: the app shell lazy-loads them from their own files (routes.tsx).
export { useCan } from './use-can';
export { useSession } from './use-session';
export { roleCanEverywhere } from './permissions';
export { accountNeedsOrgUnit } from './permissions';
