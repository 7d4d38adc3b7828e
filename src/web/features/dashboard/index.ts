// The public surface of this feature: other features import only from here (eslint.config.js).
// Nothing yet: no other feature uses this one. Pages are lazy-loaded by the app shell from their own files.
export {};
