export * from './scales.ts';
export * from './roles.ts';
export * from './vi-text.ts';
export * from './vi-format.ts';
