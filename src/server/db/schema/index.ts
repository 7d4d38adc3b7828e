export * from './foundation.js';
export * from './inspections.js';
