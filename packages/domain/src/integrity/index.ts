export * from './thresholds.ts';
export * from './opening-hours.ts';
export * from './signals.ts';
