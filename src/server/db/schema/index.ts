export * from './foundation.js';
export * from './inspections.js';
export * from './dx.js';
export * from './dx-analytics.js';
export * from './monitoring.js';
export * from './publications.js';
export * from './jobs.js';
export * from './notifications.js';
