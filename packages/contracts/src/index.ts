export * from './common.ts';
export * from './errors.ts';
export * from './catalogue.ts';
export * from './users.ts';
export * from './auth.ts';
export * from './health.ts';
