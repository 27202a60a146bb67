export * from './sha256.ts';
export * from './merkle.ts';
export * from './canonical-json.ts';
export * from './dataset.ts';
export * from './checkpoint.ts';
export * from './record-chain.ts';
export * from './receipt.ts';
export * from './verify-checks.ts';
