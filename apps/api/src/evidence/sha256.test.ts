/** The domain's dependency-free SHA-256 agrees with node:crypto on any input. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256, toHex, utf8 } from '@hailong/domain';

describe('sha256 of the evidence code', () => {
  it('matches node:crypto on any bytes and any text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.string(), (data, text) => {
        expect(toHex(sha256(data))).toBe(createHash('sha256').update(data).digest('hex'));
        expect(toHex(utf8(text))).toBe(Buffer.from(text, 'utf8').toString('hex'));
      }),
    );
  });
});
