/**
 * The server's native chain hash is the domain's definition (record-chain.ts in the domain), for
 * records as the tablet sends them: signed or not, with every optional field, in Vietnamese text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ClientRecord } from '@hailong/contracts';
import { GENESIS_HASH, recordChainHash } from '@hailong/domain';
import { serverChainHash } from './record-chain.ts';

const base = {
  id: '0d9c8b7a-6e5f-4a3b-8c2d-1e0f9a8b7c6d',
  deviceId: '7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910',
  deviceTime: '2026-11-20T03:00:00.000Z',
  schemaVersion: 1,
  kind: 'rating',
  sectorId: 'b1e0c3a2-6f4d-4c1e-9a7b-2d5e8f0a1b2c',
  reasons: [],
  possibleRepeat: false,
} as const;

describe('serverChainHash', () => {
  it('equals the domain’s recordChainHash', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 40 }),
        fc.integer({ min: 1, max: 5 }),
        fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
        fc.boolean(),
        (seq, level, comment, signed) => {
          const record = ClientRecord.parse({
            ...base,
            seq,
            level,
            ...(comment !== undefined && { comment: `Chờ lâu ở quầy ${comment}` }),
            ...(signed && { prevHash: GENESIS_HASH, signature: 'A'.repeat(86) }),
          });
          expect(serverChainHash(record)).toBe(recordChainHash(record));
        },
      ),
      { numRuns: 200 },
    );
  });
});
