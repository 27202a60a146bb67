import { describe, it } from 'vitest';
import { MemoryOutbox } from './memory-outbox.ts';
import { OUTBOX_CONTRACT } from './outbox.contract.ts';

// The IndexedDB outbox runs the same checks in Chromium: test/browser/kiosk-outbox.test.ts.
describe('MemoryOutbox meets the outbox contract', () => {
  for (const check of OUTBOX_CONTRACT) it(check.name, () => check.run(new MemoryOutbox()));
});
