export * from './pack-text.ts';
export * from './clip-keys.ts';
export * from './pack-validate.ts';
