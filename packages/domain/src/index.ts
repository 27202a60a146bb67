export * from './scales.ts';
export * from './roles.ts';
export * from './vi-text.ts';
export * from './vi-format.ts';
export * from './tracking-code.ts';
export * from './feedback-kinds.ts';
export * from './rollup.ts';
export * from './kiosk-defaults.ts';
