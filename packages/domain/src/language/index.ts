export * from './pack-text.ts';
