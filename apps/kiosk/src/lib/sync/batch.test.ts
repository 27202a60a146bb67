import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cutBatch, jsonBytes, syncBody } from './batch.ts';

const item = (i: number, text = '') => ({ id: `id-${i}`, seq: i, text });

describe('cutBatch', () => {
  it('takes everything when under both limits', () => {
    const records = [item(1), item(2), item(3)];
    expect(cutBatch(records, { maxItems: 500, maxBytes: 1 << 20 })).toEqual(records);
  });

  it('stops at the item limit, oldest first', () => {
    const records = Array.from({ length: 12 }, (_, i) => item(i + 1));
    expect(cutBatch(records, { maxItems: 5, maxBytes: 1 << 20 }).map((r) => r.seq)).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });

  it('keeps the whole body under the byte limit', () => {
    const records = Array.from({ length: 10 }, (_, i) => item(i + 1, 'đ'.repeat(100)));
    const one = jsonBytes(records[0]);
    const batch = cutBatch(records, { maxItems: 500, maxBytes: 3 * one + 40 });
    expect(batch).toHaveLength(3);
    expect(new TextEncoder().encode(syncBody(1, batch)).length).toBeLessThan(3 * one + 40);
  });

  it('counts UTF-8 bytes, not characters', () => {
    const ascii = item(1, 'a'.repeat(300));
    const vietnamese = item(1, 'ệ'.repeat(300));
    expect(jsonBytes(vietnamese) - jsonBytes(ascii)).toBe(600);
  });

  it('returns a single oversized record alone rather than nothing', () => {
    const big = item(1, 'x'.repeat(5000));
    expect(cutBatch([big, item(2)], { maxItems: 500, maxBytes: 1000 })).toEqual([big]);
  });

  it('returns nothing for nothing', () => {
    expect(cutBatch([], { maxItems: 500, maxBytes: 1000 })).toEqual([]);
  });

  it('is always a prefix within the limits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 300 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 200, max: 20_000 }),
        (texts, maxItems, maxBytes) => {
          const records = texts.map((t, i) => item(i + 1, t));
          const batch = cutBatch(records, { maxItems, maxBytes });
          expect(batch).toEqual(records.slice(0, batch.length));
          expect(batch.length).toBeLessThanOrEqual(maxItems);
          if (records.length > 0) expect(batch.length).toBeGreaterThan(0);
          if (batch.length > 1) {
            expect(new TextEncoder().encode(syncBody(1, batch)).length).toBeLessThan(maxBytes);
          }
          // Nothing that fits was left out.
          if (batch.length < Math.min(maxItems, records.length)) {
            const longer = records.slice(0, batch.length + 1);
            expect(new TextEncoder().encode(syncBody(1, longer)).length).toBeGreaterThanOrEqual(
              maxBytes,
            );
          }
        },
      ),
    );
  });
});
