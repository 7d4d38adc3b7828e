export * from './foundation.js';
export * from './inspections.js';
export * from './dx.js';
export * from './monitoring.js';
