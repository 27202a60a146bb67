import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ClientRecord } from '@hailong/contracts';
import { ratingDraft } from './contract-fixtures.ts';
import { batchesOfSent, keptBatches, mayHold, takeFromBatch } from './kept-batches.ts';

const record = (seq: number, deviceId = 'device-a') =>
  ({ ...ratingDraft(0, deviceId), seq }) as ClientRecord;
const AT = '2026-11-23T08:00:00.000Z';

describe('keptBatches', () => {
  it('makes one entry per device, lowest number first, with its range and ids', () => {
    const records = [record(7), record(3), record(1, 'device-b'), record(5)];
    const batches = keptBatches(records, AT);
    expect(batches.map((b) => [b.deviceId, b.from, b.to, b.records.map((r) => r.seq)])).toEqual([
      ['device-a', 3, 7, [3, 5, 7]],
      ['device-b', 1, 1, [1]],
    ]);
    expect(batches[0]!.ids).toEqual(batches[0]!.records.map((r) => r.id));
    expect(batches.every((b) => b.ackedAt === AT)).toBe(true);
  });
});

describe('batchesOfSent', () => {
  it('regroups records kept one by one into one entry per device and acknowledgement', () => {
    const later = '2026-11-24T08:00:00.000Z';
    const sent = [
      { record: record(2), ackedAt: AT },
      { record: record(9), ackedAt: later },
      { record: record(1), ackedAt: AT },
      { record: record(4, 'device-b'), ackedAt: AT },
    ];
    const batches = batchesOfSent(sent);
    expect(batches.map((b) => [b.deviceId, b.ackedAt, b.records.map((r) => r.seq)])).toEqual([
      ['device-a', AT, [1, 2]],
      ['device-a', later, [9]],
      ['device-b', AT, [4]],
    ]);
  });

  it('loses and adds nothing, whatever the records', () => {
    const sent = fc.array(
      fc.record({
        seq: fc.integer({ min: 1, max: 10_000 }),
        device: fc.constantFrom('device-a', 'device-b'),
        day: fc.integer({ min: 1, max: 9 }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(sent, (rows) => {
        const input = rows.map((r) => ({
          record: record(r.seq, r.device),
          ackedAt: `2026-11-0${r.day}T00:00:00.000Z`,
        }));
        const batches = batchesOfSent(input);
        const out = batches.flatMap((b) => b.records.map((r) => `${r.id} ${b.ackedAt}`));
        expect(out.sort()).toEqual(input.map((s) => `${s.record.id} ${s.ackedAt}`).sort());
        for (const b of batches) {
          expect(b.records.every((r) => r.deviceId === b.deviceId)).toBe(true);
          expect(b.records.every((r) => b.from <= r.seq && r.seq <= b.to)).toBe(true);
        }
      }),
    );
  });
});

describe('takeFromBatch', () => {
  const [batch] = keptBatches(
    [1, 2, 3, 5, 8].map((seq) => record(seq)),
    AT,
  );
  const withKey = { ...batch!, key: 42 };

  it('takes the numbers in the ranges but not the excepted, and keeps the rest as the entry', () => {
    const { taken, rest } = takeFromBatch(
      withKey,
      [
        { from: 2, to: 3 },
        { from: 5, to: 6 },
      ],
      new Set([3]),
    );
    expect(taken.map((r) => r.seq)).toEqual([2, 5]);
    expect(rest).toMatchObject({ key: 42, from: 1, to: 8, ackedAt: AT });
    expect(rest!.records.map((r) => r.seq)).toEqual([1, 3, 8]);
    expect(rest!.ids).toEqual(rest!.records.map((r) => r.id));
  });

  it('answers the entry itself when nothing is taken, and null when all is', () => {
    expect(takeFromBatch(withKey, [{ from: 9, to: 20 }], new Set())).toEqual({
      taken: [],
      rest: withKey,
    });
    expect(takeFromBatch(withKey, [{ from: 1, to: 8 }], new Set()).rest).toBeNull();
  });

  it('finds the entries a range may touch by their first and last numbers', () => {
    expect(mayHold(withKey, { from: 8, to: 9 })).toBe(true);
    expect(mayHold(withKey, { from: 4, to: 4 })).toBe(true);
    expect(mayHold(withKey, { from: 9, to: 12 })).toBe(false);
  });
});
